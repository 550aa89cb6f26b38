// incident.js is the page /incidents/{id}: every field of the incident
// in a row [data-field=NAME], its sources in #sources with what each
// report said and the report's text with the evidence marked, the audit
// trail in #audit and, for reviewers, the controls that confirm, reject,
// edit, merge and split it.
import { api, isReviewer, session } from './api.js';
import { $, h, append, clear, fmtDateRange, fmtPlace, fmtRange, fmtTime, safeURL, sameRange, showError } from './dom.js';
import { navigate, incidentURL } from './router.js';
import { MODALITIES, NEEDS, TYPES, typeClass } from './types.js';

const view = $('#view-incident');
const COUNTS = ['killed', 'injured', 'arrested', 'participants'];

let rec = null; // the incident shown
let shown = 0; // counts pages shown, so that a late answer for an old one is dropped
const articles = new Map(); // article id → Promise of GET /api/articles/{id}

// show shows incident id.
export async function show(id) {
  view.hidden = false;
  const my = ++shown;
  rec = null;
  clear(view).append(h('p', { class: 'status' }, 'Loading incident…'));
  try {
    const r = await api('GET', '/api/incidents/' + encodeURIComponent(id));
    if (my !== shown) return;
    if (r.id !== id) {
      // The id was merged into another incident: the API redirected.
      history.replaceState(null, '', incidentURL(r.id));
    }
    render(r, r.id !== id ? `Incident ${id} was merged into this one.` : null);
  } catch (err) {
    if (my !== shown) return;
    clear(view).append(
      h('p', { class: 'error', role: 'alert' }, err.message),
      h('p', {}, h('a', { href: '/' }, 'Back to the map')));
  }
}

// hide hides the page.
export function hide() {
  view.hidden = true;
  shown++;
}

// sessionChanged redraws, showing or hiding the reviewer's controls.
export function sessionChanged() {
  if (rec && !view.hidden) render(rec);
}

// get returns the value at a dotted path of o.
function get(o, path) {
  return path.split('.').reduce((v, k) => (v == null ? v : v[k]), o);
}

// render draws incident r; note is a line to show above it.
function render(r, note) {
  rec = r;
  const review = r.review || null;
  const status = review ? review.status : r.reviewed ? 'reviewed' : 'unreviewed';
  const art = h('article', { id: 'incident', class: 'incident', dataset: { id: r.id } });
  append(art, [
    h('p', {}, h('a', { href: '/' + (sessionStorage.getItem('sitrep.filters') || '') }, '← Map')),
    h('h1', {}, h('span', { class: 'sw ' + typeClass(r.type) }), r.type,
      r.location ? ` in ${fmtPlace(r.location)}` : '', r.date && r.date.start ? ` · ${fmtDateRange(r.date)}` : ''),
    h('p', { class: 'sub' },
      h('span', { class: 'badge ' + status }, status),
      ` ${r.sources.length} source${r.sources.length === 1 ? '' : 's'} · confidence ${r.confidence} · id `,
      h('code', {}, r.id)),
    note ? h('p', { class: 'note' }, note) : null,
  ]);
  if (review && review.needs && review.needs.length) {
    art.append(h('ul', { class: 'needs' }, review.needs.map(n => h('li', {}, needText(n, r)))));
  }
  art.append(reviewControls(r));
  art.append(h('table', { class: 'fields' }, h('tbody', {}, FIELDS.map(f => fieldRow(f, r)))));
  art.append(h('h2', {}, 'Sources'), sourcesList(r));
  if (isReviewer()) art.append(splitControl(r, art));
  art.append(h('h2', {}, 'History'), h('ol', { id: 'audit', class: 'audit' }), h('p', { class: 'error audit-error', role: 'alert', hidden: true }));
  clear(view).append(art);
  loadAudit(r.id);
}

// needText explains a reason for review.
function needText(n, r) {
  if (n === 'low_confidence') return `${NEEDS[n]} (${r.confidence}, under 0.6)`;
  if (n === 'conflicting_figures') {
    const which = COUNTS.filter(k => conflicting(r, k).length > 1);
    return NEEDS[n] + (which.length ? ` (${which.join(', ')})` : '');
  }
  return NEEDS[n] || n;
}

