// One symbol in detail: its scanner row (quote:{SYM}) and its session highs and lows (daily_range:{SYM}).
import { Widget } from './widget.js';
import { clock, compact, escapeHtml, eventMillis, humanize, isNum, percent, price, ratio, signedPrice, toMillis } from './format.js';

const STORAGE_KEY = 'scanner.quote.symbol';
const SYMBOL = /^[A-Z][A-Z0-9.\-]{0,9}$/;

/** The quote fields shown as label / value pairs, in reading order. */
const FIELDS = [
  ['open', 'Open', price], ['high', 'High', price], ['low', 'Low', price], ['aggregate_vwap', 'VWAP', price],
  ['prev_day_close', 'Prev close', price], ['official_open_price', 'Official open', price],
  ['accumulated_volume', 'Volume', compact], ['avg_volume', 'Avg volume', compact],
  ['relative_volume', 'Rel volume', ratio], ['free_float', 'Float', compact],
  ['pct_change', 'Gap %', percent], ['pct_change_since_open', 'Since open %', percent],
  ['prev_day_high', 'Prev high', price], ['prev_day_low', 'Prev low', price],
  ['average_size', 'Avg trade', compact], ['volume', 'Bar volume', compact],
];

export class QuoteWidget extends Widget {
  /** @param {{ id: string, title: string, client: import('./feed-client.js').FeedClient }} options */
  constructor(options) {
    super(options);
    this.client = options.client;
    this.symbol = null;
    this.quote = null;
    this.range = null;
    this.unsubscribe = [];
    this.el.classList.add('quote');

    this.tools.innerHTML = `
      <form class="quote-form" data-testid="quote-form" role="search">
        <label class="sr-only" for="quote-symbol">Symbol</label>
        <input id="quote-symbol" data-testid="quote-symbol" placeholder="Symbol" maxlength="10"
               autocomplete="off" spellcheck="false" autocapitalize="characters">
        <button type="submit" data-testid="quote-watch">Watch</button>
      </form>`;
    this.input = this.tools.querySelector('input');
    this.tools.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.watch(this.input.value);
    });
    this.body.innerHTML = `<div class="empty" data-testid="empty">Type a symbol, or click one in any list</div>
      <div class="quote-view" hidden></div>`;
    this.emptyEl = this.body.querySelector('.empty');
    this.view = this.body.querySelector('.quote-view');

    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) this.watch(saved);
  }

  /** Switches the widget to a symbol: unsubscribes the previous one's feeds, subscribes the new. */
  watch(text) {
    const symbol = String(text ?? '').trim().toUpperCase();
    this.input.value = symbol;
    if (!SYMBOL.test(symbol)) {
      this.input.classList.add('invalid');
      return;
    }
    this.input.classList.remove('invalid');
    if (symbol === this.symbol) return;
    for (const off of this.unsubscribe) off();
    this.symbol = symbol;
    this.quote = null;
    this.range = null;
    this.updates = 0;
    this.lastUpdateAt = 0;
    this.dataTimestamp = null;
    this.el.dataset.symbol = symbol;
    sessionStorage.setItem(STORAGE_KEY, symbol);
    this.unsubscribe = [
      this.client.subscribe(`quote:${symbol}`, (data, env) => this.onQuote(symbol, data, env)),
      this.client.subscribe(`daily_range:${symbol}`, (data, env) => this.onRange(symbol, data, env)),
    ];
    this.ageEl.textContent = 'waiting';
    this.invalidate();
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
    const move = q?.pct_change;
    const tone = isNum(move) ? (move > 0 ? 'pos' : move < 0 ? 'neg' : '') : '';
    this.view.innerHTML = `
      <div class="quote-head">
        <span class="quote-sym" data-testid="quote-sym">${escapeHtml(this.symbol)}</span>
        <span class="quote-last" data-testid="quote-last">${price(q?.close)}</span>
        <span class="quote-chg ${tone}" data-testid="quote-change">${signedPrice(q?.change)} (${percent(q?.pct_change)})</span>
        ${q ? '' : '<span class="muted">no quote yet</span>'}
      </div>
      <dl class="kv" data-testid="quote-fields">${FIELDS.map(([k, label, fmt]) =>
        `<div><dt>${label}</dt><dd data-field="${k}">${fmt(q?.[k])}</dd></div>`).join('')}</dl>
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
