// A widget's filter limits (rankings and alert lists), in its settings panel: what a trader types ("100K", "1.5M"); blank = no limit.
import { parseAmount } from './format.js';
import { DEFAULT_FILTERS } from './filters.js';

const FIELDS = [
  { key: 'minPrice', label: 'Price ≥ $', id: 'f-min-price', title: 'Minimum last price' },
  { key: 'maxPrice', label: 'Price ≤ $', id: 'f-max-price', title: 'Maximum last price' },
  { key: 'minVolume', label: 'Vol ≥', id: 'f-min-volume', title: 'Minimum volume today (100K, 1.5M)', amount: true },
  { key: 'minRelativeVolume', label: 'RVol ≥', id: 'f-min-rvol', title: 'Minimum relative volume, whole day (x average)' },
  { key: 'minChangePct', label: 'Chg ≥ %', id: 'f-min-change', title: "Minimum size of the move in this widget's change column, percent" },
];

/** 100000 -> "100K", 1500000 -> "1.5M": how a trader would type it. */
function amount(v) {
  for (const [scale, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']]) {
    if (Math.abs(v) >= scale) return `${+(v / scale).toFixed(3)}${suffix}`;
  }
  return String(v);
}

const show = (field, v) => (typeof v !== 'number' || Number.isNaN(v) ? '' : field.amount ? amount(v) : String(v));

/**
 * @param {HTMLElement} host the fieldset @param {object} values the widget's filters
 * @param {(partial: object) => void} update called with each valid change; the host's 'sync' event brings new values back
 */
export function mountFilterEditor(host, values, update) {
  host.insertAdjacentHTML('beforeend', `${FIELDS.map((f) => `
      <label class="filter" title="${f.title}">${f.label}
        <input data-testid="${f.id}" data-key="${f.key}" inputmode="decimal" autocomplete="off" spellcheck="false">
      </label>`).join('')}
    <button type="button" data-testid="filters-reset" title="Back to the defaults">Reset</button>`);
  const inputs = FIELDS.map((f) => [f, host.querySelector(`[data-key=${f.key}]`)]);
  const sync = (v) => {
    for (const [f, input] of inputs) if (document.activeElement !== input) input.value = show(f, v[f.key]);
  };
  for (const [f, input] of inputs) {
    const commit = () => {
      const text = input.value.trim();
      const v = text === '' ? null : f.amount ? parseAmount(text) : Number(text);
      const invalid = v !== null && Number.isNaN(v);
      input.classList.toggle('invalid', invalid);
      if (!invalid) update({ [f.key]: v });
    };
    input.addEventListener('input', commit);
    input.addEventListener('change', commit);
  }
  host.querySelector('[data-testid=filters-reset]').addEventListener('click', () => update({ ...DEFAULT_FILTERS }));
  host.addEventListener('sync', (e) => sync(e.detail));
  sync(values);
}

/** The "Filters" on/off box in a widget's head; calls onToggle with the new state and returns the box. */
export function mountFiltersToggle(tools, onToggle) {
  tools.insertAdjacentHTML('afterbegin', `<label class="toggle" title="Apply this widget's filters">
      <input type="checkbox" data-testid="filters-enabled"> Filters</label>`);
  const box = tools.querySelector('[data-testid=filters-enabled]');
  box.addEventListener('change', () => onToggle(box.checked));
  return box;
}

/** Merges a change into a widget's filters, brings its toggle and settings panel in line, re-renders and saves. */
export function changeFilters(widget, partial) {
  widget.config.filters = { ...widget.config.filters, ...partial };
  widget.enabledBox.checked = widget.config.filters.enabled;
  widget.settingsEl.querySelector('.filters')?.dispatchEvent(new CustomEvent('sync', { detail: widget.config.filters }));
  widget.invalidate();
  widget.onChange();
}
