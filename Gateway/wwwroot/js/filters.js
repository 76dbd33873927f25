// The scanner filters of the original widgets, applied in the browser, one set per ranking widget (kept in its
// layout, so they follow the user).
import { isNum } from './format.js';

export const DEFAULT_FILTERS = Object.freeze({
  enabled: true,
  minPrice: 2,
  maxPrice: 20,
  minVolume: 100_000,
  minRelativeVolume: 5,
  minChangePct: 10,
});

/** Saved filters (null limits mean "no limit"), completed with the defaults for anything missing. */
export function normalizeFilters(saved) {
  const f = { ...DEFAULT_FILTERS };
  if (!saved || typeof saved !== 'object') return f;
  if (typeof saved.enabled === 'boolean') f.enabled = saved.enabled;
  for (const key of Object.keys(DEFAULT_FILTERS)) {
    if (key !== 'enabled' && key in saved) f[key] = isNum(saved[key]) ? saved[key] : null;
  }
  return f;
}

/**
 * A row predicate. The change limit applies to the size of the move in the widget's change column, so a 15% loser
 * passes "change >= 10%" just as a 15% gainer does.
 */
export function filterPredicate(f, changeField) {
  if (!f.enabled) return () => true;
  const limit = (v) => (isNum(v) ? v : null);
  const minPrice = limit(f.minPrice), maxPrice = limit(f.maxPrice), minVolume = limit(f.minVolume);
  const minRel = limit(f.minRelativeVolume), minChange = limit(f.minChangePct);
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
