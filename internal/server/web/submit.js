// submit.js is the form #submit-form that sends a report (an address or
// a text) to POST /api/extract?store=1 and lists the events read from it.
// It is the page /submit, and it shows on / while the database is empty.
import { api, request } from './api.js';
import { $, h, clear, fmtDateRange, fmtPlace, fmtRange, showError } from './dom.js';
import { incidentURL } from './router.js';
import { MODALITIES, typeClass } from './types.js';

const view = $('#view-submit');
const panel = $('#submit-panel');
const form = $('#submit-form');
const result = $('#submit-result');
const errorEl = form.querySelector('.error');

// mount moves the form into el.
export function mount(el) {
  if (panel.parentElement !== el) el.append(panel);
}

// show shows the page /submit.
export function show() {
  mount(view);
  view.hidden = false;
}

// hide hides it.
export function hide() {
  view.hidden = true;
}

form.addEventListener('submit', async e => {
  e.preventDefault();
  showError(errorEl, null);
  const url = form.elements.url.value.trim();
  const text = form.elements.text.value.trim();
  const published = form.elements.published.value;
  if (!url === !text) {
    showError(errorEl, new Error(url ? 'Give the address or the text, not both.' : 'Give the address of a report, or paste its text.'));
    return;
  }
  const body = url ? { url } : { text };
  if (published) body.published = published;
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  clear(result).append(h('p', { class: 'status' }, url ? 'Fetching and reading the report…' : 'Reading the report…'));
  try {
    const r = await request('POST', '/api/extract?store=1', body);
    form.reset();
    await showResult(r.data, r.headers.get('Sitrep-Stored'), r.headers.get('Location'));
    document.dispatchEvent(new CustomEvent('sitrep:stored'));
  } catch (err) {
    clear(result);
    showError(errorEl, err);
    if (err.status === 401) {
      errorEl.append(' ', h('a', { href: '/login?next=' + encodeURIComponent(location.pathname + location.search) }, 'Log in as a reviewer'));
    }
  } finally {
    button.disabled = false;
  }
});

// OUTCOMES say what storing did, by the Sitrep-Stored header.
const OUTCOMES = {
  new: 'Stored as a new report.',
  duplicate: 'This report was stored before, byte for byte: nothing changed.',
  copy: 'The same article was stored before from another source: this one is recorded as a copy.',
  near: 'A nearly identical article was stored before: this one is recorded as a near duplicate.',
  version: 'A new version of a report stored before: its events were updated.',
};

// showResult lists the events of doc and links the incidents they joined.
async function showResult(doc, outcome, articleURL) {
  clear(result);
  const art = doc.article || {};
  const events = doc.events || [];
  result.append(
    h('h3', {}, art.title || 'Untitled report'),
    h('p', {}, OUTCOMES[outcome] || (outcome ? `Stored (${outcome}).` : 'Stored.'),
      ` ${events.length} event${events.length === 1 ? '' : 's'} read from it.`),
  );
  const ol = h('ol', { class: 'extracted' });
  for (const ev of events) {
    const counts = ['killed', 'injured', 'arrested', 'participants']
      .filter(k => ev.counts && ev.counts[k])
      .map(k => `${k} ${fmtRange(ev.counts[k])}`);
    ol.append(h('li', { class: 'event' },
      h('span', { class: 'sw ' + typeClass(ev.type) }),
      h('strong', {}, ev.type), ev.mode ? ` (${ev.mode})` : '',
      ' · ', fmtDateRange(ev.date),
      ' · ', fmtPlace(ev.location),
      counts.length ? ' · ' + counts.join(', ') : '',
      ' · ', MODALITIES[ev.modality] || ev.modality,
      ev.attribution && ev.attribution.text ? `, “${ev.attribution.text}”` : '',
      h('span', { class: 'hint' }, ` · confidence ${ev.confidence}`)));
  }
  result.append(ol);
  if (!articleURL) return;
  try {
    const a = await api('GET', articleURL);
    if (a.incidents && a.incidents.length) {
      result.append(h('p', {}, 'Incidents: ', a.incidents.map((id, i) => [i ? ', ' : '', h('a', { href: incidentURL(id) }, id)])));
    }
  } catch {
    // The events are listed already; the links are a convenience.
  }
}
