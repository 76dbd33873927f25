// Sound and desktop notifications on new entries in a list: opt-in per widget, a distinct tone sequence per list,
// one mute for the whole page, and a cooldown per widget so a busy list does not chatter.

export const COOLDOWN_MS = 10_000;
const MUTE_KEY = 'scanner.muted';

/** Distinct short tone sequences (Hz): halts sound unlike new highs, gainers unlike losers. */
const TONES = {
  halts: [880, 440, 880], momentum: [660, 990], hod_lod: [523, 784], top_gainers: [784, 1047], top_losers: [392, 330],
  top_gappers: [698, 880], top_volume: [587], top_relative_volume: [622, 932],
};
const toneFor = (widgetId) => TONES[widgetId] ?? [740];

export class AlertSounds extends EventTarget {
  /** @param {{ now?: () => number, storage?: Storage }} options */
  constructor({ now = () => Date.now(), storage = localStorage } = {}) {
    super();
    this.now = now;
    this.storage = storage;
    this.muted = storage.getItem(MUTE_KEY) === 'true';
    this.lastAt = new Map();   // widget id -> when it last announced
    this.context = null;
  }

  setMuted(muted) {
    this.muted = muted;
    this.storage.setItem(MUTE_KEY, String(muted));
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Announces new entries of a widget whose settings ask for it; false when nothing was asked or the widget is
   * still cooling down (entries during the cooldown are not announced later either).
   * @param {string} widgetId @param {{ enabled?: boolean, notify?: boolean }} settings @param {string} title @param {string[]} symbols
   */
  announce(widgetId, settings, title, symbols) {
    if (!settings?.enabled && !settings?.notify) return false;
    if (symbols.length === 0) return false;
    const now = this.now();
    if (now - (this.lastAt.get(widgetId) ?? -Infinity) < COOLDOWN_MS) return false;
    this.lastAt.set(widgetId, now);
    if (settings.enabled && !this.muted) this.play(toneFor(widgetId));
    if (settings.notify && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(`${title}: ${symbols.slice(0, 5).join(', ')}`, { tag: `scanner-${widgetId}`, silent: true });
    }
    return true;
  }

  /** Short sine beeps through Web Audio: nothing to download, and a different pattern per list. */
  play(tones) {
    const ctx = this.audio();
    if (!ctx) return;
    const start = ctx.currentTime + 0.01;
    tones.forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + i * 0.14;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.2, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.12);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.13);
    });
  }

  audio() {
    if (this.context) return this.context;
    const Ctor = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    if (!Ctor) return null;
    this.context = new Ctor();
    return this.context;
  }

  /** Browsers start audio suspended until a user gesture: call from one (the sound checkbox, the mute button). */
  unlock() {
    this.audio()?.resume?.();
  }
}

/** Which keys of a list are new since the last time: nothing on the first sight (the list as it was on opening). */
export class NewEntries {
  constructor(limit = 2000) {
    this.seen = null;
    this.limit = limit;
  }

  /** @param {string[]} keys @returns {string[]} the keys not seen before */
  update(keys) {
    if (this.seen === null) {
      this.seen = new Set(keys);
      return [];
    }
    const fresh = keys.filter((k) => !this.seen.has(k));
    for (const k of fresh) this.seen.add(k);
    if (this.seen.size > this.limit) this.seen = new Set(keys);
    return fresh;
  }
}