// conflicting returns the distinct figures the sources give for count k.
function conflicting(r, k) {
  const seen = [];
  for (const s of r.sources) {
    const c = s.counts && s.counts[k];
    if (c && !seen.some(x => sameRange(x, c))) seen.push(c);
  }
  return seen;
}

// outletOf names a source for people.
function outletOf(s) {
  if (s.outlet) return s.outlet;
  if (safeURL(s.url)) return new URL(s.url).hostname;
  return (s.input || '').split('/').pop() || s.article;
}

// actorText writes an actor: its name or words, then what it is.
function actorText(a) {
  if (!a) return 'not given';
  const what = [a.kind, a.sector, a.country].filter(Boolean).join(', ');
  const name = a.name || a.text;
  return what ? `${name} (${what})` : name;
}

// FIELDS are the rows of the field table: the data-field name (the
// PATCH field name where the field can be edited), a label, how the
// value is shown, and the kind of edit control, if any.
const FIELDS = [
  { f: 'type', label: 'Type', edit: 'type',
    show: r => [h('span', { class: 'sw ' + typeClass(r.type) }), r.type, gloss(r.type)] },
  { f: 'mode', label: 'Mode', edit: 'text', show: r => r.mode || 'none' },
  { f: 'cameo', label: 'CAMEO code', edit: 'text', show: r => r.cameo || 'none' },
  { f: 'acled', label: 'ACLED', show: r => (r.acled ? `${r.acled.event_type} / ${r.acled.sub_event_type}` : 'not an event ACLED codes') },
  { f: 'date.start', label: 'From', edit: 'date', show: r => get(r, 'date.start') || 'unknown' },
  { f: 'date.end', label: 'To', edit: 'date', show: r => get(r, 'date.end') || 'unknown' },
  { f: 'date.precision', label: 'Date precision', show: r => get(r, 'date.precision') || 'unknown' },
  { f: 'location', label: 'Location', edit: 'place', show: placeText },
  { f: 'source.name', label: 'Source (who acted)', edit: 'text', show: r => actorText(r.source) },
  { f: 'target.name', label: 'Target', edit: 'text', show: r => actorText(r.target) },
  ...COUNTS.map(k => ({ f: 'counts.' + k, label: k[0].toUpperCase() + k.slice(1), edit: 'range', show: r => countText(r, k) })),
  { f: 'modality', label: 'Modality', edit: 'modality', show: modalityText },
  { f: 'confidence', label: 'Confidence', show: r => String(r.confidence) },
  { f: 'review.status', label: 'Review', show: reviewText },
];

function gloss(t) {
  const g = TYPES.find(([x]) => x === t);
  return g ? h('span', { class: 'hint' }, ` (${g[1]})`) : '';
}

function placeText(r) {
  const p = r.location;
  if (!p) return 'unknown';
  const coords = Number.isFinite(p.lat) && !(p.lat === 0 && p.lon === 0) ? ` · ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}` : ' · no coordinates';
  return [fmtPlace(p), h('span', { class: 'hint' }, `${p.precision ? ' · ' + p.precision : ''}${coords}${p.text && p.text !== p.name ? ` · “${p.text}”` : ''}`)];
}

// countText writes the reconciled figure and, when the sources differ,
// what each said.
function countText(r, k) {
  const c = r.counts && r.counts[k];
  const out = [fmtRange(c), c && c.text ? h('span', { class: 'hint' }, ` “${c.text}”`) : ''];
  if (conflicting(r, k).length > 1) {
    out.push(h('span', { class: 'conflict' }, ' sources differ: ',
      r.sources.filter(s => s.counts && s.counts[k]).map((s, i) => [i ? '; ' : '', `${fmtRange(s.counts[k])} (${outletOf(s)})`])));
  }
  return out;
}

// modalityText writes the modality plainly, with who says so where the
// reports tell, and each source's where they differ.
function modalityText(r) {
  const out = [h('strong', {}, r.modality), ' — ', MODALITIES[r.modality] || ''];
  const attr = attribution(r) || r.sources.map(attribution).find(Boolean);
  if (attr) out.push(`, ${attr}`);
  const mods = new Set(r.sources.map(s => s.modality));
  if (mods.size > 1) {
    out.push(h('span', { class: 'conflict' }, ' sources differ: ',
      r.sources.map((s, i) => [i ? '; ' : '', `${s.modality}${attribution(s) ? ' ' + attribution(s) : ''} (${outletOf(s)})`])));
  }
  return out;
}

