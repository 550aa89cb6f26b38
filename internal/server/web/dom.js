// dom.js builds elements. Text is only ever set with textContent (text
// nodes), never parsed as HTML, and no style or on* attribute is ever
// written, so that what the API returns cannot run as code and the
// page keeps to the server's Content-Security-Policy.

// h returns a new element with attributes and children. attrs keys are
// attribute names, except "class" (className), "dataset" (an object of
// data-* values) and functions under on* names, which become event
// listeners. Children are nodes or strings (added as text); null, false
// and undefined are skipped, arrays are flattened.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') {
      el.className = v;
    } else if (k === 'dataset') {
      Object.assign(el.dataset, v);
    } else if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v);
    } else if (k === 'style' || k.startsWith('on')) {
      throw new Error(`h: attribute ${k} is not allowed`);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

// append adds children to el as h does.
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// clear removes every child of el and returns it.
export function clear(el) {
  el.replaceChildren();
  return el;
}

// $ is querySelector.
export const $ = (sel, root = document) => root.querySelector(sel);

// safeURL returns u when it is an http or https address, else null, so
// that a report's URL can never be a javascript: link.
export function safeURL(u) {
  if (!u) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// showError puts err's message in el (a [role=alert] element) and shows it;
// a null err hides el.
export function showError(el, err) {
  if (!el) return;
  el.textContent = err ? (err.message || String(err)) : '';
  el.hidden = !err;
}

// fmtRange writes a count range as people say it.
export function fmtRange(r) {
  if (r == null) return 'not given';
  if (r.max == null) return `at least ${r.min}`;
  if (r.min === r.max) return String(r.min);
  return `${r.min}–${r.max}`;
}

// sameRange reports whether two count ranges are equal.
export function sameRange(a, b) {
  if (a == null || b == null) return a == b;
  return a.min === b.min && (a.max ?? null) === (b.max ?? null);
}

// fmtDateRange writes a start and end day.
export function fmtDateRange(d) {
  if (!d || !d.start) return d && d.text ? `“${d.text}” (unresolved)` : 'unknown';
  return d.end && d.end !== d.start ? `${d.start} to ${d.end}` : d.start;
}

// fmtPlace writes a place as "name, country".
export function fmtPlace(p) {
  if (!p) return 'unknown';
  const parts = [p.name || p.text];
  if (p.admin1 && p.admin1 !== p.name) parts.push(p.admin1);
  if (p.country) parts.push(p.country);
  return parts.filter(Boolean).join(', ');
}

// fmtTime writes an RFC 3339 time in the reader's locale.
export function fmtTime(s) {
  const t = new Date(s);
  return isNaN(t) ? String(s ?? '') : t.toLocaleString();
}

// fmtNumber writes n with digit grouping.
export const fmtNumber = n => n.toLocaleString('en');
