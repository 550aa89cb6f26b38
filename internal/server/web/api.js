// api.js calls sitrep's JSON API and keeps the session: who is logged in
// and the CSRF token that every write must carry.

// APIError is an error answer of the API: its HTTP status, its stable
// code and its message for people.
export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'APIError';
    this.status = status;
    this.code = code;
  }
}

// session is the logged-in user ({name, role}) and the CSRF token, or
// nulls.
export const session = { user: null, csrf: null };

const listeners = [];

// onSession calls fn whenever the session changes.
export function onSession(fn) {
  listeners.push(fn);
}

function setSession(body) {
  session.user = body ? body.user : null;
  session.csrf = body ? body.csrf : null;
  for (const fn of listeners) fn(session.user);
}

// request sends a request and returns {status, headers, data}, data being
// the decoded JSON body (null for none). An error answer throws an
// APIError with the server's message. A write carries the session's CSRF
// token.
export async function request(method, path, body, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  const opt = { method, headers, credentials: 'same-origin', signal };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    opt.body = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && session.csrf) {
    headers['X-CSRF-Token'] = session.csrf;
  }
  let r;
  try {
    r = await fetch(path, opt);
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new APIError(0, 'network', `${method} ${path}: the server does not answer (${err.message})`);
  }
  let data = null;
  const text = await r.text();
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!r.ok) {
    const e = data && data.error;
    throw new APIError(r.status, e ? e.code : 'http_' + r.status,
      e && e.message ? e.message : `${method} ${path}: HTTP ${r.status}`);
  }
  return { status: r.status, headers: r.headers, data };
}

// api sends a request and returns the decoded JSON body.
export async function api(method, path, body, opt) {
  return (await request(method, path, body, opt)).data;
}

// isReviewer reports whether the logged-in user may review.
export function isReviewer() {
  const r = session.user && session.user.role;
  return r === 'reviewer' || r === 'admin';
}

// loadSession asks the server who is logged in. Not being logged in, or
// a server without sessions, leaves the session empty.
export async function loadSession() {
  try {
    setSession(await api('GET', '/api/session'));
  } catch (err) {
    setSession(null);
    if (err.status !== 401 && err.status !== 404) throw err;
  }
}

// login logs in as name.
export async function login(name, password) {
  setSession(await api('POST', '/api/session', { name, password }));
  return session.user;
}

// logout ends the session.
export async function logout() {
  try {
    await api('DELETE', '/api/session');
  } finally {
    setSession(null);
  }
}
