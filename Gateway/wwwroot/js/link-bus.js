// Link groups: a symbol chosen in any table or alert list of a colour drives the quote, chart and time and sales
// of the same colour. Widgets without a colour neither drive nor follow.

export const LINK_GROUPS = ['red', 'green', 'blue', 'yellow'];

export class LinkBus extends EventTarget {
  constructor() {
    super();
    this.symbols = new Map();   // group -> symbol
  }

  /** The group's current symbol, or null. */
  symbolOf(group) {
    return (group && this.symbols.get(group)) ?? null;
  }

  /** Sets a group's symbol and tells its followers (a 'symbol' event with { group, symbol }). */
  select(group, symbol) {
    if (!LINK_GROUPS.includes(group) || !symbol) return;
    this.symbols.set(group, symbol);
    this.dispatchEvent(new CustomEvent('symbol', { detail: { group, symbol } }));
  }
}
