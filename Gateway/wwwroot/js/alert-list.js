// A list of alerts (halts, momentum, new session highs / lows), newest first. Several feeds can feed
// one list (HOD + LOD), each tagged. Known fields are laid out; unknown ones are shown as key: value.
// New alerts can sound or notify (opt-in, in the widget's settings). The list has the rankings' filters, applied
// to the context every alert carries (price, day % change, relative volume, volume), off for a new widget.
import { Widget } from './widget.js';
import { clock, escapeHtml, humanize, isNum, percent, price, toMillis } from './format.js';
import { RowNavigator } from './row-navigator.js';
import { NewEntries } from './alert-sound.js';
import { bindSoundSettings, soundSettingsHtml } from './sound-settings.js';
import { filterPredicate, normalizeFilters } from './filters.js';
import { changeFilters, mountFilterEditor, mountFiltersToggle } from './filter-editor.js';

const MAX_SHOWN = 250;
const KNOWN = new Set(['symbol', 'timestamp', 'time', 'price', 'previous', 'note', 'reason', 'session', 'direction', 'status', 'pct_change']);

/** An alert's context as the row fields the filters read. */
const contextOf = (a) => ({ close: a.price, accumulated_volume: a.volume, relative_volume: a.relative_volume, day_pct_change: a.day_pct_change });

const timeOf = (a) => toMillis(a.timestamp) ?? toMillis(a.time) ?? 0;
/** One alert's identity across publications: the same symbol can alert again later. */
const keyOf = (a, tag) => `${a.symbol}|${timeOf(a)}|${tag ?? a.direction ?? a.status ?? ''}`;

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
  /**
   * @param {{ id: string, title: string, feeds: { feed: string, tag?: string }[], config: object, client: import('./feed-client.js').FeedClient,
   *           onSymbol: (s: string) => void, onChange: () => void, sounds: import('./alert-sound.js').AlertSounds }} options
   */
  constructor(options) {
    super({ ...options, type: 'alerts' });
    this.feeds = options.feeds;
    this.onSymbol = options.onSymbol;
    this.config = options.config;
    this.config.filters = normalizeFilters(this.config.filters ?? { enabled: false });
    this.onChange = options.onChange;
    this.sounds = options.sounds;
    this.newEntries = new NewEntries();
    this.byFeed = new Map(this.feeds.map((f) => [f.feed, []]));
    this.el.classList.add('alerts');
    this.enabledBox = mountFiltersToggle(this.tools, (enabled) => this.updateFilters({ enabled }));
    this.enabledBox.checked = this.config.filters.enabled;
    this.body.innerHTML = `
      <table class="grid" data-testid="table" id="w-${this.id}-table" aria-label="${escapeHtml(this.title)}">
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
      if (sym) this.onSymbol(sym);
    });
    this.navigator = new RowNavigator(this.body.querySelector('table'), (s) => this.onSymbol(s));
    this.unsubscribe = this.feeds.map(({ feed }) => options.client.subscribe(feed, (data, env) => this.setData(feed, data, env)));
  }

  dispose() {
    for (const off of this.unsubscribe) off();
  }

  mountSettings() {
    this.settingsEl.innerHTML = `<fieldset class="filters" data-testid="filters"><legend>Filters</legend></fieldset>
      ${soundSettingsHtml(this.config.sound)}`;
    mountFilterEditor(this.settingsEl.querySelector('.filters'), this.config.filters, (partial) => this.updateFilters(partial));
    bindSoundSettings(this.settingsEl, this.config, this.sounds, this.onChange);
    return true;
  }

  updateFilters(partial) {
    changeFilters(this, partial);
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
    const passes = filterPredicate(this.config.filters, 'day_pct_change');
    const all = [...this.byFeed.values()].flat().filter(({ a }) => passes(contextOf(a)));
    if (this.byFeed.size > 1) all.sort((x, y) => timeOf(y.a) - timeOf(x.a));
    const shown = all.slice(0, MAX_SHOWN);
    this.tbody.innerHTML = shown.map(({ a, tag }) => {
      const key = keyOf(a, tag);
      const tone = toneOf(a, tag);
      const detail = escapeHtml(detailOf(a));
      const pct = isNum(a.pct_change) ? ` <span class="${a.pct_change < 0 ? 'neg' : 'pos'}">${percent(a.pct_change)}</span>` : '';
      return `<tr data-symbol="${escapeHtml(a.symbol)}" data-key="${escapeHtml(key)}" class="${tone}">
        <td class="text time">${clock(a.timestamp ?? a.time)}</td>
        <td class="text sym">${escapeHtml(a.symbol ?? '–')}</td>
        <td class="text type">${escapeHtml(typeOf(a, tag))}</td>
        <td class="num">${price(a.price)}${pct}</td>
        <td class="text detail" title="${detail}">${detail}</td></tr>`;
    }).join('');
    this.countEl.textContent = String(all.length);
    this.el.dataset.visible = String(shown.length);
    this.emptyEl.hidden = shown.length > 0;
    this.navigator.mark();
    const fresh = new Set(this.newEntries.update(all.map(({ a, tag }) => keyOf(a, tag))));
    const symbols = all.filter(({ a, tag }) => fresh.has(keyOf(a, tag))).map(({ a }) => String(a.symbol));
    this.sounds.announce(this.id, this.config.sound, this.title, symbols);
  }
}
