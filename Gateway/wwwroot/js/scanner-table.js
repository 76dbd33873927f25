// A ranked scanner list (top gainers, gappers, volume, ...): its own filters and columns, sortable by any column,
// rows coloured by the size of the move, navigable by keyboard. The whole body is updated at most once per frame.
import { Widget } from './widget.js';
import { COLUMNS, cellValue } from './columns.js';
import { escapeHtml, eventMillis, isNum, toMillis } from './format.js';
import { filterPredicate, normalizeFilters } from './filters.js';
import { changeFilters, mountFilterEditor, mountFiltersToggle } from './filter-editor.js';
import { RowNavigator } from './row-navigator.js';
import { NewEntries } from './alert-sound.js';
import { soundSettingsHtml, bindSoundSettings } from './sound-settings.js';

/** Colour tiers by the size of the move, as in the original widgets. */
const TIERS = [100, 50, 20, 10];
export const tierOf = (pct) => (isNum(pct) ? TIERS.find((t) => Math.abs(pct) >= t) ?? 0 : 0);

const compareBy = (col, dir) => {
  const sign = dir === 'asc' ? 1 : -1;
  if (col.text) return (a, b) => sign * String(a[col.key] ?? '').localeCompare(String(b[col.key] ?? ''));
  return (a, b) => {
    const x = cellValue(col, a), y = cellValue(col, b);
    const xn = isNum(x), yn = isNum(y);
    if (!xn || !yn) return xn === yn ? 0 : xn ? -1 : 1;   // missing values always last
    return sign * (x - y);
  };
};

export class ScannerTable extends Widget {
  /**
   * @param {{ id: string, title: string, feed: string, changeField: string, config: object, client: import('./feed-client.js').FeedClient,
   *           onSymbol: (s: string) => void, onChange: () => void, sounds: import('./alert-sound.js').AlertSounds }} options
   */
  constructor(options) {
    super({ ...options, type: 'ranking' });
    this.feed = options.feed;
    this.changeField = options.changeField;
    this.config = options.config;   // the layout entry: columns, filters, sound (edited in place, then onChange)
    this.config.filters = normalizeFilters(this.config.filters);
    this.onSymbol = options.onSymbol;
    this.onChange = options.onChange;
    this.sounds = options.sounds;
    this.newEntries = new NewEntries();
    this.rows = [];
    this.sort = { key: 'rank', dir: 'asc' };
    this.el.classList.add('scanner');
    this.el.dataset.feed = this.feed;

    this.enabledBox = mountFiltersToggle(this.tools, (enabled) => this.updateFilters({ enabled }));

    this.body.innerHTML = `
      <table class="grid" data-testid="table" id="w-${this.id}-table" aria-label="${escapeHtml(this.title)}">
        <thead><tr></tr></thead><tbody></tbody>
      </table>
      <div class="empty" data-testid="empty">Waiting for data…</div>`;
    this.table = this.body.querySelector('table');
    this.thead = this.body.querySelector('thead');
    this.tbody = this.body.querySelector('tbody');
    this.emptyEl = this.body.querySelector('.empty');
    this.navigator = new RowNavigator(this.table, (s) => this.onSymbol(s));

    this.thead.addEventListener('click', (e) => {
      const th = e.target.closest('th');
      if (th) this.sortBy(th.dataset.col);
    });
    this.tbody.addEventListener('click', (e) => {
      const sym = e.target.closest('tr')?.dataset.symbol;
      if (sym) this.onSymbol(sym);
    });
    this.buildHead();
    this.unsubscribe = options.client.subscribe(this.feed, (data, env) => this.setData(data, env));
  }

  dispose() {
    this.unsubscribe();
  }

  get columns() {
    const chosen = COLUMNS.filter((c) => this.config.columns.includes(c.key));
    return chosen.length ? chosen : COLUMNS.slice(0, 3);
  }

  buildHead() {
    this.thead.rows[0].innerHTML = this.columns.map((c) => `
      <th scope="col" data-col="${c.key}" class="${c.text ? 'text' : 'num'}${c.key === this.changeField ? ' emph' : ''}"
          aria-sort="none" title="${escapeHtml(c.title)}">
        <button type="button" data-testid="sort-${c.key}">${escapeHtml(c.label)}<span class="arrow" aria-hidden="true"></span></button>
      </th>`).join('');
    this.tbody.replaceChildren();
    this.enabledBox.checked = this.config.filters.enabled;
    this.updateSortHeaders();
  }

