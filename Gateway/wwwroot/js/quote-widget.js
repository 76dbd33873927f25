// One symbol in detail: its scanner row (quote:{SYM}) and its session highs and lows (daily_range:{SYM}).
import { SymbolWidget } from './symbol-widget.js';
import { clock, compact, escapeHtml, eventMillis, humanize, isNum, known, price, toMillis } from './format.js';
import { COLUMNS, cellValue } from './columns.js';

/** A column of the rankings by key: the quote shows the same figures with the same formulas and unknowns. */
const column = (key) => COLUMNS.find((c) => c.key === key);
const fromColumn = (key, label) => {
  const c = column(key);
  return { key, label, title: c.title, text: (q) => c.format(cellValue(c, q)) + (c.note?.(q) ? ` ${c.note(q)}` : '') };
};
/** A figure the feeds send as 0 while unknown. */
const plain = (key, label, format, title = '') => ({ key, label, title, text: (q) => format(known(q[key])) });

/** The quote fields shown as label / value pairs, in reading order. */
const FIELDS = [
  plain('open', 'Open', price, 'First trade or bar since 04:00'), plain('high', 'High', price), plain('low', 'Low', price),
  fromColumn('aggregate_vwap', 'VWAP'), plain('prev_day_close', 'Prev close', price), plain('official_open_price', 'Official open', price),
  fromColumn('accumulated_volume', 'Volume'), plain('avg_volume', 'Avg volume', compact, 'Mean daily volume of the last 30 sessions'),
  fromColumn('relative_volume', 'RVol'), fromColumn('relative_volume_tod', 'RVol TOD'), fromColumn('free_float', 'Float'),
  fromColumn('pct_change', 'Chg %'), fromColumn('gap', 'Gap %'), fromColumn('pct_change_since_open', 'Since open %'),
  plain('prev_day_high', 'Prev high', price), plain('prev_day_low', 'Prev low', price),
  plain('average_size', 'Avg trade', compact), plain('volume', 'Bar volume', compact),
  plain('bid_price', 'Bid', price, 'Best bid (NBBO)'), plain('ask_price', 'Ask', price, 'Best ask (NBBO)'),
  plain('bid_size', 'Bid size', compact, 'Shares at the best bid'), plain('ask_size', 'Ask size', compact, 'Shares at the best ask'),
  // In the stock's own tick: cents at a dollar and above, four decimals below.
  { key: 'spread', label: 'Spread', title: 'Ask minus bid', text: (q) => (known(q.spread) ? q.spread.toFixed(q.close >= 1 ? 2 : 4) : '–') },
];

export class QuoteWidget extends SymbolWidget {
  /** @param {ConstructorParameters<typeof SymbolWidget>[0]} options */
  constructor(options) {
    super({ ...options, type: 'quote' });
    this.quote = null;
    this.range = null;
    this.el.classList.add('quote');
    this.body.innerHTML = `<div class="empty" data-testid="empty">Type a symbol, or click one in any list</div>
      <div class="quote-view" hidden></div>`;
    this.emptyEl = this.body.querySelector('.empty');
    this.view = this.body.querySelector('.quote-view');
    this.start();
  }

  reset() {
    this.quote = null;
    this.range = null;
  }

  subscribeFeeds(symbol) {
    return [
      this.client.subscribe(`quote:${symbol}`, (data, env) => this.onQuote(symbol, data, env)),
      this.client.subscribe(`daily_range:${symbol}`, (data, env) => this.onRange(symbol, data, env)),
    ];
  }

  onQuote(symbol, data, envelope) {
    if (symbol !== this.symbol) return;
    const row = Array.isArray(data) ? data[0] : data;   // tolerate a one-row list
    this.quote = row && typeof row === 'object' ? row : null;
    this.touched(eventMillis(this.quote) ?? toMillis(envelope?.published_at));
  }

  onRange(symbol, data, envelope) {
    if (symbol !== this.symbol) return;
    this.range = data && typeof data === 'object' ? data : null;
    this.touched(toMillis(envelope?.published_at));
  }

  render() {
    const q = this.quote;
    this.emptyEl.hidden = !!this.symbol;
    this.view.hidden = !this.symbol;
    if (!this.symbol) return;
    const change = column('change'), pct = column('pct_change');
    const move = q ? cellValue(pct, q) : null;
    const tone = isNum(move) ? (move > 0 ? 'pos' : move < 0 ? 'neg' : '') : '';
    this.view.innerHTML = `
      <div class="quote-head">
        <span class="quote-sym" data-testid="quote-sym">${escapeHtml(this.symbol)}</span>
        <span class="quote-last" data-testid="quote-last">${price(known(q?.close))}</span>
        <span class="quote-chg ${tone}" data-testid="quote-change" title="${escapeHtml(pct.title)}">${
          q ? change.format(cellValue(change, q)) : '–'} (${q ? pct.format(move) : '–'})</span>
        ${q ? '' : '<span class="muted">no quote yet</span>'}
      </div>
      <dl class="kv" data-testid="quote-fields">${FIELDS.map((f) =>
        `<div title="${escapeHtml(f.title)}"><dt>${f.label}</dt><dd data-field="${f.key}">${q ? f.text(q) : '–'}</dd></div>`).join('')}</dl>
      <h3>Session range</h3>
      ${this.rangeHtml()}`;
  }

  /** daily_range:{SYM} is an object of session highs / lows; unknown keys are shown as they come. */
  rangeHtml() {
    const r = this.range;
    if (!r) return '<div class="muted" data-testid="quote-range">no range yet</div>';
    const entries = Object.entries(r).filter(([k, v]) => k !== 'symbol' && (isNum(v) || typeof v === 'string'));
    return `<dl class="kv range" data-testid="quote-range">${entries.map(([k, v]) =>
      `<div><dt>${escapeHtml(humanize(k))}</dt><dd data-field="${escapeHtml(k)}">${
        isNum(v) ? rangeValue(k, v) : escapeHtml(v)}</dd></div>`).join('')}</dl>`;
  }
}

/** A range field for display: times as New York clock time, the trading day (yyyymmdd) as a date, prices otherwise. */
function rangeValue(key, value) {
  if (/time|timestamp/.test(key)) return clock(value);
  if (key === 'trading_day') {
    const d = String(value);
    return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  }
  return price(value);
}
