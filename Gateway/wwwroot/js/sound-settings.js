// The sound and notification choices of a list widget, in its settings panel (kept in its layout entry).
import { COOLDOWN_MS } from './alert-sound.js';

export const soundSettingsHtml = (sound) => `
  <fieldset class="sound" data-testid="sound"><legend>New entries</legend>
    <label title="A short tone when new entries arrive (at most one per ${COOLDOWN_MS / 1000} s)">
      <input type="checkbox" data-testid="sound-enabled" ${sound?.enabled ? 'checked' : ''}> Sound</label>
    <label title="A desktop notification when new entries arrive">
      <input type="checkbox" data-testid="notify-enabled" ${sound?.notify ? 'checked' : ''}> Desktop notification</label>
  </fieldset>`;

/** Wires the checkboxes to config.sound; asks for the notification permission when it is switched on. */
export function bindSoundSettings(host, config, sounds, onChange) {
  const soundBox = host.querySelector('[data-testid=sound-enabled]');
  const notifyBox = host.querySelector('[data-testid=notify-enabled]');
  const save = () => {
    config.sound = { enabled: soundBox.checked, notify: notifyBox.checked };
    onChange();
  };
  soundBox.addEventListener('change', () => {
    sounds.unlock();   // a user gesture: the moment the browser lets audio start
    save();
  });
  notifyBox.addEventListener('change', async () => {
    if (notifyBox.checked && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      await Notification.requestPermission();
    }
    save();
  });
}
