// The board: the widgets of one layout on a 12-column grid, each with its link colour and a settings panel that
// also moves, resizes and removes it. Widget configs are the layout's own entries, edited in place; every change
// calls onChange so the layouts are saved.
import { ScannerTable } from './scanner-table.js';
import { AlertList } from './alert-list.js';
import { QuoteWidget } from './quote-widget.js';
import { ChartWidget } from './chart-widget.js';
import { TradesWidget } from './trades-widget.js';
import { ALERT_LISTS, RANKINGS } from './layouts.js';
import { LINK_GROUPS } from './link-bus.js';
import { flow, move, readingOrder } from './grid-layout.js';
import { defaultColumns } from './columns.js';
import { DEFAULT_FILTERS } from './filters.js';

const SYMBOL_WIDGETS = { quote: [QuoteWidget, 'Quote'], chart: [ChartWidget, 'Chart'], trades: [TradesWidget, 'Time & Sales'] };

/** What the "add widget" menu offers: every ranking, every alert list, and the symbol widgets. */
export const WIDGET_CHOICES = [
  ...Object.entries(RANKINGS).map(([feed, r]) => ({ value: `ranking ${feed}`, label: r.title })),
  ...Object.entries(ALERT_LISTS).map(([feed, a]) => ({ value: `alerts ${feed}`, label: a.title })),
  ...Object.entries(SYMBOL_WIDGETS).map(([type, [, title]]) => ({ value: type, label: title })),
];

export class Board {
  /** @param {{ host: HTMLElement, client: object, bus: import('./link-bus.js').LinkBus, sounds: object, onChange: () => void }} options */
  constructor({ host, client, bus, sounds, onChange }) {
    Object.assign(this, { host, client, bus, sounds, onChange });
    this.layout = { widgets: [] };
    this.widgets = new Map();   // id -> widget
  }

  /** Replaces the board with a layout (its widgets are edited in place from now on). */
  show(layout) {
    for (const w of this.widgets.values()) w.dispose();
    this.widgets.clear();
    this.layout = layout;
    layout.widgets = flow(readingOrder(layout.widgets));
    for (const config of layout.widgets) this.widgets.set(config.id, this.create(config));
    this.host.replaceChildren(...layout.widgets.map((c) => this.widgets.get(c.id).el));
    this.place();
  }

  create(config) {
    const common = {
      id: config.id, config, sounds: this.sounds, client: this.client, bus: this.bus, onChange: this.onChange,
      onSymbol: (symbol) => this.bus.select(config.link, symbol),
    };
    let widget;
    if (config.type === 'ranking') {
      const r = RANKINGS[config.feed];
      widget = new ScannerTable({ ...common, title: r.title, feed: config.feed, changeField: r.changeField });
    } else if (config.type === 'alerts') {
      const a = ALERT_LISTS[config.feed];
      const feeds = config.feed.split('+').map((feed, i) => ({ feed, tag: a.tags?.[i] }));
      widget = new AlertList({ ...common, title: a.title, feeds });
    } else {
      const [Type, title] = SYMBOL_WIDGETS[config.type];
      widget = new Type({ ...common, title });
    }
    this.addControls(widget, config);
    return widget;
  }

