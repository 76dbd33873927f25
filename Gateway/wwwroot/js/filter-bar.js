// The filter controls in the page header: editable limits, an on/off switch and a reset.
import { parseAmount } from './format.js';

const FIELDS = [
  { key: 'minPrice', label: 'Price ≥ $', id: 'f-min-price', title: 'Minimum last price' },
  { key: 'maxPrice', label: 'Price ≤ $', id: 'f-max-price', title: 'Maximum last price' },
  { key: 'minVolume', label: 'Vol ≥', id: 'f-min-volume', title: 'Minimum volume today (100K, 1.5M)', amount: true },
  { key: 'minRelativeVolume', label: 'RVol ≥', id: 'f-min-rvol', title: 'Minimum relative volume (x average)' },
  { key: 'minChangePct', label: 'Chg ≥ %', id: 'f-min-change', title: 'Minimum size of the move in percent' },
];

/** 100000 -> "100K", 1500000 -> "1.5M": how a trader would type it. */
function amount(v) {
  for (const [scale, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']]) {
    if (Math.abs(v) >= scale) return `${+(v / scale).toFixed(3)}${suffix}`;
  }
  return String(v);
}

const show = (field, v) => (typeof v !== 'number' || Number.isNaN(v) ? '' : field.amount ? amount(v) : String(v));

/** @param {HTMLElement} host @param {import('./filters.js').Filters} filters */
export function mountFilterBar(host, filters) {
  host.innerHTML = `
    <label class="switch" title="Apply the filters to the scanner tables">
      <input type="checkbox" id="f-enabled" data-testid="filters-enabled"> Filters
    </label>
    ${FIELDS.map((f) => `
      <label class="filter" title="${f.title}">${f.label}
        <input id="${f.id}" data-testid="${f.id}" inputmode="decimal" autocomplete="off" spellcheck="false">
      </label>`).join('')}
    <button type="button" id="f-reset" data-testid="filters-reset" title="Back to the defaults">Reset</button>`;

  const enabled = host.querySelector('#f-enabled');
  const inputs = FIELDS.map((f) => [f, host.querySelector(`#${f.id}`)]);

  const sync = () => {
    enabled.checked = filters.values.enabled;
    host.classList.toggle('off', !filters.values.enabled);
    for (const [f, input] of inputs) {
      if (document.activeElement !== input) input.value = show(f, filters.values[f.key]);
      input.disabled = !filters.values.enabled;
    }
  };

  enabled.addEventListener('change', () => filters.update({ enabled: enabled.checked }));
  for (const [f, input] of inputs) {
    const commit = () => {
      const text = input.value.trim();
      const v = text === '' ? NaN : f.amount ? parseAmount(text) : Number(text);
      input.classList.toggle('invalid', text !== '' && Number.isNaN(v));
      if (text === '' || !Number.isNaN(v)) filters.update({ [f.key]: v });
    };
    input.addEventListener('input', commit);
    input.addEventListener('change', () => { commit(); input.value = show(f, filters.values[f.key]); });
  }
  host.querySelector('#f-reset').addEventListener('click', () => filters.reset());
  filters.addEventListener('change', sync);
  sync();
}
