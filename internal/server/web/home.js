// home.js is the page at /: the filter form #filters, whose values live
// in the address bar's query string, the map, the timeline under it and
// the list of incidents beside it. It loads every incident the filters
// select, page after page by next_cursor, up to CAP. With an empty
// database it shows the submit form instead of an empty map.
import { api, APIError } from './api.js';
import { $, h, clear, fmtNumber, fmtRange, showError } from './dom.js';
import { navigate, incidentURL } from './router.js';
import { TYPES, typeClass } from './types.js';
import * as mapview from './mapview.js';
import * as timeline from './timeline.js';
import * as submit from './submit.js';

// FILTERS are the names of the filter inputs and query parameters.
const FILTERS = ['since', 'until', 'type', 'country', 'q', 'reviewed'];

// CAP is the most incidents drawn at once; PAGE is the page size asked.
const CAP = 20000;
const PAGE = 500;
// LIST is the most incidents listed beside the map.
const LIST = 300;

const view = $('#view-home');
const form = $('#filters');
let loadedKey = null; // the query of what is on the map
let controller = null; // aborts the load under way
let items = [];
// keepSubmit keeps the submit form on the page after a first report was
// stored from it, so that its result stays in sight.
let keepSubmit = false;

for (const [t, gloss] of TYPES) {
  form.elements.type.append(h('option', { value: t, title: gloss }, t));
}

form.addEventListener('submit', e => {
  e.preventDefault();
  apply(readForm());
});

// Clear empties the form, then applies it (after the reset has happened).
form.addEventListener('reset', () => setTimeout(() => apply({}), 0));

// A report stored from the submit form shows on the map at once.
document.addEventListener('sitrep:stored', () => {
  loadedKey = null;
  keepSubmit = !$('#empty').hidden;
  if (keepSubmit) {
    $('#empty-title').textContent = 'Report stored';
    $('#empty-text').hidden = true;
  }
  if (!view.hidden) load(currentFilters());
});

// show shows the page for the filters of the address bar.
export function show() {
  view.hidden = false;
  mapview.init($('#map'), { pick: id => navigate(incidentURL(id)), type: t => apply({ ...currentFilters(), type: t }) });
  timeline.init($('#timeline'), (since, until) => apply({ ...currentFilters(), since, until }));
  mapview.refresh();
  const f = currentFilters();
  // The incident page links back to the map as it was.
  sessionStorage.setItem('sitrep.filters', location.search);
  fillForm(f);
  if (keyOf(f) !== loadedKey) {
    load(f);
  } else if (!$('#empty').hidden) {
    submit.mount($('#empty'));
  }
}

// hide hides the page; a load under way goes on, so that the map is
// ready on return.
export function hide() {
  view.hidden = true;
}

// currentFilters reads the filters from the address bar.
function currentFilters() {
  const q = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTERS) {
    const v = (q.get(k) || '').trim();
    if (v) f[k] = v;
  }
  return f;
}

function readForm() {
  const f = {};
  for (const k of FILTERS) {
    let v = (form.elements[k].value || '').trim();
    if (k === 'country') v = v.toUpperCase();
    if (v) f[k] = v;
  }
  return f;
}

function fillForm(f) {
  for (const k of FILTERS) form.elements[k].value = f[k] || '';
  const q = keyOf(f);
  $('#export').href = '/api/export?format=geojson' + (q ? '&' + q : '');
}

function keyOf(f) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) q.set(k, f[k]);
  return q.toString();
}

// apply puts filters in the address bar, which shows them.
function apply(f) {
  keepSubmit = false;
  const q = keyOf(f);
  navigate('/' + (q ? '?' + q : ''));
}

function setStatus(...parts) {
  const el = $('#status');
  clear(el);
  el.append(...parts);
  el.classList.remove('error');
}

// compact keeps of an incident what the map, list and timeline need, so
// that twenty thousand of them take little memory.
function compact(r) {
  const loc = r.location;
  const src = (r.sources && r.sources[0]) || {};
  return {
    id: r.id,
    type: r.type,
    date: (r.date && r.date.start) || null,
    lat: loc ? loc.lat : NaN,
    lon: loc ? loc.lon : NaN,
    place: loc ? loc.name : null,
    country: loc ? loc.country : null,
    title: src.title || '',
    outlet: src.outlet || null,
    sources: r.sources ? r.sources.length : 0,
    killed: r.counts ? r.counts.killed : null,
    confidence: r.confidence,
    status: r.review ? r.review.status : r.reviewed ? 'reviewed' : 'unreviewed',
  };
}