  /** The link colour in the header; a settings button that opens the widget's panel with its layout controls. */
  addControls(widget, config) {
    const head = widget.el.querySelector('.widget-head');
    head.insertAdjacentHTML('afterbegin', `
      <select class="link" data-testid="link" aria-label="Link group of ${widget.title}" title="Link group: a symbol chosen in a list drives the quote, chart and time and sales of the same colour">
        <option value="">—</option>${LINK_GROUPS.map((g) => `<option value="${g}">${g}</option>`).join('')}
      </select>`);
    head.insertAdjacentHTML('beforeend', `<button type="button" class="icon" data-testid="settings-toggle" aria-expanded="false"
      aria-label="Settings of ${widget.title}" title="Settings: ${config.type === 'ranking' ? 'filters, columns, sound, ' : config.type === 'alerts' ? 'filters, sound, ' : ''}size and place">⚙</button>`);
    const link = head.querySelector('select.link');
    link.value = config.link ?? '';
    widget.el.dataset.link = config.link ?? '';
    link.addEventListener('change', () => {
      config.link = link.value || null;
      widget.el.dataset.link = link.value;
      widget.linkChanged?.();
      this.onChange();
    });
    const toggle = head.querySelector('[data-testid=settings-toggle]');
    toggle.addEventListener('click', () => {
      const open = widget.settingsEl.hidden;
      if (open && !widget.settingsEl.childElementCount) {
        widget.mountSettings();
        this.mountLayoutControls(widget, config);
      }
      widget.settingsEl.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    widget.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !widget.settingsEl.hidden) {
        toggle.click();
        toggle.focus();
      }
    });
  }

  mountLayoutControls(widget, config) {
    widget.settingsEl.insertAdjacentHTML('beforeend', `
      <fieldset class="layout-controls" data-testid="layout-controls"><legend>Place</legend>
        <button type="button" data-act="earlier" data-testid="move-earlier" title="Move before the previous widget">◀ Move</button>
        <button type="button" data-act="later" data-testid="move-later" title="Move after the next widget">Move ▶</button>
        <button type="button" data-act="narrower" data-testid="narrower" title="Narrower">− W</button>
        <button type="button" data-act="wider" data-testid="wider" title="Wider">+ W</button>
        <button type="button" data-act="shorter" data-testid="shorter" title="Shorter">− H</button>
        <button type="button" data-act="taller" data-testid="taller" title="Taller">+ H</button>
        <button type="button" data-act="remove" data-testid="remove" class="danger" title="Remove this widget">Remove</button>
      </fieldset>`);
    widget.settingsEl.querySelector('.layout-controls').addEventListener('click', (e) => {
      const act = e.target.closest('button')?.dataset.act;
      if (act === 'remove') this.remove(config.id);
      else if (act === 'earlier' || act === 'later') this.reflow(move(this.layout.widgets, config.id, act === 'earlier' ? -1 : 1));
      else if (act) {
        const delta = { narrower: [-1, 0], wider: [1, 0], shorter: [0, -1], taller: [0, 1] }[act];
        config.w += delta[0];
        config.h += delta[1];
        this.reflow(flow(readingOrder(this.layout.widgets)));
      }
    });
  }

  /** Takes new positions (same configs, new x, y, w, h) and re-places the elements. */
  reflow(placed) {
    for (const p of placed) Object.assign(this.layout.widgets.find((c) => c.id === p.id), { x: p.x, y: p.y, w: p.w, h: p.h });
    this.place();
    this.onChange();
  }

  place() {
    const ordered = readingOrder(this.layout.widgets);
    for (const c of ordered) {
      const el = this.widgets.get(c.id).el;
      el.style.gridColumn = `${c.x + 1} / span ${c.w}`;
      el.style.gridRow = `${c.y + 1} / span ${c.h}`;
      Object.assign(el.dataset, { x: c.x, y: c.y, w: c.w, h: c.h });
    }
    // DOM order = reading order, so Tab goes through the widgets as they appear.
    this.host.append(...ordered.map((c) => this.widgets.get(c.id).el));
  }

  /** Adds a widget ("ranking <feed>", "alerts <feed>", "quote", "chart", "trades") at the end of the board. */
  add(choice) {
    const [type, feed] = choice.split(' ');
    const taken = new Set(this.layout.widgets.map((w) => w.id));
    const base = feed ? feed.replace(/^scanners:/, '').replace(/\+.*/, '') : type;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    const config = { id, type, x: 0, y: 999, w: type === 'chart' ? 6 : 4, h: 3, link: 'red' };
    if (feed) config.feed = feed;
    if (type === 'ranking') Object.assign(config, { columns: defaultColumns(feed), filters: { ...DEFAULT_FILTERS } });
    if (type === 'ranking' || type === 'alerts') config.sound = { enabled: false, notify: false };
    this.layout.widgets.push(config);
    const widget = this.create(config);
    this.widgets.set(id, widget);
    this.host.append(widget.el);
    this.reflow(flow(readingOrder(this.layout.widgets)));
    widget.el.scrollIntoView({ block: 'nearest' });
    return widget;
  }

  remove(id) {
    const widget = this.widgets.get(id);
    widget?.dispose();
    widget?.el.remove();
    this.widgets.delete(id);
    this.layout.widgets = this.layout.widgets.filter((w) => w.id !== id);
    this.reflow(flow(readingOrder(this.layout.widgets)));
  }

  tick(now) {
    for (const w of this.widgets.values()) w.tick(now);
  }
}
