// timeline.js draws incidents per day, stacked by type, with uPlot (the
// global uPlot). Dragging across days picks them as the date filter.
import { h, clear } from './dom.js';
import { TYPES, colour, typeClass } from './types.js';

const DAY = 86400;
let plot = null;
let box = null;
let onRange = () => {};
let observer = null;

// init sets the element to draw in and the function called with the
// first and last day ("YYYY-MM-DD") of a dragged range.
export function init(el, range) {
  box = el;
  onRange = range;
  if (!observer) {
    observer = new ResizeObserver(() => {
      if (plot && box.clientWidth > 0) plot.setSize(size());
    });
    observer.observe(box);
  }
}

function size() {
  return { width: Math.max(box.clientWidth, 200), height: 170 };
}

const dayOf = s => Date.parse(s + 'T00:00:00Z') / 1000;
const isoDay = t => new Date(t * 1000).toISOString().slice(0, 10);

// update draws the days of items (objects with date "YYYY-MM-DD" or null,
// and type).
export function update(items) {
  if (!box) return;
  const per = new Map(); // type → Map(day → count)
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    if (!it.date) continue;
    const d = dayOf(it.date);
    if (!Number.isFinite(d)) continue;
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
    if (!per.has(it.type)) per.set(it.type, new Map());
    const m = per.get(it.type);
    m.set(d, (m.get(d) || 0) + 1);
  }
  if (plot) {
    plot.destroy();
    plot = null;
  }
  clear(box);
  if (per.size === 0) {
    box.append(h('p', { class: 'hint' }, items.length ? 'None of these incidents has a date.' : ''));
    return;
  }
  // A little room either side so that a single day is a visible bar.
  lo -= DAY;
  hi += DAY;
  const xs = [];
  for (let d = lo; d <= hi; d += DAY) xs.push(d);
  // Types stack from the most frequent at the bottom; each series holds
  // the running total, and the tallest is drawn first so that the ones
  // under it paint over its lower part.
  const order = TYPES.map(([t]) => t).filter(t => per.has(t));
  for (const t of per.keys()) if (!order.includes(t)) order.push(t);
  const total = t => [...per.get(t).values()].reduce((a, b) => a + b, 0);
  order.sort((a, b) => total(b) - total(a));
  const raw = order.map(t => xs.map(x => per.get(t).get(x) || 0));
  const cum = [];
  raw.forEach((r, i) => cum.push(r.map((v, j) => v + (i ? cum[i - 1][j] : 0))));
  const idx = order.map((_, i) => i).reverse();
  const bars = uPlot.paths.bars({ size: [0.9, 24], gap: 1 });
  const series = [{}];
  for (const i of idx) {
    series.push({ label: order[i], fill: colour(order[i]), stroke: colour(order[i]), width: 0, paths: bars, points: { show: false } });
  }
  // Under the chart, the day under the cursor and its counts by type.
  const readout = h('p', { class: 'timeline-readout hint' }, 'Drag across days to filter by them.');
  const read = u => {
    const di = u.cursor.idx;
    clear(readout);
    if (di == null) {
      readout.append('Drag across days to filter by them.');
      return;
    }
    readout.append(h('strong', {}, isoDay(xs[di])), ': ');
    const parts = order.map((t, i) => [t, raw[i][di]]).filter(([, n]) => n > 0);
    if (parts.length === 0) readout.append('none');
    parts.forEach(([t, n], k) => readout.append(k ? ', ' : '', h('span', { class: 'sw ' + typeClass(t) }), `${t} ${n}`));
  };
  const opts = {
    ...size(),
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    series,
    hooks: {
      setCursor: [read],
      setSelect: [u => {
        if (u.select.width < 2) return;
        const a = u.posToVal(u.select.left, 'x');
        const b = u.posToVal(u.select.left + u.select.width, 'x');
        u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        onRange(isoDay(Math.round(a / DAY) * DAY), isoDay(Math.round(b / DAY) * DAY));
      }],
    },
  };
  plot = new uPlot(opts, [xs, ...idx.map(i => cum[i])], box);
  box.append(readout);
}
