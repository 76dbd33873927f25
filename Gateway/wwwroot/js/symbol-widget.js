// A widget about one symbol (quote, chart, time and sales): a symbol box, the symbol of its link group when it has
// one, and the per-symbol feeds of whatever symbol it shows (subscribed only while shown, so unwatched symbols cost
// nothing on the server).
import { Widget } from './widget.js';

const SYMBOL = /^[A-Z][A-Z0-9.\-]{0,9}$/;

export class SymbolWidget extends Widget {
  /**
   * @param {{ id: string, title: string, type: string, client: import('./feed-client.js').FeedClient, config: object,
   *           bus: import('./link-bus.js').LinkBus, onChange: () => void }} options
   */
  constructor(options) {
    super(options);
    this.client = options.client;
    this.config = options.config;
    this.bus = options.bus;
    this.onChange = options.onChange;
    this.symbol = null;
    this.unsubscribe = [];
    const type = options.type;
    this.tools.innerHTML = `
      <form class="symbol-form" data-testid="${type}-form" role="search">
        <label class="sr-only" for="w-${this.id}-symbol">Symbol</label>
        <input id="w-${this.id}-symbol" class="symbol-box" data-testid="${type}-symbol" placeholder="Symbol" maxlength="10"
               autocomplete="off" spellcheck="false" autocapitalize="characters">
        <button type="submit" data-testid="${type}-watch">Watch</button>
      </form>`;
    this.input = this.tools.querySelector('input');
    this.tools.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.choose(this.input.value);
    });
    this.onBus = (e) => {
      if (e.detail.group === this.config.link) this.watch(e.detail.symbol);
    };
    this.bus.addEventListener('symbol', this.onBus);
  }

  /** Shows the group's symbol, else the widget's own; called once the subclass is built. */
  start() {
    const initial = this.bus.symbolOf(this.config.link) ?? this.config.symbol;
    if (initial) this.watch(initial);
    else this.invalidate();
  }

  /** A symbol typed in the box: drives the whole link group, or only this widget when it has none. */
  choose(text) {
    const symbol = String(text ?? '').trim().toUpperCase();
    if (!SYMBOL.test(symbol)) {
      this.input.value = symbol;
      this.input.classList.add('invalid');
      return;
    }
    if (this.config.link) {
      this.bus.select(this.config.link, symbol);
    } else {
      this.config.symbol = symbol;
      this.watch(symbol);
      this.onChange();
    }
  }

  /** Switches to a symbol: unsubscribes the previous one's feeds, subscribes the new. */
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
    this.updates = 0;
    this.lastUpdateAt = 0;
    this.dataTimestamp = null;
    this.el.dataset.symbol = symbol;
    this.el.dataset.updates = '0';
    this.reset();
    this.unsubscribe = this.subscribeFeeds(symbol);
    this.ageEl.textContent = 'waiting';
    this.invalidate();
  }

  /** The link group changed (board): follow the new group's symbol if it has one. */
  linkChanged() {
    const symbol = this.bus.symbolOf(this.config.link);
    if (symbol) this.watch(symbol);
  }

  /** Clears what was shown for the previous symbol. */
  reset() { }

  /** @returns {(() => void)[]} the unsubscribe functions of the symbol's feeds */
  subscribeFeeds() {
    return [];
  }

  dispose() {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.bus.removeEventListener('symbol', this.onBus);
  }
}
