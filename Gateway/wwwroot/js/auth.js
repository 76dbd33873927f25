// Login when the gateway asks for it: the short-lived token lives in sessionStorage (gone with the tab) and is
// renewed before it expires, so a page open all day never asks again; signing out ends every session of the user.
const STORAGE_KEY = 'scanner.token';
const EXPIRY_MARGIN_MS = 5_000;
// Renew when two thirds of the lifetime have passed, and at least every minute: a sign-out in another browser
// (which makes the gateway refuse to renew) then ends this page's session within a minute.
const RENEW_AT_FRACTION = 2 / 3;
const MAX_RENEW_INTERVAL_MS = 60_000;
const RETRY_MS = 5_000;

export async function authEnabled() {
  try {
    const res = await fetch('/auth/config', { cache: 'no-store' });
    if (!res.ok) return false;   // a gateway without the endpoint runs without auth
    return (await res.json()).auth_enabled === true;
  } catch {
    return false;
  }
}

/** The stored session ({ token, expires_at, issued_at }), or null when there is none or it has expired. */
function storedSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!saved?.token) return null;
    if (typeof saved.expires_at === 'number' && saved.expires_at - EXPIRY_MARGIN_MS < Date.now()) return null;
    return saved;
  } catch {
    return null;
  }
}

/** The stored token, or null when there is none or it has expired. */
export function storedToken() {
  return storedSession()?.token ?? null;
}

function storeToken(body) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: body.token, expires_at: body.expires_at, issued_at: Date.now() }));
}

function postWithToken(path, token) {
  return fetch(path, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
}

/**
 * Renews the stored token before it expires (see RENEW_AT_FRACTION) for as long as the page is open; calls
 * onEnded once the gateway refuses to renew (signed out elsewhere, user removed). A gateway that cannot be reached
 * or asks to wait is tried again while the token lasts. Each renewal counts in body[data-token-renewals].
 */
export function keepSessionAlive(onEnded) {
  let timer = 0;
  const end = () => {
    clearTimeout(timer);
    forgetToken();
    onEnded();
  };
  const scheduleNext = () => {
    const saved = storedSession();
    if (!saved) return end();
    const issuedAt = saved.issued_at ?? Date.now();
    // ... and before the token counts as expired here (EXPIRY_MARGIN_MS).
    const renewAt = Math.min(issuedAt + (saved.expires_at - issuedAt) * RENEW_AT_FRACTION, saved.expires_at - EXPIRY_MARGIN_MS - 1_000);
    timer = setTimeout(renew, Math.max(0, Math.min(renewAt - Date.now(), MAX_RENEW_INTERVAL_MS)));
  };
  async function renew() {
    const saved = storedSession();
    if (!saved) return end();
    let res = null;
    try {
      res = await postWithToken('/auth/renew', saved.token);
    } catch {
      // unreachable: retried below
    }
    if (res?.ok) {
      storeToken(await res.json());
      document.body.dataset.tokenRenewals = String(Number(document.body.dataset.tokenRenewals ?? 0) + 1);
      return scheduleNext();
    }
    if (res?.status === 401) return end();
    timer = setTimeout(renew, RETRY_MS);
  }
  scheduleNext();
  return { stop: () => clearTimeout(timer) };
}

/** Ends every session of the signed-in user, in every browser, and forgets the token here. */
export async function signOut() {
  const saved = storedSession();
  forgetToken();
  if (!saved) return;
  try {
    await postWithToken('/auth/logout', saved.token);
  } catch {
    // the gateway is gone: the token expires by itself
  }
}

export function forgetToken() {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Exchanges credentials for a token; throws an Error with a message fit for the user on failure. */
export async function login(username, password) {
  let res;
  try {
    res = await fetch('/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    throw new Error('Cannot reach the gateway');
  }
  if (res.status === 401 || res.status === 403) throw new Error('Wrong username or password');
  if (!res.ok) throw new Error(`Login failed (HTTP ${res.status})`);
  const body = await res.json();
  if (typeof body.token !== 'string') throw new Error('Login failed (no token in the reply)');
  storeToken(body);
  return body.token;
}

/** Shows the login form until a login succeeds; resolves with the token. */
export function showLogin(form, message = '') {
  const error = form.querySelector('[data-testid=login-error]');
  const submit = form.querySelector('button[type=submit]');
  error.textContent = message;
  form.hidden = false;
  form.querySelector('input[name=username]').focus();
  return new Promise((resolve) => {
    form.onsubmit = async (e) => {
      e.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      try {
        const token = await login(form.username.value.trim(), form.password.value);
        form.hidden = true;
        form.password.value = '';
        form.onsubmit = null;
        resolve(token);
      } catch (err) {
        error.textContent = err.message;
        form.password.select();
      } finally {
        submit.disabled = false;
      }
    };
  });
}
