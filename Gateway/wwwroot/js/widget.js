// What every widget shares: a panel with a title bar, freshness (time since the widget's last update
// and the data's own timestamp), a settings panel the board can open, and at most one render per animation frame
// however fast data arrives.
import { age, clock, escapeHtml } from './format.js';

const STALE_MS = 10_000;
const DEAD_MS = 60_000;

export class Widget {
  /** @param {{ id: string, title: string, type?: string }} options */
  constructor({ id, title, type = '' }) {
    this.id = id;
    this.title = title;
    this.lastUpdateAt = 0;        // client clock, ms
    this.dataTimestamp = null;    // the data's own time, ms
    this.updates = 0;
    this.renderQueued = false;

    const el = document.createElement('section');
    el.className = 'widget';
    el.id = `w-${id}`;
    el.dataset.testid = `widget-${id}`;
    el.dataset.type = type;
    el.setAttribute('aria-labelledby', `w-${id}-title`);
    el.innerHTML = `
      <header class="widget-head">
        <h2 id="w-${id}-title">${escapeHtml(title)}</h2>
        <span class="widget-tools"></span>
        <span class="widget-meta">
          <span class="count" data-testid="count"></span>
          <span class="fresh" data-testid="freshness" title="time of the data / time since this widget last updated">
            <span data-testid="data-time">–</span><span class="sep"> · </span><span data-testid="age">never</span>
          </span>
        </span>
      </header>
      <div class="widget-settings" data-testid="settings" hidden></div>
      <div class="widget-body"></div>`;
    this.el = el;
    this.tools = el.querySelector('.widget-tools');
    this.body = el.querySelector('.widget-body');
    this.settingsEl = el.querySelector('.widget-settings');
    this.countEl = el.querySelector('[data-testid=count]');
    this.freshEl = el.querySelector('[data-testid=freshness]');
    this.dataTimeEl = el.querySelector('[data-testid=data-time]');
    this.ageEl = el.querySelector('[data-testid=age]');
  }

  /** Records an update and queues a render for the next frame (coalescing any further updates before it). */
  touched(dataTimestamp) {
    this.lastUpdateAt = Date.now();
    if (dataTimestamp) this.dataTimestamp = dataTimestamp;
    this.updates++;
    this.el.dataset.updates = String(this.updates);
    this.invalidate();
  }

  invalidate() {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
      this.tick(Date.now());
    });
  }

  /** Called about once a second by the page: refreshes the freshness label only. */
  tick(now) {
    if (!this.lastUpdateAt) return;
    const elapsed = now - this.lastUpdateAt;
    this.ageEl.textContent = age(elapsed);
    this.dataTimeEl.textContent = clock(this.dataTimestamp);
    this.freshEl.dataset.stale = elapsed > DEAD_MS ? 'dead' : elapsed > STALE_MS ? 'stale' : 'fresh';
  }

  render() { }

  /** Fills the settings panel (columns, filters, sound); false when the widget has none. */
  mountSettings() {
    return false;
  }

  /** Releases feeds and timers when the widget leaves the board. */
  dispose() { }
}
