// ONE WebSocket for every widget: subscriptions are reference-counted per feed, replayed after each
// reconnect (with the auth token first), and updates are routed by the feed name in their envelope.

const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 15000;

export class FeedClient extends EventTarget {
  /**
   * @param {{ url: string, token?: () => string | null }} options
   * Emits 'state' events ({ detail: { state, retryInMs? } }), 'status' (every status reply) and 'authfailed'.
   */
  constructor({ url, token }) {
    super();
    this.url = url;
    this.token = token ?? (() => null);
    this.handlers = new Map();   // feed -> Set<(data, envelope) => void>
    this.latest = new Map();     // feed -> [data, envelope] last delivered, for a second handler of the same feed
    this.socket = null;
    this.state = 'idle';
    this.attempt = 0;
    this.retryTimer = 0;
    this.stopped = false;
    this.messagesReceived = 0;
  }

  start() {
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'client stopped');
    this.socket = null;
    this.setState('offline');
  }

  /** Registers a handler for a feed; the returned function removes it (and unsubscribes when it was the last). */
  subscribe(feed, handler) {
    let set = this.handlers.get(feed);
    if (!set) {
      set = new Set();
      this.handlers.set(feed, set);
      if (this.state === 'live') this.send({ action: 'subscribe', feed });
    }
    set.add(handler);
    const latest = this.latest.get(feed);
    if (latest) queueMicrotask(() => set.has(handler) && handler(...latest));
    return () => {
      const current = this.handlers.get(feed);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(feed);
      this.latest.delete(feed);
      if (this.state === 'live') this.send({ action: 'unsubscribe', feed });
    };
  }

  connect() {
    clearTimeout(this.retryTimer);
    const previous = this.socket;
    this.socket = null;   // its close event must not schedule another reconnect
    previous?.close();
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const token = this.token();
      if (token) {
        this.setState('authorizing');
        this.send({ action: 'auth', api_key: token });
      } else {
        this.goLive();
      }
    };
    socket.onmessage = (event) => this.onMessage(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;   // a socket we already replaced
      this.socket = null;
      if (this.stopped || this.state === 'auth-failed') return;
      this.scheduleReconnect();
    };
    socket.onerror = () => { /* onclose follows and decides */ };
  }

  goLive() {
    this.attempt = 0;
    this.setState('live');
    for (const feed of this.handlers.keys()) this.send({ action: 'subscribe', feed });
  }

  scheduleReconnect() {
    const base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.75 + Math.random() * 0.5));   // jitter spreads a herd of reconnecting pages
    this.attempt++;
    this.setState('reconnecting', delay);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  onMessage(text) {
    let msg;
    try {
      msg = JSON.parse(text);
    } catch {
      console.warn('feed: unparsable frame ignored');
      return;
    }
    this.messagesReceived++;
    if (msg === null || typeof msg !== 'object') return;
    if (typeof msg.feed === 'string' && 'data' in msg) {
      this.deliver(msg.feed, msg.data, msg);
    } else if (typeof msg.cache === 'string' && 'data' in msg) {
      this.deliver(msg.cache, msg.data, msg);
    } else if (typeof msg.status === 'string') {
      this.onStatus(msg);
    }
  }

  onStatus(msg) {
    this.dispatchEvent(new CustomEvent('status', { detail: msg }));
    switch (msg.status) {
      case 'authorized':
        if (this.state === 'authorizing') this.goLive();
        break;
      case 'invalid key':
      case 'unauthorized':
        this.setState('auth-failed');
        this.dispatchEvent(new CustomEvent('authfailed', { detail: msg.status }));
        break;
      case 'error':
      case 'invalid action':
        console.warn('feed:', msg.status, msg.error ?? '');
        break;
      default:
        break;   // subscribed / unsubscribed acknowledgements need no action
    }
  }

  deliver(feed, data, envelope) {
    const set = this.handlers.get(feed);
    if (!set) return;
    this.latest.set(feed, [data, envelope]);
    for (const handler of set) {
      try {
        handler(data, envelope);
      } catch (err) {
        console.error('feed handler for', feed, 'failed', err);
      }
    }
  }

  /** Resolves once the socket is live (authorized and subscribed). */
  whenLive() {
    if (this.state === 'live') return Promise.resolve();
    return new Promise((resolve) => {
      const onState = (e) => {
        if (e.detail.state !== 'live') return;
        this.removeEventListener('state', onState);
        resolve();
      };
      this.addEventListener('state', onState);
    });
  }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  setState(state, retryInMs) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, retryInMs } }));
  }
}
