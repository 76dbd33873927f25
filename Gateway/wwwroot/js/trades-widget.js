// Time and sales of one symbol (trades:{SYM}): the last trades, newest first, with price, size, venue and
// conditions, coloured by where the trade printed against the quote (buy at or above the ask, sell at or below the
// bid, mid between; no colour without a quote yet).
import { SymbolWidget } from './symbol-widget.js';
import { compact, escapeHtml, isNum, price, toMillis } from './format.js';

/** Massive exchange ids (docs/contracts/market-feed.md) -> the short venue names traders read. */
const VENUES = {
  1: 'AMEX', 2: 'BX', 3: 'NSX', 4: 'TRF', 5: 'UTP', 6: 'ISE', 7: 'EDGA', 8: 'EDGX', 9: 'CHX', 10: 'NYSE', 11: 'ARCA',
  12: 'NSDQ', 13: 'CTS', 14: 'LTSE', 15: 'IEX', 16: 'CBSX', 17: 'PSX', 18: 'BYX', 19: 'BZX', 20: 'MIAX', 21: 'MEMX', 62: 'OTC',
};
/** The condition codes a trader looks for (SIP codes as Massive numbers them); others are shown as numbers. */
const CONDITIONS = {
  2: 'AvgPx', 7: 'Cash', 8: 'ClsPrt', 9: 'Cross', 12: 'FormT', 14: 'ISO', 15: 'OfcClose', 16: 'OfcOpen', 17: 'MktOpen',
  19: 'MktClose', 22: 'Prior', 25: 'OpnPrt', 29: 'Seller', 37: 'OddLot', 41: 'TrdThru', 52: 'Contgt', 53: 'QualCtg',
};
const SIDES = new Set(['buy', 'sell', 'mid']);
const MAX_SHOWN = 100;

const timeFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3,
});

export const venueName = (x) => VENUES[x] ?? (isNum(x) ? `#${x}` : '–');
export const conditionNames = (codes) => (Array.isArray(codes) ? codes.map((c) => CONDITIONS[c] ?? String(c)).join(' ') : '');

export class TradesWidget extends SymbolWidget {
  /** @param {ConstructorParameters<typeof SymbolWidget>[0]} options */
  constructor(options) {
    super({ ...options, type: 'trades' });
    this.trades = [];
    this.el.classList.add('trades');
    this.body.innerHTML = `
      <table class="grid" data-testid="table" aria-label="Time and sales">
        <thead><tr>
          <th scope="col" class="text" title="Trade time, New York">Time</th>
          <th scope="col" class="num">Price</th><th scope="col" class="num">Size</th>
          <th scope="col" class="text" title="Venue the trade printed on">Venue</th>
          <th scope="col" class="text" title="Trade condition codes">Cond</th>
        </tr></thead>
        <tbody></tbody>
      </table>
      <div class="empty" data-testid="empty">Type a symbol, or click one in any list</div>`;
    this.tbody = this.body.querySelector('tbody');
    this.emptyEl = this.body.querySelector('.empty');
    this.start();
  }

  reset() {
    this.trades = [];
  }

  subscribeFeeds(symbol) {
    return [this.client.subscribe(`trades:${symbol}`, (data, env) => this.onTrades(symbol, data, env))];
  }

  onTrades(symbol, data, envelope) {
    if (symbol !== this.symbol) return;
    this.trades = Array.isArray(data?.trades) ? data.trades.filter((t) => t && typeof t === 'object').slice(0, MAX_SHOWN) : [];
    this.touched(toMillis(this.trades[0]?.t) ?? toMillis(envelope?.published_at));
  }

  render() {
    this.tbody.innerHTML = this.trades.map((t) => {
      const side = SIDES.has(t.side) ? t.side : 'none';
      const ms = toMillis(t.t);
      return `<tr class="side-${side}" data-side="${side}" data-t="${isNum(t.t) ? t.t : ''}" data-p="${isNum(t.p) ? t.p : ''}" data-s="${isNum(t.s) ? t.s : ''}">
        <td class="text time">${ms === null ? '–' : timeFormat.format(ms)}</td>
        <td class="num">${price(t.p)}</td><td class="num">${compact(t.s)}</td>
        <td class="text">${escapeHtml(venueName(t.x))}</td>
        <td class="text cond" title="${escapeHtml((t.c ?? []).join(', '))}">${escapeHtml(conditionNames(t.c))}</td></tr>`;
    }).join('');
    this.el.dataset.visible = String(this.trades.length);
    this.countEl.textContent = this.trades.length ? String(this.trades.length) : '';
    this.emptyEl.hidden = this.trades.length > 0;
    this.emptyEl.textContent = this.symbol ? 'No trades yet' : 'Type a symbol, or click one in any list';
  }
}
