// Page bootstrap: login when needed, one feed client, the widgets, the header (status, filters).
import { FeedClient } from './feed-client.js';
import { Filters } from './filters.js';
import { mountFilterBar } from './filter-bar.js';
import { ScannerTable } from './scanner-table.js';
import { AlertList } from './alert-list.js';
import { QuoteWidget } from './quote-widget.js';
import { authEnabled, forgetToken, showLogin, storedToken } from './auth.js';

const SCANNERS = [
  { id: 'top_gainers', title: 'Top Gainers', feed: 'scanners:top_gainers', changeField: 'pct_change_since_open' },
  { id: 'top_gappers', title: 'Top Gappers', feed: 'scanners:top_gappers', changeField: 'pct_change' },
  { id: 'top_volume', title: 'Top Volume', feed: 'scanners:top_volume', changeField: 'pct_change' },
  { id: 'top_losers', title: 'Top Losers', feed: 'scanners:top_losers', changeField: 'pct_change' },
  { id: 'top_relative_volume', title: 'Relative Volume', feed: 'scanners:top_relative_volume', changeField: 'pct_change' },
];

const ALERTS = [
  { id: 'halts', title: 'Halts', feeds: [{ feed: 'scanners:halts' }] },
  { id: 'momentum', title: 'Momentum', feeds: [{ feed: 'scanners:momentum' }] },
  { id: 'hod_lod', title: 'New Highs / Lows', feeds: [{ feed: 'daily_range_hod_alert', tag: 'HOD' }, { feed: 'daily_range_lod_alert', tag: 'LOD' }] },
];

const STATE_TEXT = {
  idle: 'Idle', connecting: 'Connecting…', authorizing: 'Signing in…', live: 'Live',
  reconnecting: 'Reconnecting', offline: 'Offline', 'auth-failed': 'Signed out',
};

function socketUrl() {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

function showConnectionState(el, { state, retryInMs }) {
  el.dataset.state = state;
  el.querySelector('.label').textContent =
    state === 'reconnecting' && retryInMs ? `Reconnecting in ${Math.ceil(retryInMs / 1000)}s` : STATE_TEXT[state] ?? state;
}

async function main() {
  const loginForm = document.getElementById('login');
  const board = document.getElementById('board');
  const status = document.getElementById('conn-status');

  const needsAuth = await authEnabled();
  document.body.dataset.auth = needsAuth ? 'on' : 'off';
  if (needsAuth && !storedToken()) await showLogin(loginForm);

  const client = new FeedClient({ url: socketUrl(), token: () => (needsAuth ? storedToken() : null) });
  client.addEventListener('state', (e) => showConnectionState(status, e.detail));
  client.addEventListener('authfailed', async () => {
    forgetToken();
    board.hidden = true;
    await showLogin(loginForm, 'Your session has ended; please sign in again.');
    board.hidden = false;
    client.start();
  });

  const filters = new Filters();
  mountFilterBar(document.getElementById('filters'), filters);

  const quote = new QuoteWidget({ id: 'quote', title: 'Quote', client });
  const watch = (symbol) => quote.watch(symbol);
  const scanners = SCANNERS.map((s) => new ScannerTable({ ...s, filters, onSymbol: watch }));
  const alerts = ALERTS.map((a) => new AlertList({ ...a, onSymbol: watch }));
  for (const w of scanners) client.subscribe(w.feed, (data, env) => w.setData(data, env));
  for (const w of alerts) for (const { feed } of w.feeds) client.subscribe(feed, (data, env) => w.setData(feed, data, env));

  const widgets = [...scanners, quote, ...alerts];
  board.replaceChildren(...widgets.map((w) => w.el));
  board.hidden = false;
  setInterval(() => {
    const now = Date.now();
    for (const w of widgets) w.tick(now);
  }, 1000);

  document.getElementById('logout').hidden = !needsAuth;
  document.getElementById('logout').addEventListener('click', () => {
    forgetToken();
    location.reload();
  });

  client.start();
}

main().catch((err) => {
  console.error(err);
  document.getElementById('fatal').textContent = `The page failed to start: ${err.message}`;
});
