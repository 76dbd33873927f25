// The intraday chart of one symbol (chart:{SYM}): one-minute candles with volume, the day's VWAP, the previous
// close and the pre-market and regular highs / lows as price lines, halts shaded and marked. Every publish carries
// the whole day so far, so the chart is filled on opening and each update replaces the data.
import {
  CandlestickSeries, HistogramSeries, LineSeries, LineStyle, createChart, createSeriesMarkers,
} from '../vendor/lightweight-charts/lightweight-charts.standalone.production.mjs';
import { SymbolWidget } from './symbol-widget.js';
import { isNum, price } from './format.js';

const COLORS = { up: '#22c55e', down: '#f05252', vwap: '#f5b642', prev: '#7d8a99', pre: '#a78bfa', regular: '#3aa0ff', halt: 'rgba(245, 182, 66, 0.18)' };
const nyTime = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour12: false, hour: '2-digit', minute: '2-digit' });
const sec = (ms) => Math.floor(ms / 1000);

/** The price lines of a chart value: label, price, colour, style. Unknown figures are left out. */
export function priceLinesOf(value) {
  return [
    ['prev close', value.prev_close, COLORS.prev, LineStyle.Dashed],
    ['PM high', value.pre_market_high, COLORS.pre, LineStyle.Dotted],
    ['PM low', value.pre_market_low, COLORS.pre, LineStyle.Dotted],
    ['high', value.high, COLORS.regular, LineStyle.Dotted],
    ['low', value.low, COLORS.regular, LineStyle.Dotted],
  ].filter(([, p]) => isNum(p) && p > 0).map(([title, p, color, lineStyle]) => ({ title, price: p, color, lineStyle }));
}

/** The minutes (bar starts) that fall in a halt: an open halt runs to the last bar. */
export function haltedBars(bars, halts) {
  const last = bars.length ? bars[bars.length - 1].t : 0;
  return bars.filter((b) => halts.some((h) => b.t + 60_000 > h.start && b.t < (h.end ?? last + 60_000)));
}

export class ChartWidget extends SymbolWidget {
  /** @param {ConstructorParameters<typeof SymbolWidget>[0]} options */
  constructor(options) {
    super({ ...options, type: 'chart' });
    this.value = null;
    this.el.classList.add('chart');
    this.body.innerHTML = `<div class="chart-host" data-testid="chart"></div>
      <div class="empty" data-testid="empty">Type a symbol, or click one in any list</div>`;
    this.host = this.body.querySelector('.chart-host');
    this.emptyEl = this.body.querySelector('.empty');
    this.chart = createChart(this.host, {
      autoSize: true,
      layout: { background: { color: '#11161d' }, textColor: '#aab6c4', fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: '#1a212b' }, horzLines: { color: '#1a212b' } },
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#222b36', tickMarkFormatter: (t) => nyTime.format(t * 1000) },
      rightPriceScale: { borderColor: '#222b36' },
      localization: { timeFormatter: (t) => nyTime.format(t * 1000), priceFormatter: price },
      crosshair: { mode: 0 },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: COLORS.up, downColor: COLORS.down, wickUpColor: COLORS.up, wickDownColor: COLORS.down, borderVisible: false,
    });
    this.volume = this.chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    this.volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    this.vwap = this.chart.addSeries(LineSeries, { color: COLORS.vwap, lineWidth: 1, title: 'VWAP', lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false });
    this.haltBand = this.chart.addSeries(HistogramSeries, { priceScaleId: 'halts', color: COLORS.halt, lastValueVisible: false, priceLineVisible: false });
    this.haltBand.priceScale().applyOptions({ visible: false, scaleMargins: { top: 0, bottom: 0 } });
    this.markers = createSeriesMarkers(this.candles, []);
    this.lines = [];
    // What the chart holds, read from the library itself (the browser tests compare it with the feed).
    this.el.readChart = () => ({
      symbol: this.symbol,
      candles: this.candles.data(), volume: this.volume.data(), vwap: this.vwap.data(),
      lines: this.lines.map((l) => l.options()), markers: this.markers.markers(), halted: this.haltBand.data().length,
    });
    this.start();
  }

  reset() {
    this.value = null;
    this.draw();
  }

  subscribeFeeds(symbol) {
    return [this.client.subscribe(`chart:${symbol}`, (data, env) => this.onChart(symbol, data, env))];
  }

  onChart(symbol, data, envelope) {
    if (symbol !== this.symbol || !data || typeof data !== 'object' || !Array.isArray(data.bars)) return;
    this.value = data;
    const last = data.bars[data.bars.length - 1];
    this.touched(last ? last.t + 60_000 : envelope?.published_at);
  }

  render() {
    this.draw();
  }

  draw() {
    const v = this.value;
    // A minute whose trades count only for volume has no prices: a volume bar, no candle.
    const bars = (v?.bars ?? []).filter((b) => b && isNum(b.t));
    const priced = bars.filter((b) => isNum(b.o) && isNum(b.h) && isNum(b.l) && isNum(b.c));
    this.emptyEl.hidden = !!this.symbol;
    this.emptyEl.textContent = this.symbol ? '' : 'Type a symbol, or click one in any list';
    this.candles.setData(priced.map((b) => ({ time: sec(b.t), open: b.o, high: b.h, low: b.l, close: b.c })));
    this.volume.setData(bars.map((b) => ({ time: sec(b.t), value: isNum(b.v) ? b.v : 0, color: b.c < b.o ? 'rgba(240,82,82,.45)' : 'rgba(34,197,94,.45)' })));
    this.vwap.setData(bars.filter((b) => isNum(b.vw)).map((b) => ({ time: sec(b.t), value: b.vw })));
    const halts = Array.isArray(v?.halts) ? v.halts.filter((h) => isNum(h?.start)) : [];
    this.haltBand.setData(haltedBars(bars, halts).map((b) => ({ time: sec(b.t), value: 1 })));
    this.markers.setMarkers(this.haltMarkers(priced, halts));
    for (const line of this.lines) this.candles.removePriceLine(line);
    this.lines = v ? priceLinesOf(v).map((o) => this.candles.createPriceLine({ ...o, lineWidth: 1, axisLabelVisible: true })) : [];
    this.el.dataset.bars = String(priced.length);
    this.countEl.textContent = bars.length ? `${bars.length} min` : '';
  }

  /** A marker on the bar where each halt starts and where it ends ("halt" / "resume"), with its reason. */
  haltMarkers(bars, halts) {
    if (bars.length === 0) return [];
    const barAt = (ms) => bars.find((b) => b.t + 60_000 > ms) ?? bars[bars.length - 1];
    return halts.flatMap((h) => [
      { time: sec(barAt(h.start).t), position: 'aboveBar', shape: 'square', color: '#f5b642', text: `halt${h.reason ? `: ${h.reason}` : ''}` },
      ...(isNum(h.end) ? [{ time: sec(barAt(h.end).t), position: 'aboveBar', shape: 'circle', color: '#3aa0ff', text: 'resume' }] : []),
    ]).sort((a, b) => a.time - b.time);
  }

  dispose() {
    super.dispose();
    this.chart.remove();
  }
}