// attribution is who an incident or source says reports it ("according
// to police"), when the record carries it.
function attribution(x) {
  const a = x && x.attribution;
  if (!a) return '';
  if (a.text) return `“${a.text}”`;
  return a.source ? `according to ${actorText(a.source)}` : '';
}

function reviewText(r) {
  const rv = r.review;
  if (!rv) return r.reviewed ? 'reviewed' : 'not reviewed';
  const out = [h('span', { class: 'badge ' + rv.status }, rv.status)];
  if (rv.by) out.push(` by ${rv.by}`);
  if (rv.at) out.push(` on ${fmtTime(rv.at)}`);
  return out;
}

// fieldRow is the row of field f, with its edit button for reviewers.
function fieldRow(f, r) {
  const overrides = (r.review && r.review.overrides) || {};
  const edited = Object.keys(overrides).some(k => k === f.f || k.startsWith(f.f + '.'));
  const tr = h('tr', { dataset: { field: f.f }, class: edited ? 'overridden' : null },
    h('th', { scope: 'row' }, f.label),
    h('td', { class: 'value' }, f.show(r), edited ? h('span', { class: 'badge edited', title: 'set by a reviewer' }, 'edited') : null));
  const actions = h('td', { class: 'actions' });
  if (f.edit && isReviewer()) {
    actions.append(h('button', { type: 'button', class: 'edit', 'aria-label': `Edit ${f.label}`, onclick: () => openEdit(tr, f, r) }, 'Edit'));
  }
  tr.append(actions);
  return tr;
}

// openEdit opens the edit form of field f under its row.
function openEdit(tr, f, r) {
  for (const old of view.querySelectorAll('.edit-form')) old.remove();
  const cur = get(r, f.f === 'location' ? 'location' : f.f);
  const inputs = editInputs(f, cur, r);
  const errorEl = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'edit-form', dataset: { field: f.f } },
    inputs,
    h('label', {}, 'Note ', h('input', { name: 'note', placeholder: 'why (optional)' })),
    h('button', { type: 'submit' }, 'Save'),
    h('button', { type: 'button', class: 'link', onclick: () => form.remove() }, 'Cancel'),
    errorEl);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showError(errorEl, null);
    let value;
    try {
      value = editValue(f, form.elements);
    } catch (err) {
      showError(errorEl, err);
      return;
    }
    const body = { set: { [f.f]: value } };
    const note = form.elements.note.value.trim();
    if (note) body.note = note;
    await act(errorEl, () => api('PATCH', '/api/incidents/' + encodeURIComponent(r.id), body), form);
  });
  tr.querySelector('td.value').append(form);
  const first = form.querySelector('input, select');
  if (first) first.focus();
}

// editInputs are the inputs of the edit form of field f.
function editInputs(f, cur, r) {
  switch (f.edit) {
    case 'range':
      return [
        h('label', {}, 'Min ', h('input', { type: 'number', name: 'min', min: 0, step: 1, value: cur ? cur.min : '' })),
        h('label', {}, 'Max ', h('input', { type: 'number', name: 'max', min: 0, step: 1, value: cur && cur.max != null ? cur.max : '', placeholder: 'open' })),
        h('span', { class: 'hint' }, 'Max empty: “at least min”. Both empty: not given.'),
      ];
    case 'type':
      return h('label', {}, 'Type ', h('select', { name: 'value' },
        TYPES.map(([t]) => h('option', { value: t, selected: t === r.type }, t))));
    case 'modality':
      return h('label', {}, 'Modality ', h('select', { name: 'value' },
        Object.keys(MODALITIES).map(m => h('option', { value: m, selected: m === r.modality }, `${m}: ${MODALITIES[m]}`))));
    case 'date':
      return h('label', {}, 'Day ', h('input', { type: 'date', name: 'value', value: cur || '' }));
    case 'place': {
      const p = r.location || {};
      return [
        h('label', {}, 'Name ', h('input', { name: 'name', value: p.name || '', required: true })),
        h('label', {}, 'Lat ', h('input', { type: 'number', name: 'lat', step: 'any', min: -90, max: 90, value: p.lat ?? '', required: true })),
        h('label', {}, 'Lon ', h('input', { type: 'number', name: 'lon', step: 'any', min: -180, max: 180, value: p.lon ?? '', required: true })),
        h('label', {}, 'Country ', h('input', { name: 'country', size: 3, maxlength: 2, pattern: '[A-Za-z]{2}', value: p.country || '' })),
      ];
    }
    default:
      return h('label', {}, 'Value ', h('input', { name: 'value', value: cur == null ? '' : String(cur) }));
  }
}

