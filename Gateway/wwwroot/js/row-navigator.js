// Keyboard for a table: the table is one tab stop; arrow keys (and Home / End) move a highlighted row, Enter selects
// its symbol. The highlight follows the row's key (data-key, else its symbol), not the position, as rows re-rank.

const keyOf = (tr) => tr.dataset.key ?? tr.dataset.symbol;

export class RowNavigator {
  /** @param {HTMLTableElement} table @param {(symbol: string) => void} onSelect */
  constructor(table, onSelect) {
    this.table = table;
    this.tbody = table.tBodies[0];
    this.onSelect = onSelect;
    this.activeKey = null;
    table.tabIndex = 0;
    table.addEventListener('keydown', (e) => this.onKey(e));
    table.addEventListener('focus', () => {
      if (!this.activeKey) this.moveTo(0);
    });
  }

  onKey(e) {
    const rows = this.tbody.rows;
    if (rows.length === 0) return;
    const index = this.indexOfActive();
    const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + 10, PageUp: index - 10 };
    if (e.key in moves) {
      e.preventDefault();
      this.moveTo(Math.max(0, Math.min(rows.length - 1, moves[e.key])));
    } else if (e.key === 'Enter' && index >= 0) {
      e.preventDefault();
      this.onSelect(rows[index].dataset.symbol);
    }
  }

  indexOfActive() {
    return [...this.tbody.rows].findIndex((tr) => keyOf(tr) === this.activeKey);
  }

  moveTo(index) {
    const tr = this.tbody.rows[index];
    if (!tr) return;
    this.activeKey = keyOf(tr);
    this.mark();
    tr.scrollIntoView({ block: 'nearest' });
  }

  /** Re-applies the highlight after a render. */
  mark() {
    for (const tr of this.tbody.rows) {
      const active = this.activeKey !== null && keyOf(tr) === this.activeKey;
      if (tr.classList.contains('active') !== active) tr.classList.toggle('active', active);
      if (tr.getAttribute('aria-selected') !== String(active)) tr.setAttribute('aria-selected', String(active));
    }
  }
}
