// Login when the gateway asks for it: the short-lived token lives in sessionStorage (gone with the tab).
const STORAGE_KEY = 'scanner.token';
const EXPIRY_MARGIN_MS = 5_000;

export async function authEnabled() {
  try {
    const res = await fetch('/auth/config', { cache: 'no-store' });
    if (!res.ok) return false;   // a gateway without the endpoint runs without auth
    return (await res.json()).auth_enabled === true;
  } catch {
    return false;
  }
}

/** The stored token, or null when there is none or it has expired. */
export function storedToken() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!saved?.token) return null;
    if (typeof saved.expires_at === 'number' && saved.expires_at - EXPIRY_MARGIN_MS < Date.now()) return null;
    return saved.token;
  } catch {
    return null;
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
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: body.token, expires_at: body.expires_at }));
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