// editValue reads the value of an edit form as the PATCH body wants it.
function editValue(f, el) {
  switch (f.edit) {
    case 'range': {
      if (el.min.value === '' && el.max.value === '') return null;
      const min = parseInt(el.min.value, 10);
      if (!Number.isInteger(min) || min < 0) throw new Error('Min: a whole number, 0 or more (or both empty for “not given”).');
      if (el.max.value === '') return { min, max: null };
      const max = parseInt(el.max.value, 10);
      if (!Number.isInteger(max) || max < min) throw new Error('Max: a whole number no less than min, or empty for an open range.');
      return { min, max };
    }
    case 'place': {
      const lat = parseFloat(el.lat.value);
      const lon = parseFloat(el.lon.value);
      if (!el.name.value.trim() || !Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error('A place needs a name, a latitude and a longitude.');
      return { name: el.name.value.trim(), lat, lon, country: el.country.value.trim().toUpperCase() };
    }
    default: {
      const v = el.value.value.trim();
      return v === '' ? null : v;
    }
  }
}

// act runs a review action; its answer, the incident, is drawn. An
// error goes to errorEl, leaving the page as it was.
async function act(errorEl, call, button) {
  const buttons = button ? button.querySelectorAll('button') : [];
  for (const b of buttons) b.disabled = true;
  try {
    const r = await call();
    render(r && r.incident ? r.incident : r, null);
    return r;
  } catch (err) {
    showError(errorEl, err);
    return null;
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

// reviewControls are the confirm, reject and merge controls for a
// reviewer, or a hint to log in.
function reviewControls(r) {
  if (!isReviewer()) {
    return h('p', { class: 'hint' }, session.user
      ? `${session.user.name} may read but not review.`
      : [h('a', { href: '/login?next=' + encodeURIComponent(incidentURL(r.id)) }, 'Log in'), ' as a reviewer to confirm, reject, edit, merge or split this incident.']);
  }
  const path = '/api/incidents/' + encodeURIComponent(r.id);
  const errorEl = h('p', { class: 'error', role: 'alert', hidden: true });
  const noteInput = h('input', { id: 'review-note', name: 'note', placeholder: 'note (optional)' });
  const body = () => (noteInput.value.trim() ? { note: noteInput.value.trim() } : {});
  const box = h('div', { class: 'review-actions' });
  const otherInput = h('input', { name: 'other', placeholder: 'id of another incident', required: true, size: 30 });
  const merge = h('form', { id: 'merge-form', class: 'inline' },
    h('label', {}, 'Merge ', otherInput, ' into this incident '),
    h('button', { type: 'submit' }, 'Merge'));
  merge.addEventListener('submit', async e => {
    e.preventDefault();
    const other = otherInput.value.trim();
    if (!other) return;
    const res = await act(errorEl, () => api('POST', path + '/merge', { other, ...body() }), merge);
    if (res && res.id !== r.id) navigate(incidentURL(res.id), { replace: true });
  });
  box.append(
    h('div', { class: 'inline' },
      noteInput,
      h('button', { type: 'button', id: 'confirm', class: 'good', onclick: e => act(errorEl, () => api('POST', path + '/confirm', body()), e.target.parentElement) }, 'Confirm'),
      h('button', { type: 'button', id: 'reject', class: 'bad', onclick: e => act(errorEl, () => api('POST', path + '/reject', body()), e.target.parentElement) }, 'Reject')),
    merge,
    errorEl);
  return box;
}

// splitControl moves the sources ticked in art to a new incident.
function splitControl(r, art) {
  const errorEl = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'button', id: 'split', disabled: true }, 'Split the ticked sources into a new incident');
  button.addEventListener('click', async () => {
    const events = [...art.querySelectorAll('.split-pick:checked')].map(c => {
      const s = r.sources[Number(c.value)];
      return { article: s.article, event: s.event };
    });
    const res = await act(errorEl, () => api('POST', '/api/incidents/' + encodeURIComponent(r.id) + '/split', { events }), button.parentElement);
    if (res && res.new) {
      // The page is drawn anew for the survivor: say where the rest went.
      const split = view.querySelector('.split');
      if (split) split.append(h('p', { class: 'note' }, 'Split off: the new incident is ', h('a', { href: incidentURL(res.new.id) }, res.new.id), '.'));
    }
  });
  art.addEventListener('change', e => {
    if (!e.target.classList.contains('split-pick')) return;
    const n = art.querySelectorAll('.split-pick:checked').length;
    button.disabled = n === 0 || n === r.sources.length;
  });
  return h('div', { class: 'split' }, button, errorEl);
}

// sourcesList is #sources: each contributing event of each report, with
// what that report said, differences from the incident marked.
function sourcesList(r) {
  const ol = h('ol', { id: 'sources', class: 'sources' });
  r.sources.forEach((s, i) => {
    const url = safeURL(s.url);
    const differs = (a, b) => (a !== b ? 'differs' : null);
    const says = h('dl', { class: 'says' },
      h('dt', {}, 'Type'), h('dd', { class: differs(s.type, r.type) }, s.type, s.mode ? ` (${s.mode})` : ''),
      h('dt', {}, 'Date'), h('dd', { class: differs(get(s, 'date.start'), get(r, 'date.start')) }, fmtDateRange(s.date), s.date && s.date.text ? h('span', { class: 'hint' }, ` “${s.date.text}”`) : ''),
      h('dt', {}, 'Place'), h('dd', { class: differs(get(s, 'location.name'), get(r, 'location.name')) }, fmtPlace(s.location)),
      h('dt', {}, 'Modality'), h('dd', { class: differs(s.modality, r.modality) }, s.modality, attribution(s) ? ` ${attribution(s)}` : ''),
      COUNTS.filter(k => (s.counts && s.counts[k]) || (r.counts && r.counts[k])).map(k => [
        h('dt', {}, k[0].toUpperCase() + k.slice(1)),
        h('dd', { class: sameRange(s.counts && s.counts[k], r.counts && r.counts[k]) ? null : 'differs' },
          fmtRange(s.counts && s.counts[k]), s.counts && s.counts[k] && s.counts[k].text ? h('span', { class: 'hint' }, ` “${s.counts[k].text}”`) : ''),
      ]));
    const text = h('div', { class: 'article-text loading' }, 'Loading the report’s text…');
    ol.append(h('li', { class: 'source', dataset: { article: s.article, event: s.event } },
      h('div', { class: 'source-head' },
        isReviewer() ? h('input', { type: 'checkbox', class: 'split-pick', value: i, 'aria-label': 'Tick to split off' }) : null,
        h('strong', {}, outletOf(s)), ' — ',
        url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, s.title || url) : h('span', {}, s.title || '(untitled)'),
        s.published ? h('span', { class: 'hint' }, ` · published ${s.published}`) : ''),
      says,
      h('p', { class: 'hint' }, s.joined ? `Joined: ${s.joined}${s.score ? ` (score ${s.score})` : ''}.` : 'Founded the incident.',
        ` Read from ${s.input}`, s.copies && s.copies.length ? `; also carried by ${s.copies.map(c => c.input).join(', ')}` : '', '.'),
      text));
    fillText(text, s);
  });
  return ol;
}

