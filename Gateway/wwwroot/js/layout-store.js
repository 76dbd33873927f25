// The user's layouts on the server: loaded once the socket is live, saved (debounced) after every change. The
// gateway answers get_layouts with {"status":"layouts"} and save_layouts with {"status":"layouts_saved"}. When the
// load fails (no answer, layouts unavailable) nothing is saved for the rest of the visit: the default layout shown
// then must not overwrite what the user saved before.

const LOAD_TIMEOUT_MS = 10_000;
const SAVE_DELAY_MS = 400;

export class LayoutStore extends EventTarget {
  /** @param {import('./feed-client.js').FeedClient} client */
  constructor(client) {
    super();
    this.client = client;
    this.pending = null;
    this.saveTimer = 0;
    this.loading = null;   // resolves the pending load
    this.loadFailed = false;
    this.state = 'idle';   // idle | saving | saved | error
    client.addEventListener('status', (e) => this.onStatus(e.detail));
  }

  /** The saved layouts, or null (none saved yet, a gateway without layouts, or no answer in time). */
  async load() {
    await this.client.whenLive();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.failLoad('Layouts did not load: changes are not saved'), LOAD_TIMEOUT_MS);
      this.loading = (value) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.client.send({ action: 'get_layouts' });
    });
  }

  failLoad(error) {
    this.loadFailed = true;
    this.finishLoad(null);
    this.setState('error', error);
  }

  finishLoad(value) {
    const done = this.loading;
    this.loading = null;
    done?.(value && typeof value === 'object' ? value : null);
  }

  /** Saves soon; a newer value replaces one not sent yet. */
  save(layouts) {
    if (this.loadFailed) return;
    this.pending = layouts;
    this.setState('saving');
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  async flush() {
    if (!this.pending) return;
    await this.client.whenLive();
    const layouts = this.pending;
    this.pending = null;
    this.client.send({ action: 'save_layouts', layouts });
  }

  onStatus(msg) {
    if (msg.status === 'layouts') this.finishLoad(msg.layouts);
    else if (msg.status === 'layouts_saved' && !this.pending) this.setState('saved');
    else if (msg.status === 'error' && /layouts/.test(msg.error ?? '')) {
      if (this.loading) this.failLoad(`Layouts unavailable: changes are not saved (${msg.error})`);
      else this.setState('error', `Not saved: ${msg.error}`);
    } else if (msg.status === 'invalid action' && this.loading) this.failLoad('This gateway keeps no layouts');
  }

  setState(state, error = '') {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, error } }));
  }
}