// load fetches every incident of filters f, drawing as the pages come.
async function load(f) {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const key = keyOf(f);
  loadedKey = key;
  items = [];
  mapview.clearMarkers();
  $('#empty').hidden = !keepSubmit;
  setStatus('Loading incidents…');
  let cursor = null;
  let pages = 0;
  try {
    do {
      const q = new URLSearchParams(key);
      q.set('limit', PAGE);
      if (cursor) q.set('cursor', cursor);
      const page = await api('GET', '/api/incidents?' + q, undefined, { signal });
      const batch = page.incidents.map(compact);
      for (const it of batch) items.push(it);
      mapview.add(batch);
      cursor = page.next_cursor;
      pages++;
      if (pages === 1 || pages % 8 === 0) {
        drawSummary(f, false);
        if (pages === 1) mapview.fit(items);
      }
      if (cursor) setStatus(`Loading incidents… ${fmtNumber(items.length)} so far`);
    } while (cursor && items.length < CAP);
  } catch (err) {
    if (err.name === 'AbortError') return;
    loadedKey = null;
    const el = $('#status');
    el.textContent = err instanceof APIError && err.status === 400 ? `Filter: ${err.message}` : err.message;
    el.classList.add('error');
    return;
  }
  if (signal.aborted) return;
  mapview.fit(items);
  drawSummary(f, !!cursor);
  if (items.length === 0) await checkEmpty(f, signal);
}

// drawSummary updates the status line, list, legend and timeline.
function drawSummary(f, capped) {
  const placed = items.filter(mapview.hasPlace).length;
  const parts = [`${fmtNumber(items.length)} incident${items.length === 1 ? '' : 's'}`];
  if (capped) parts.push(` (the first ${fmtNumber(CAP)}: narrow the filters to see the rest)`);
  if (placed < items.length) parts.push(` · ${fmtNumber(items.length - placed)} without a place, listed but not on the map`);
  setStatus(...parts);

  const counts = new Map();
  for (const it of items) counts.set(it.type, (counts.get(it.type) || 0) + 1);
  mapview.legend(counts, f.type || '');
  timeline.update(items);

  const list = clear($('#list'));
  for (const it of items.slice(0, LIST)) {
    list.append(h('li', { dataset: { id: it.id } },
      h('a', { href: incidentURL(it.id) },
        h('span', { class: 'sw ' + typeClass(it.type) }),
        h('strong', {}, it.type),
        ' ', h('span', { class: 'date' }, it.date || 'undated'),
        ' ', h('span', { class: 'place' }, it.place ? `${it.place}${it.country ? ', ' + it.country : ''}` : 'place unknown'),
        it.killed ? h('span', { class: 'killed' }, ` · killed ${fmtRange(it.killed)}`) : null,
        it.status && it.status !== 'unreviewed' ? h('span', { class: 'badge ' + it.status }, it.status) : null,
        h('span', { class: 'title' }, it.title)),
    ));
  }
  if (items.length > LIST) {
    list.append(h('li', { class: 'more' }, `and ${fmtNumber(items.length - LIST)} more: narrow the filters or zoom the map`));
  }
}

// checkEmpty shows the submit form when the database holds no incident
// at all (rather than none that match).
async function checkEmpty(f, signal) {
  let empty = Object.keys(f).length === 0;
  if (!empty) {
    try {
      const page = await api('GET', '/api/incidents?limit=1', undefined, { signal });
      empty = page.incidents.length === 0;
    } catch (err) {
      if (err.name === 'AbortError') return;
      showError($('#status'), err);
      return;
    }
  }
  if (signal.aborted) return;
  if (empty) {
    $('#empty').hidden = false;
    $('#empty-title').textContent = 'No incidents yet';
    $('#empty-text').hidden = false;
    submit.mount($('#empty'));
    setStatus('No incidents yet.');
  } else {
    setStatus('No incident matches these filters.');
  }
}
