// The layout controls in the page header: pick, name, add, copy and delete layouts, add widgets, export and import
// a layout file, mute all sounds, and whether the last change reached the server.
import { defaultLayout, exportLayout, importLayout, uniqueName } from './layouts.js';
import { WIDGET_CHOICES } from './board.js';
import { escapeHtml } from './format.js';

export class LayoutBar {
  /**
   * @param {{ host: HTMLElement, layouts: object, board: import('./board.js').Board, sounds: import('./alert-sound.js').AlertSounds,
   *           store: import('./layout-store.js').LayoutStore, save: () => void }} options
   */
  constructor({ host, layouts, board, sounds, store, save }) {
    Object.assign(this, { host, layouts, board, sounds, save });
    host.innerHTML = `
      <label class="sr-only" for="layout-select">Layout</label>
      <select id="layout-select" data-testid="layout-select" title="Layouts (saved on the server, for this user)"></select>
      <label class="sr-only" for="layout-name">Layout name</label>
      <input id="layout-name" data-testid="layout-name" class="layout-name" maxlength="40" autocomplete="off" title="Rename this layout (Enter)">
      <button type="button" data-testid="layout-new" title="A new layout with the default widgets">New</button>
      <button type="button" data-testid="layout-copy" title="A copy of this layout">Copy</button>
      <button type="button" data-testid="layout-delete" title="Delete this layout">Delete</button>
      <label class="sr-only" for="add-widget">Add a widget</label>
      <select id="add-widget" data-testid="add-widget" title="Add a widget">
        <option value="">+ Widget…</option>${WIDGET_CHOICES.map((c) => `<option value="${escapeHtml(c.value)}">${escapeHtml(c.label)}</option>`).join('')}
      </select>
      <button type="button" data-testid="layout-export" title="Download this layout as a file">Export</button>
      <button type="button" data-testid="layout-import" title="Load a layout file">Import</button>
      <input type="file" data-testid="layout-file" accept=".json,application/json" hidden>
      <button type="button" data-testid="mute-all" aria-pressed="false" title="Mute every sound">Sound on</button>
      <span class="layout-state" data-testid="layout-state" data-state="idle" role="status"></span>`;
    this.select = host.querySelector('#layout-select');
    this.name = host.querySelector('#layout-name');
    this.stateEl = host.querySelector('[data-testid=layout-state]');
    this.muteButton = host.querySelector('[data-testid=mute-all]');
    const file = host.querySelector('[data-testid=layout-file]');
    const on = (id, event, fn) => host.querySelector(`[data-testid=${id}]`).addEventListener(event, fn);

    on('layout-select', 'change', () => this.switchTo(this.select.value));
    this.name.addEventListener('change', () => this.rename(this.name.value.trim()));
    this.name.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.rename(this.name.value.trim());
    });
    on('layout-new', 'click', () => this.addLayout(uniqueName('Layout', this.layouts.layouts), defaultLayout()));
    on('layout-copy', 'click', () => this.addLayout(uniqueName(`${this.layouts.current} copy`, this.layouts.layouts), structuredClone(this.current)));
    on('layout-delete', 'click', () => this.deleteCurrent());
    on('add-widget', 'change', (e) => {
      if (!e.target.value) return;
      this.board.add(e.target.value);
      e.target.value = '';
    });
    on('layout-export', 'click', () => this.exportCurrent());
    on('layout-import', 'click', () => file.click());
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (chosen) this.importText(await chosen.text());
    });
    this.muteButton.addEventListener('click', () => {
      this.sounds.setMuted(!this.sounds.muted);
      this.sounds.unlock();
    });
    sounds.addEventListener('change', () => this.showMute());
    store.addEventListener('state', (e) => this.showState(e.detail));
    this.showMute();
    this.refresh();
  }

  get current() {
    return this.layouts.layouts[this.layouts.current];
  }

  refresh() {
    this.select.innerHTML = Object.keys(this.layouts.layouts)
      .map((n) => `<option value="${escapeHtml(n)}"${n === this.layouts.current ? ' selected' : ''}>${escapeHtml(n)}</option>`).join('');
    this.name.value = this.layouts.current;
    this.host.querySelector('[data-testid=layout-delete]').disabled = Object.keys(this.layouts.layouts).length < 2;
  }

  switchTo(name) {
    if (!(name in this.layouts.layouts)) return;
    this.layouts.current = name;
    this.board.show(this.current);
    this.refresh();
    this.save();
  }

  addLayout(name, layout) {
    this.layouts.layouts[name] = layout;
    this.switchTo(name);
  }

  rename(name) {
    const old = this.layouts.current;
    if (!name || name === old || name in this.layouts.layouts) {
      this.name.value = old;
      return;
    }
    // Keep the order of the names: rebuild the object with the new key in the old place.
    this.layouts.layouts = Object.fromEntries(Object.entries(this.layouts.layouts).map(([n, l]) => [n === old ? name : n, l]));
    this.layouts.current = name;
    this.refresh();
    this.save();
  }

  deleteCurrent() {
    const names = Object.keys(this.layouts.layouts);
    if (names.length < 2) return;
    delete this.layouts.layouts[this.layouts.current];
    this.switchTo(Object.keys(this.layouts.layouts)[0]);
  }

  exportCurrent() {
    const blob = new Blob([exportLayout(this.layouts.current, this.current)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `scanner-layout-${this.layouts.current.replace(/[^\w.-]+/g, '_')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  /** Adds the layout of a file under a free name and shows it; a bad file is reported, nothing changes. */
  importText(text) {
    try {
      const { name, layout } = importLayout(text);
      this.addLayout(uniqueName(name, this.layouts.layouts), layout);
    } catch (err) {
      this.showState({ state: 'error', error: `Import failed: ${err.message}` });
    }
  }

  showMute() {
    this.muteButton.setAttribute('aria-pressed', String(this.sounds.muted));
    this.muteButton.textContent = this.sounds.muted ? 'Muted' : 'Sound on';
    this.muteButton.title = this.sounds.muted ? 'Sounds are muted: click to allow them' : 'Mute every sound';
  }

  showState({ state, error }) {
    this.stateEl.dataset.state = state;
    this.stateEl.textContent = { saving: 'Saving…', saved: 'Saved', error: error || 'Not saved' }[state] ?? '';
  }
}
