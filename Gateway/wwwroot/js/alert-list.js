// A list of alerts (halts, momentum, new session highs / lows), newest first. Several feeds can feed
// one list (HOD + LOD), each tagged. Known fields are laid out; unknown ones are shown as key: value.
import { Widget } from './widget.js';
import { clock, escapeHtml, humanize, isNum, percent, price, toMillis } from './format.js';

const MAX_SHOWN = 250;
const KNOWN = new Set(['symbol', 'timestamp', 'time', 'price', 'previous', 'note', 'reason', 'session', 'direction', 'status', 'pct_change']);

const timeOf = (a) => toMillis(a.timestamp) ?? toMillis(a.time) ?? 0;

function typeOf(alert, tag) {
  const parts = [tag ?? alert.direction ?? alert.status, alert.session].filter((p) => typeof p === 'string' && p);
  return parts.join(' · ').replace(/_/g, '-');
}

function detailOf(alert) {
  const main = alert.note ?? alert.reason ?? (isNum(alert.previous) ? `previous ${price(alert.previous)}` : '');
  const extra = Object.entries(alert)
    .filter(([k, v]) => !KNOWN.has(k) && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${humanize(k)}: ${isNum(v) ? +v.toFixed(4) : v}`);
  return [main, ...extra].filter(Boolean).join(' · ');
}

/** "up"/"halt"/"LOD" style hints decide the row colour. */
function toneOf(alert, tag) {
  const hint = String(tag ?? alert.direction ?? alert.status ?? '').toLowerCase();
  if (/lod|low|down|halt/.test(hint)) return 'down';
  if (/hod|high|up|resum/.test(hint)) return 'up';
  return '';
}

export class AlertList extends Widget {
  /** @param {{ id: string, title: string, feeds: { feed: string, tag?: string }[], onSymbol?: (s: string) => void }} options */
  constructor(options) {
    super(options);
    this.feeds = options.feeds;
    this.onSymbol = options.onSymbol;
    this.byFeed = new Map(this.feeds.map((f) => [f.feed, []]));
    this.el.classList.add('alerts');
    this.body.innerHTML = `
      <table class="grid" data-testid="table">
        <thead><tr>
          <th scope="col" class="text">Time</th><th scope="col" class="text">Symbol</th>
          <th scope="col" class="text">Type</th><th scope="col" class="num">Price</th>
          <th scope="col" class="text">Detail</th>
        </tr></thead>
        <tbody></tbody>
      </table>
      <div class="empty" data-testid="empty">No alerts yet</div>`;
    this.tbody = this.body.querySelector('tbody');
    this.emptyEl = this.body.querySelector('.empty');
    this.tbody.addEventListener('click', (e) => {
      const sym = e.target.closest('tr')?.dataset.symbol;
      if (sym && this.onSymbol) this.onSymbol(sym);
    });
  }

  setData(feed, data, envelope) {
    const tag = this.feeds.find((f) => f.feed === feed)?.tag;
    const list = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
    const alerts = list.filter((a) => a && typeof a === 'object');
    this.byFeed.set(feed, alerts.map((a) => ({ a, tag })));
    // The newest alert's own (market) time; publication time only when the alerts carry none.
    const newest = Math.max(0, ...alerts.map(timeOf));
    this.touched(newest > 0 ? newest : toMillis(envelope?.published_at));
  }

  render() {
    const all = [...this.byFeed.values()].flat();
    if (this.byFeed.size > 1) all.sort((x, y) => timeOf(y.a) - timeOf(x.a));
    const shown = all.slice(0, MAX_SHOWN);
    this.tbody.innerHTML = shown.map(({ a, tag }) => {
      const tone = toneOf(a, tag);
      const detail = escapeHtml(detailOf(a));
      const pct = isNum(a.pct_change) ? ` <span class="${a.pct_change < 0 ? 'neg' : 'pos'}">${percent(a.pct_change)}</span>` : '';
      return `<tr data-symbol="${escapeHtml(a.symbol)}" class="${tone}">
        <td class="text time">${clock(a.timestamp ?? a.time)}</td>
        <td class="text sym">${escapeHtml(a.symbol ?? '–')}</td>
        <td class="text type">${escapeHtml(typeOf(a, tag))}</td>
        <td class="num">${price(a.price)}${pct}</td>
        <td class="text detail" title="${detail}">${detail}</td></tr>`;
    }).join('');
    this.countEl.textContent = String(all.length);
    this.el.dataset.visible = String(shown.length);
    this.emptyEl.hidden = shown.length > 0;
  }
}