// article fetches an article once per page view.
function article(id) {
  if (!articles.has(id)) {
    const p = api('GET', '/api/articles/' + encodeURIComponent(id));
    p.catch(() => articles.delete(id));
    articles.set(id, p);
  }
  return articles.get(id);
}

// fillText puts the text of source s's report in box, its evidence marked.
async function fillText(box, s) {
  try {
    const a = await article(s.article);
    const text = (a.article && a.article.text) || '';
    clear(box).classList.remove('loading');
    markEvidence(box, text, s.evidence || []);
    if (a.superseded_by) {
      box.before(h('p', { class: 'note' }, 'A newer version of this report exists: ', h('code', {}, a.superseded_by)));
    }
    const first = box.querySelector('mark.evidence');
    if (first) requestAnimationFrame(() => { box.scrollTop = Math.max(0, first.offsetTop - 24); });
  } catch (err) {
    clear(box).classList.remove('loading');
    box.append(h('span', { class: 'error' }, `The report’s text: ${err.message}`));
    for (const ev of s.evidence || []) box.append(h('p', {}, h('mark', { class: 'evidence' }, ev.text)));
  }
}

// markEvidence writes text into box as text nodes, wrapping each evidence
// span in <mark class="evidence">. The spans are UTF-8 byte offsets; a
// span that does not match the text (another version of it) is found by
// its words instead.
function markEvidence(box, text, evidence) {
  const at = byteIndex(text);
  const spans = [];
  const lost = [];
  for (const ev of evidence) {
    let s = at(ev.start);
    let e = at(ev.end);
    if (s == null || e == null || e <= s || (ev.text && text.slice(s, e) !== ev.text)) {
      const k = ev.text ? text.indexOf(ev.text) : -1;
      if (k < 0) {
        if (ev.text) lost.push(ev.text);
        continue;
      }
      s = k;
      e = k + ev.text.length;
    }
    spans.push([s, e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [s, e] of spans) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    if (from > pos) box.append(text.slice(pos, from));
    box.append(h('mark', { class: 'evidence' }, text.slice(from, e)));
    pos = e;
  }
  box.append(text.slice(pos));
  for (const t of lost) box.append(h('p', { class: 'hint' }, 'Evidence not found in this version: ', h('mark', { class: 'evidence' }, t)));
}

// byteIndex returns a function from a UTF-8 byte offset of text to the
// index of the same place in the JavaScript (UTF-16) string, or null
// when the offset is out of range.
function byteIndex(text) {
  const enc = new TextEncoder();
  const n = enc.encode(text).length;
  const idx = new Uint32Array(n + 1);
  let b = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i);
    const nb = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < nb; k++) idx[b + k] = i;
    b += nb;
    i += cp > 0xffff ? 2 : 1;
  }
  idx[n] = text.length;
  return off => (Number.isInteger(off) && off >= 0 && off <= n ? idx[off] : null);
}

