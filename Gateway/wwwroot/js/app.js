// Page bootstrap: login when needed, one feed client, the user's layouts from the server (the default layout for a
// new user), the board, the header (status, layouts, mute) and the page's keyboard shortcuts.
import { FeedClient } from './feed-client.js';
import { Board } from './board.js';
import { LayoutBar } from './layout-bar.js';
import { LayoutStore } from './layout-store.js';
import { LinkBus } from './link-bus.js';
import { AlertSounds } from './alert-sound.js';
import { defaultLayouts, normalizeLayouts } from './layouts.js';
import { authEnabled, forgetToken, keepSessionAlive, showLogin, signOut, storedToken } from './auth.js';

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

/** "/" focuses the first symbol box (the quote's in the default layout), wherever the focus is not typing. */
function keyboardShortcuts() {
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const box = document.querySelector('.widget[data-type=quote] .symbol-box') ?? document.querySelector('.symbol-box');
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    }
  });
}

async function main() {
  const loginForm = document.getElementById('login');
  const boardEl = document.getElementById('board');
  const status = document.getElementById('conn-status');

  const needsAuth = await authEnabled();
  document.body.dataset.auth = needsAuth ? 'on' : 'off';
  if (needsAuth && !storedToken()) await showLogin(loginForm);

  const client = new FeedClient({ url: socketUrl(), token: () => (needsAuth ? storedToken() : null) });
  client.addEventListener('state', (e) => showConnectionState(status, e.detail));
  // The session ended (refused token, or no renewal: signed out elsewhere): sign in again, then carry on.
  let session = null;
  let signingIn = false;
  const sessionEnded = async () => {
    if (signingIn) return;
    signingIn = true;
    session?.stop();
    forgetToken();
    client.stop();
    boardEl.hidden = true;
    await showLogin(loginForm, 'Your session has ended; please sign in again.');
    boardEl.hidden = false;
    signingIn = false;
    session = keepSessionAlive(sessionEnded);
    client.start();
  };
  client.addEventListener('authfailed', sessionEnded);
  if (needsAuth) session = keepSessionAlive(sessionEnded);
  document.getElementById('logout').hidden = !needsAuth;
  document.getElementById('logout').addEventListener('click', async () => {
    session?.stop();
    await signOut();
    location.reload();
  });

  const store = new LayoutStore(client);
  client.start();
  const layouts = normalizeLayouts(await store.load()) ?? defaultLayouts();

  const bus = new LinkBus();
  const sounds = new AlertSounds();
  const save = () => store.save(layouts);
  const board = new Board({ host: boardEl, client, bus, sounds, onChange: save });
  board.show(layouts.layouts[layouts.current]);
  new LayoutBar({ host: document.getElementById('layout-bar'), layouts, board, sounds, store, save });
  boardEl.hidden = false;
  keyboardShortcuts();
  setInterval(() => board.tick(Date.now()), 1000);
}

main().catch((err) => {
  console.error(err);
  document.getElementById('fatal').textContent = `The page failed to start: ${err.message}`;
});