  mountSettings() {
    this.settingsEl.innerHTML = `
      <fieldset class="filters" data-testid="filters"><legend>Filters</legend></fieldset>
      <fieldset class="columns" data-testid="columns"><legend>Columns</legend>${COLUMNS.map((c) => `
        <label title="${escapeHtml(c.title)}"><input type="checkbox" value="${c.key}" data-testid="column-${c.key}"
          ${this.config.columns.includes(c.key) ? 'checked' : ''}> ${escapeHtml(c.label)}</label>`).join('')}
      </fieldset>
      ${soundSettingsHtml(this.config.sound)}`;
    mountFilterEditor(this.settingsEl.querySelector('.filters'), this.config.filters, (partial) => this.updateFilters(partial));
    this.settingsEl.querySelector('.columns').addEventListener('change', () => {
      this.config.columns = [...this.settingsEl.querySelectorAll('.columns input:checked')].map((i) => i.value);
      this.buildHead();
      this.invalidate();
      this.onChange();
    });
    bindSoundSettings(this.settingsEl, this.config, this.sounds, this.onChange);
    return true;
  }

  updateFilters(partial) {
    changeFilters(this, partial);
  }

  /** Feed payload: an array of rows (anything else is ignored rather than breaking the page). */
  setData(data, envelope) {
    this.rows = Array.isArray(data) ? data.filter((r) => r && typeof r === 'object') : [];
    // The data's own (market) time, of the newest event behind a row; a replayed day is years older than its publication.
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
    const col = COLUMNS.find((c) => c.key === this.sort.key) ?? COLUMNS[0];
    const visible = this.rows.filter(filterPredicate(this.config.filters, this.changeField)).sort(compareBy(col, this.sort.dir));
    // Rows are reused in place and cells touched only when their text changes: a table under a
    // steady stream stays cheap to update, and a row does not vanish from under the mouse.
    const trs = this.tbody.rows;
    for (let i = 0; i < visible.length; i++) this.fillRow(trs[i] ?? this.newRow(), visible[i]);
    while (trs.length > visible.length) this.tbody.deleteRow(-1);
    this.navigator.mark();
    this.countEl.textContent = `${visible.length}/${this.rows.length}`;
    this.el.dataset.visible = String(visible.length);
    this.el.dataset.total = String(this.rows.length);
    this.emptyEl.hidden = visible.length > 0;
    this.emptyEl.textContent = this.rows.length === 0 ? 'Waiting for data…' : 'No rows pass the filters';
    const fresh = this.newEntries.update(visible.map((r) => String(r.symbol)));
    this.sounds.announce(this.id, this.config.sound, this.title, fresh);
  }

  newRow() {
    const tr = this.tbody.insertRow();
    for (const c of this.columns) tr.insertCell().dataset.col = c.key;
    return tr;
  }

  fillRow(tr, row) {
    const move = row[this.changeField];
    const tier = tierOf(move);
    const rowClass = tier ? `t${tier} ${isNum(move) && move < 0 ? 'down' : 'up'}` : '';
    const symbol = String(row.symbol ?? '');
    if (tr.dataset.symbol !== symbol) tr.dataset.symbol = symbol;
    if (tr.dataset.tier !== String(tier)) tr.dataset.tier = String(tier);
    const active = tr.classList.contains('active');
    if (tr.className.replace(' active', '').replace('active', '') !== rowClass) tr.className = rowClass + (active ? ' active' : '');
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const td = tr.cells[i];
      let text, cls;
      if (c.text) {
        text = String(row[c.key] ?? '–');
        cls = 'text sym';
      } else {
        const v = cellValue(c, row);
        const note = c.note?.(row);
        text = c.format(v) + (note ? ` ${note}` : '');
        cls = c.signed && isNum(v) ? (v > 0 ? 'num pos' : v < 0 ? 'num neg' : 'num') : 'num';
        const raw = isNum(v) ? String(v) : '';
        if (td.dataset.v !== raw) td.dataset.v = raw;
      }
      if (td.textContent !== text) td.textContent = text;
      if (td.className !== cls) td.className = cls;
    }
  }
}
