// Shared dashboard code: API calls with the session's CSRF token or a Kubernetes bearer token,
// the navigation bar, and small DOM helpers. No framework; every page loads this file first.
'use strict';

const Api = (() => {
  let csrfToken = null;
  const TOKEN_KEY = 'dishtayantra.bearer';

  function bearer() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function request(method, path, body, contentType) {
    const headers = {};
    if (bearer()) {
      headers['Authorization'] = 'Bearer ' + bearer();
    }
    if (csrfToken && method !== 'GET') {
      headers['X-CSRF-Token'] = csrfToken;
    }
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401 && !location.pathname.endsWith('/login.html')) {
      location.href = '/ui/login.html?next=' + encodeURIComponent(location.pathname + location.search);
      throw new Error('Not logged in');
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = { message: text }; }
    }
    if (!response.ok) {
      const error = new Error((data && data.message) || response.statusText);
      error.status = response.status;
      error.body = data;
      throw error;
    }
    return data;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body, contentType) => request('POST', path, body, contentType),
    del: (path) => request('DELETE', path),
    setCsrf: (token) => { csrfToken = token; },
    setBearer: (token) => { if (token) sessionStorage.setItem(TOKEN_KEY, token); else sessionStorage.removeItem(TOKEN_KEY); },
    bearer,
  };
})();

// Builds an element: el('td', {class: 'num'}, 'text', childNode).
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function stateBadge(state) {
  return el('span', { class: 'state state-' + state }, state);
}

function formatNumber(value) {
  if (value === null || value === undefined || value < 0) return '–';
  return Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || bytes < 0) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return value.toFixed(unit === 0 ? 0 : 1) + ' ' + units[unit];
}

function showMessage(text, kind) {
  const box = document.getElementById('message');
  if (!box) return;
  box.textContent = text;
  box.className = 'message ' + (kind || 'info');
}

function clearMessage() {
  const box = document.getElementById('message');
  if (box) box.className = 'message hidden';
}

// Loads the caller, fills the header, and returns the session (user, role, mode).
async function initPage(active) {
  const info = await Api.get('/api/v1/info');
  const session = await Api.get('/api/v1/session');
  Api.setCsrf(session.csrfToken);
  const header = el('header', {},
    el('span', { class: 'brand' }, 'DishtaYantra'),
    el('nav', {},
      link('/ui/index.html', 'DAGs', active === 'dags'),
      // In a cluster, RBAC decides per request, so the admin pages are offered to everyone.
      session.role === 'admin' || info.mode === 'cluster' ? link('/ui/monitoring.html', 'Monitoring', active === 'monitoring') : null,
      session.role === 'admin' || info.mode === 'cluster' ? link('/ui/logs.html', 'Logs', active === 'logs') : null),
    el('span', { class: 'who', id: 'who' }, session.user + ' (' + session.role + ', ' + info.mode + ')'),
    el('button', { id: 'logout', onclick: logout }, 'Log out'));
  document.body.prepend(header);
  return { user: session.user, role: session.role, mode: info.mode };
}

function link(href, text, active) {
  return el('a', { href, class: active ? 'active' : '' }, text);
}

async function logout() {
  if (Api.bearer()) {
    Api.setBearer(null);
  } else {
    await Api.del('/api/v1/session');
  }
  location.href = '/ui/login.html';
}

// Calls fn now and every intervalMillis, skipping a run while the previous one is in flight.
function poll(fn, intervalMillis) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try { await fn(); } catch (e) { if (e.status !== 401) showMessage(e.message, 'error'); }
    finally { running = false; }
  };
  run();
  return setInterval(run, intervalMillis);
}
