// review.js is the review desk at /review: the queue #queue of incidents
// waiting for a reviewer (GET /api/review/queue), each with the reasons
// it needs one, worked through with the keyboard: j/k move, c confirm,
// r reject, o or Enter open, ? help.
import { api, isReviewer, session } from './api.js';
import { $, h, clear, fmtDateRange, fmtPlace, fmtNumber, showError } from './dom.js';
import { navigate, incidentURL } from './router.js';
import { NEEDS, typeClass } from './types.js';

const view = $('#view-review');
const queue = $('#queue');
const statusEl = $('#queue-status');
const more = $('#queue-more');
const help = $('#help');
const PAGE = 50;

let cursor = null;
let loading = false;
let shown = 0;
let selectedID = null; // kept across visits, so that back from an incident returns to it

// show loads the first page of the queue.
export function show() {
  view.hidden = false;
  document.addEventListener('keydown', onKey);
  load(true);
}

// hide hides the desk and stops its keys.
export function hide() {
  view.hidden = true;
  shown++;
  document.removeEventListener('keydown', onKey);
  if (help.open) help.close();
}

// sessionChanged reloads the queue as the new user.
export function sessionChanged() {
  if (!view.hidden) load(true);
}

more.addEventListener('click', () => load(false));

function status(text, isError) {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', !!isError);
}

// load fetches a page of the queue: the first (fresh) or the next.
async function load(fresh) {
  if (loading && !fresh) return;
  const my = ++shown;
  loading = true;
  if (fresh) {
    clear(queue);
    cursor = null;
    more.hidden = true;
  }
  status('Loading the queue…');
  try {
    const q = new URLSearchParams({ limit: PAGE });
    if (cursor) q.set('cursor', cursor);
    const page = await api('GET', '/api/review/queue?' + q);
    if (my !== shown) return;
    for (const r of page.incidents) queue.append(item(r));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    const n = queue.children.length;
    status(n ? `${fmtNumber(n)}${cursor ? '+' : ''} incident${n === 1 ? '' : 's'} to review.` : 'Nothing to review.');
    if (!queue.querySelector('.selected')) {
      const again = [...queue.children].find(li => li.dataset.id === selectedID);
      select(again || queue.firstElementChild);
    }
  } catch (err) {
    if (my !== shown) return;
    status(err.status === 403 && !isReviewer() ? `${err.message} (the queue is for reviewers)` : err.message, true);
    if (err.status === 401 || !session.user) {
      statusEl.append(' ', h('a', { href: '/login?next=/review' }, 'Log in as a reviewer'));
    }
  } finally {
    if (my === shown) loading = false;
  }
}

// item is the queue entry of incident r.
function item(r) {
  const needs = (r.review && r.review.needs) || [];
  const src = r.sources && r.sources[0];
  const errorEl = h('p', { class: 'error', role: 'alert', hidden: true });
  const li = h('li', { dataset: { id: r.id }, tabindex: -1 },
    h('div', { class: 'q-head' },
      h('span', { class: 'sw ' + typeClass(r.type) }),
      h('a', { href: incidentURL(r.id) }, h('strong', {}, r.type), ' · ', r.location ? fmtPlace(r.location) : 'place unknown', ' · ', r.date && r.date.start ? fmtDateRange(r.date) : 'undated'),
      h('span', { class: 'hint' }, ` · confidence ${r.confidence} · ${r.sources.length} source${r.sources.length === 1 ? '' : 's'}`)),
    src ? h('p', { class: 'title' }, src.title) : null,
    h('ul', { class: 'needs' }, needs.length ? needs.map(n => h('li', { dataset: { need: n } }, NEEDS[n] || n)) : h('li', {}, 'not reviewed yet')),
    h('div', { class: 'q-actions' },
      h('button', { type: 'button', class: 'good', onclick: () => decide(li, 'confirm') }, 'Confirm (c)'),
      h('button', { type: 'button', class: 'bad', onclick: () => decide(li, 'reject') }, 'Reject (r)'),
      h('button', { type: 'button', onclick: () => navigate(incidentURL(r.id)) }, 'Open (o)')),
    errorEl);
  li.addEventListener('click', e => {
    if (!e.target.closest('a, button')) select(li);
  });
  return li;
}

// select makes li the selected entry and scrolls it into view.
function select(li) {
  if (!li) return;
  for (const x of queue.querySelectorAll('.selected')) {
    x.classList.remove('selected');
    x.removeAttribute('aria-current');
  }
  li.classList.add('selected');
  li.setAttribute('aria-current', 'true');
  selectedID = li.dataset.id;
  li.focus({ preventScroll: true });
  li.scrollIntoView({ block: 'nearest' });
}

// decide confirms or rejects the incident of li, then takes it off the
// queue and selects the next one.
async function decide(li, action) {
  if (li.classList.contains('busy')) return;
  const errorEl = li.querySelector(':scope > .error');
  showError(errorEl, null);
  li.classList.add('busy');
  try {
    await api('POST', `/api/incidents/${encodeURIComponent(li.dataset.id)}/${action}`, {});
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    status(`${action === 'confirm' ? 'Confirmed' : 'Rejected'} ${li.dataset.id}. ${fmtNumber(queue.children.length)} left on this page.`);
    if (next) select(next);
    else if (cursor) load(false);
  } catch (err) {
    showError(errorEl, err);
  } finally {
    li.classList.remove('busy');
  }
}

// onKey works the queue from the keyboard, but never while typing.
function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t.closest && t.closest('input, textarea, select, [contenteditable]')) return;
  if (help.open && e.key !== '?') return;
  const cur = queue.querySelector('.selected');
  switch (e.key) {
    case 'j':
      select(cur ? cur.nextElementSibling : queue.firstElementChild);
      if (cur && !cur.nextElementSibling && cursor) load(false);
      break;
    case 'k':
      select(cur ? cur.previousElementSibling : queue.firstElementChild);
      break;
    case 'c':
      if (cur) decide(cur, 'confirm');
      break;
    case 'r':
      if (cur) decide(cur, 'reject');
      break;
    case 'o':
    case 'Enter':
      if (!cur || (e.key === 'Enter' && t.closest && t.closest('a, button'))) return;
      navigate(incidentURL(cur.dataset.id));
      break;
    case '?':
      if (help.open) help.close();
      else help.showModal();
      break;
    default:
      return;
  }
  e.preventDefault();
}