// loadAudit fills #audit, newest first.
async function loadAudit(id) {
  const ol = $('#audit');
  const errorEl = view.querySelector('.audit-error');
  try {
    const res = await api('GET', '/api/incidents/' + encodeURIComponent(id) + '/audit');
    if (!rec || rec.id !== id || view.hidden) return;
    const entries = (res && res.entries) || [];
    clear(ol);
    for (const en of entries) {
      ol.append(h('li', { dataset: { action: en.action } },
        h('time', { datetime: en.at }, fmtTime(en.at)), ' ',
        h('strong', {}, en.user || 'someone'), ' ', en.action,
        en.field ? [' ', h('code', {}, en.field)] : '',
        en.field || en.before != null || en.after != null
          ? [': ', h('span', { class: 'before' }, jsonText(en.before)), ' → ', h('span', { class: 'after' }, jsonText(en.after))]
          : '',
        en.note ? h('span', { class: 'hint' }, ` “${en.note}”`) : ''));
    }
    if (entries.length === 0) {
      ol.after(h('p', { class: 'hint audit-empty' }, 'No review yet.'));
    }
  } catch (err) {
    if (!rec || rec.id !== id) return;
    showError(errorEl, new Error(`History: ${err.message}`));
  }
}

// jsonText writes a JSON value of the audit compactly.
function jsonText(v) {
  if (v == null) return 'none';
  if (typeof v === 'object' && 'min' in v) return fmtRange(v);
  if (typeof v === 'object' && 'lat' in v) return `${fmtPlace(v)} (${v.lat}, ${v.lon})`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
