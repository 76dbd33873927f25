// A ranked scanner list (top gainers, gappers, volume, ...): filtered, sortable by any column, rows
// coloured by the size of the move. The whole body is rebuilt at most once per frame.
import { Widget } from './widget.js';
import { compact, escapeHtml, eventMillis, isNum, percent, price, ratio, toMillis } from './format.js';

/** Columns every scanner table shows; `key` is the row field, `format` turns it into text. */
const COLUMNS = [
  { key: 'rank', label: '#', format: (v) => (isNum(v) ? String(v) : '–'), dir: 'asc', title: 'Rank in this scanner' },
  { key: 'symbol', label: 'Symbol', text: true, dir: 'asc' },
  { key: 'close', label: 'Price', format: price, title: 'Last price' },
  { key: 'pct_change', label: 'Gap %', format: percent, signed: true, title: 'Change vs previous close' },
  { key: 'pct_change_since_open', label: 'Open %', format: percent, signed: true, title: 'Change since the open' },
  { key: 'accumulated_volume', label: 'Volume', format: compact, title: 'Volume today' },
  { key: 'relative_volume', label: 'RVol', format: ratio, title: 'Volume today / average daily volume' },
  { key: 'free_float', label: 'Float', format: compact, title: 'Free float (shares)' },
  { key: 'aggregate_vwap', label: 'VWAP', format: price, title: 'Volume weighted average price today' },
];

/** Colour tiers by the size of the move, as in the original widgets. */
const TIERS = [100, 50, 20, 10];
export const tierOf = (pct) => (isNum(pct) ? TIERS.find((t) => Math.abs(pct) >= t) ?? 0 : 0);

const compareBy = (col, dir) => {
  const sign = dir === 'asc' ? 1 : -1;
  if (col.text) return (a, b) => sign * String(a[col.key] ?? '').localeCompare(String(b[col.key] ?? ''));
  return (a, b) => {
    const x = a[col.key], y = b[col.key];
    const xn = isNum(x), yn = isNum(y);
    if (!xn || !yn) return xn === yn ? 0 : xn ? -1 : 1;   // missing values always last
    return sign * (x - y);
  };
};

export class ScannerTable extends Widget {
  /**
   * @param {{ id: string, title: string, feed: string, changeField: string,
   *           filters: import('./filters.js').Filters, onSymbol?: (s: string) => void }} options
   */
  constructor(options) {
    super(options);
    this.feed = options.feed;
    this.changeField = options.changeField;
    this.filters = options.filters;
    this.onSymbol = options.onSymbol;
    this.rows = [];
    this.sort = { key: 'rank', dir: 'asc' };
    this.el.classList.add('scanner');
    this.el.dataset.feed = this.feed;

    this.body.innerHTML = `
      <table class="grid" data-testid="table">
        <thead><tr>${COLUMNS.map((c) => `
          <th scope="col" data-col="${c.key}" class="${c.text ? 'text' : 'num'}${c.key === this.changeField ? ' emph' : ''}"
              aria-sort="none"${c.title ? ` title="${escapeHtml(c.title)}"` : ''}>
            <button type="button" data-testid="sort-${c.key}">${escapeHtml(c.label)}<span class="arrow" aria-hidden="true"></span></button>
          </th>`).join('')}</tr></thead>
        <tbody></tbody>
      </table>
      <div class="empty" data-testid="empty">Waiting for data…</div>`;
    this.thead = this.body.querySelector('thead');
    this.tbody = this.body.querySelector('tbody');
    this.emptyEl = this.body.querySelector('.empty');

    this.thead.addEventListener('click', (e) => {
      const th = e.target.closest('th');
      if (th) this.sortBy(th.dataset.col);
    });
    this.tbody.addEventListener('click', (e) => {
      const sym = e.target.closest('tr')?.dataset.symbol;
      if (sym && this.onSymbol) this.onSymbol(sym);
    });
    this.filters.addEventListener('change', () => this.invalidate());
    this.updateSortHeaders();
  }

  /** Feed payload: an array of rows (anything else is ignored rather than breaking the page). */
  setData(data, envelope) {
    this.rows = Array.isArray(data) ? data.filter((r) => r && typeof r === 'object') : [];
    // The data's own (market) time, of the newest event behind a row (older gateways: its bar's end); a replayed
    // day is years older than its publication.
    let newest = null;
    for (const r of this.rows) {
      const t = eventMillis(r);
      if (t && (!newest || t > newest)) newest = t;
    }
    this.touched(newest ?? toMillis(envelope?.published_at));
  }

  sortBy(key) {
    const col = COLUMNS.find((c) => c.key === key);
    if (!col) return;
    this.sort = this.sort.key === key
      ? { key, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' }
      : { key, dir: col.dir ?? 'desc' };
    this.updateSortHeaders();
    this.invalidate();
  }

  updateSortHeaders() {
    for (const th of this.thead.querySelectorAll('th')) {
      const active = th.dataset.col === this.sort.key;
      th.setAttribute('aria-sort', active ? (this.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.querySelector('.arrow').textContent = active ? (this.sort.dir === 'asc' ? '▲' : '▼') : '';
    }
  }

  render() {
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const visible = this.rows.filter(this.filters.predicate(this.changeField)).sort(compareBy(col, this.sort.dir));
    // Rows are reused in place and cells touched only when their text changes: a table under a
    // steady stream stays cheap to update, and a row does not vanish from under the mouse.
    const trs = this.tbody.rows;
    for (let i = 0; i < visible.length; i++) this.fillRow(trs[i] ?? this.newRow(), visible[i]);
    while (trs.length > visible.length) this.tbody.deleteRow(-1);
    this.countEl.textContent = `${visible.length}/${this.rows.length}`;
    this.el.dataset.visible = String(visible.length);
    this.el.dataset.total = String(this.rows.length);
    this.emptyEl.hidden = visible.length > 0;
    this.emptyEl.textContent = this.rows.length === 0 ? 'Waiting for data…' : 'No rows pass the filters';
  }

  newRow() {
    const tr = this.tbody.insertRow();
    for (const c of COLUMNS) tr.insertCell().dataset.col = c.key;
    return tr;
  }

  fillRow(tr, row) {
    const move = row[this.changeField];
    const tier = tierOf(move);
    const rowClass = tier ? `t${tier} ${isNum(move) && move < 0 ? 'down' : 'up'}` : '';
    const symbol = String(row.symbol ?? '');
    if (tr.dataset.symbol !== symbol) tr.dataset.symbol = symbol;
    if (tr.dataset.tier !== String(tier)) tr.dataset.tier = String(tier);
    if (tr.className !== rowClass) tr.className = rowClass;
    const cells = tr.cells;
    for (let i = 0; i < COLUMNS.length; i++) {
      const c = COLUMNS[i];
      const td = cells[i];
      const v = row[c.key];
      let text, cls;
      if (c.text) {
        text = String(v ?? '–');
        cls = 'text sym';
      } else {
        text = c.format(v);
        cls = c.signed && isNum(v) ? (v > 0 ? 'num pos' : v < 0 ? 'num neg' : 'num') : 'num';
        const raw = isNum(v) ? String(v) : '';
        if (td.dataset.v !== raw) td.dataset.v = raw;
      }
      if (td.textContent !== text) td.textContent = text;
      if (td.className !== cls) td.className = cls;
    }
  }
}
