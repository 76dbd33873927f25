// Link groups: a symbol chosen in any table or alert list of a colour drives the quote, chart and time and sales
// of the same colour. Widgets without a colour neither drive nor follow. The groups' symbols last as long as the tab
// (sessionStorage), so a reload shows the same symbols.

export const LINK_GROUPS = ['red', 'green', 'blue', 'yellow'];

const STORAGE_KEY = 'scanner.links';

export class LinkBus extends EventTarget {
  constructor(storage = sessionStorage) {
    super();
    this.storage = storage;
    this.symbols = new Map();   // group -> symbol
    try {
      for (const [group, symbol] of Object.entries(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}'))) {
        if (LINK_GROUPS.includes(group) && typeof symbol === 'string') this.symbols.set(group, symbol);
      }
    } catch {
      // an unreadable entry is forgotten
    }
  }

  /** The group's current symbol, or null. */
  symbolOf(group) {
    return (group && this.symbols.get(group)) ?? null;
  }

  /** Sets a group's symbol and tells its followers (a 'symbol' event with { group, symbol }). */
  select(group, symbol) {
    if (!LINK_GROUPS.includes(group) || !symbol) return;
    this.symbols.set(group, symbol);
    this.storage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(this.symbols)));
    this.dispatchEvent(new CustomEvent('symbol', { detail: { group, symbol } }));
  }
}
