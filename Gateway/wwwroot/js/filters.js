// The scanner filters of the original widgets, applied in the browser. One set for the whole page,
// kept in localStorage; every scanner table re-filters when it changes.
import { isNum } from './format.js';

const STORAGE_KEY = 'scanner.filters.v1';

export const DEFAULT_FILTERS = Object.freeze({
  enabled: true,
  minPrice: 2,
  maxPrice: 20,
  minVolume: 100_000,
  minRelativeVolume: 5,
  minChangePct: 10,
});

export class Filters extends EventTarget {
  constructor(storage = localStorage) {
    super();
    this.storage = storage;
    this.values = { ...DEFAULT_FILTERS, ...this.load() };
  }

  load() {
    try {
      return JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '{}') ?? {};
    } catch {
      return {};
    }
  }

  /** Merges a partial change (NaN means "no limit"), saves it and tells the widgets. */
  update(partial) {
    this.values = { ...this.values, ...partial };
    this.storage.setItem(STORAGE_KEY, JSON.stringify(this.values));
    this.dispatchEvent(new Event('change'));
  }

  reset() {
    this.update({ ...DEFAULT_FILTERS });
  }

  /**
   * A row predicate for one widget. The change limit applies to the size of the move in that widget's
   * change column, so a 15% loser passes "change >= 10%" just as a 15% gainer does.
   */
  predicate(changeField) {
    const f = this.values;
    if (!f.enabled) return () => true;
    const limit = (v) => isNum(v) && !Number.isNaN(v);
    const minPrice = limit(f.minPrice) ? f.minPrice : null;
    const maxPrice = limit(f.maxPrice) ? f.maxPrice : null;
    const minVolume = limit(f.minVolume) ? f.minVolume : null;
    const minRel = limit(f.minRelativeVolume) ? f.minRelativeVolume : null;
    const minChange = limit(f.minChangePct) ? f.minChangePct : null;
    return (row) => {
      const p = row.close;
      if (minPrice !== null && !(p >= minPrice)) return false;
      if (maxPrice !== null && !(p <= maxPrice)) return false;
      if (minVolume !== null && !(row.accumulated_volume >= minVolume)) return false;
      if (minRel !== null && !(row.relative_volume >= minRel)) return false;
      if (minChange !== null && !(Math.abs(row[changeField]) >= minChange)) return false;
      return true;
    };
  }
}
