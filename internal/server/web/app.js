// app.js starts sitrep's web UI: it asks who is logged in, keeps the
// header up to date, and shows the page that the address names. Every
// page is the same index.html; each view is a <section> of it that one
// module fills:
//
//	/                 home.js      map, timeline, filters and list
//	/incidents/{id}   incident.js  one incident, its sources and review
//	/review           review.js    the review queue
//	/login            login.js     the log-in form
//	/submit           submit.js    extract and store a report
import { $, showError } from './dom.js';
import { loadSession, logout, onSession } from './api.js';
import { navigate, setRenderer } from './router.js';
import * as home from './home.js';
import * as incident from './incident.js';
import * as review from './review.js';
import * as loginView from './login.js';
import * as submit from './submit.js';

// routes match a path to its view; the groups are the view's parameters.
const routes = [
  { re: /^\/$/, name: 'home', view: home },
  { re: /^\/incidents\/([^/]+)$/, name: 'incident', view: incident },
  { re: /^\/review$/, name: 'review', view: review },
  { re: /^\/login$/, name: 'login', view: loginView },
  { re: /^\/submit$/, name: 'submit', view: submit },
];

let current = null;

// render shows the view of the address bar, hiding the one shown before.
function render() {
  const path = location.pathname;
  let route = null;
  let params = [];
  for (const rt of routes) {
    const m = rt.re.exec(path);
    if (m) {
      route = rt;
      params = m.slice(1).map(decodeURIComponent);
      break;
    }
  }
  if (!route) {
    route = routes[0];
  }
  if (current && current !== route) {
    current.view.hide();
  }
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('active', a.dataset.nav === route.name);
  }
  current = route;
  route.view.show(...params);
}

// A click on a link to one of the UI's pages changes page without a
// reload; other links (exports, reports' own sites) work as links.
document.addEventListener('click', e => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !routes.some(rt => rt.re.test(url.pathname))) return;
  e.preventDefault();
  navigate(url.href);
});

window.addEventListener('popstate', render);

// The header shows who is logged in.
onSession(user => {
  const who = $('#whoami');
  const role = $('#role');
  who.textContent = user ? user.name : '';
  role.textContent = user ? user.role : '';
  who.hidden = role.hidden = $('#logout').hidden = !user;
  $('#login-link').hidden = !!user;
});

$('#logout').addEventListener('click', async () => {
  try {
    await logout();
  } catch (err) {
    alertError(err);
  }
  render();
});

// alertError shows an error that belongs to no form at the top of the page.
function alertError(err) {
  let el = $('#app-error');
  if (!el) {
    el = document.createElement('p');
    el.id = 'app-error';
    el.className = 'error';
    el.setAttribute('role', 'alert');
    $('main').prepend(el);
  }
  showError(el, err);
}

// A view that shows more to reviewers redraws when the session changes.
onSession(() => {
  if (current && current.view.sessionChanged) current.view.sessionChanged();
});

// Show the page once the server has said who is logged in.
setRenderer(render);
loadSession().catch(alertError).finally(render);
