// mapview.js draws the map: the countries of world-atlas as an offline
// basemap (no tile server), incidents as markers coloured by type,
// gathered in clusters drawn as pie charts of their types, and a legend.
// Leaflet and Leaflet.markercluster are the globals L and
// L.markerClusterGroup; topojson-client is the global topojson.
import { h, clear, fmtNumber } from './dom.js';
import { TYPES, colour, typeClass } from './types.js';

let map = null;
let cluster = null;
let legendEl = null;
const icons = new Map();
let onPick = () => {};
let onType = () => {};

// init makes the map in el, once. pick(id) is called when a marker is
// clicked, type(t) when a legend entry is.
export function init(el, { pick, type }) {
  onPick = pick;
  onType = type;
  if (map) return;
  map = L.map(el, {
    worldCopyJump: true,
    minZoom: 1,
    maxZoom: 14,
    zoomSnap: 0.5,
    maxBounds: [[-89, -240], [89, 240]],
    maxBoundsViscosity: 0.7,
  }).setView([20, 15], 2);
  map.attributionControl.addAttribution('Countries: Natural Earth, via world-atlas');
  loadBasemap();
  cluster = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 120,
    chunkDelay: 30,
    maxClusterRadius: 60,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  cluster.on('click', e => onPick(e.layer.options.incident));
  map.addLayer(cluster);

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    legendEl = h('div', { class: 'legend', 'aria-label': 'Event types' });
    L.DomEvent.disableClickPropagation(legendEl);
    L.DomEvent.disableScrollPropagation(legendEl);
    return legendEl;
  };
  legend.addTo(map);
}

// loadBasemap draws the countries under everything else.
async function loadBasemap() {
  try {
    const r = await fetch('/static/vendor/world-atlas/countries-50m.json');
    if (!r.ok) throw new Error(`countries: HTTP ${r.status}`);
    const topo = await r.json();
    const land = topojson.feature(topo, topo.objects.countries);
    for (const f of land.features) unwrap(f.geometry);
    const pane = map.createPane('basemap');
    L.geoJSON(land, {
      pane: 'basemap',
      renderer: L.canvas({ pane: 'basemap', padding: 0.5 }),
      interactive: false,
      style: { color: '#a7b0b8', weight: 0.7, fillColor: '#f3f0e8', fillOpacity: 1 },
    }).addTo(map);
  } catch (err) {
    console.error('basemap', err);
  }
}

// unwrap makes the rings of g that cross the antimeridian (Russia's far
// east, Fiji) continue past 180° rather than jump back to -180°, which
// Leaflet, unlike d3, would draw as a line across the world. A ring
// that crosses it an odd number of times goes round a pole (Antarctica)
// and is left as it is.
function unwrap(g) {
  if (!g) return;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      let jumps = 0;
      for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) jumps++;
      if (jumps === 0 || jumps % 2) continue;
      let shift = 0;
      let prev = ring[0][0];
      for (let i = 1; i < ring.length; i++) {
        const lon = ring[i][0];
        if (lon - prev > 180) shift -= 360;
        else if (lon - prev < -180) shift += 360;
        prev = lon;
        ring[i] = [lon + shift, ring[i][1]];
      }
    }
  }
}

// refresh tells the map that its box may have changed size.
export function refresh() {
  if (map) map.invalidateSize();
}

// hasPlace reports whether an incident can be put on the map.
export function hasPlace(it) {
  return Number.isFinite(it.lat) && Number.isFinite(it.lon) && !(it.lat === 0 && it.lon === 0);
}

function icon(type) {
  if (!icons.has(type)) {
    icons.set(type, L.divIcon({ className: 'mk ' + typeClass(type), iconSize: [14, 14], html: '' }));
  }
  return icons.get(type);
}

// clear removes every marker.
export function clearMarkers() {
  if (cluster) cluster.clearLayers();
}

// add puts incidents on the map; markercluster adds them in chunks, so
// that ten thousand markers do not freeze the page.
export function add(items) {
  const ms = [];
  for (const it of items) {
    if (!hasPlace(it)) continue;
    ms.push(L.marker([it.lat, it.lon], {
      icon: icon(it.type),
      title: `${it.type} · ${it.date || 'undated'} · ${it.place || ''}`,
      keyboard: false,
      incident: it.id,
      type: it.type,
    }));
  }
  cluster.addLayers(ms);
}

// fit shows every incident with a place.
export function fit(items) {
  const pts = items.filter(hasPlace).map(it => [it.lat, it.lon]);
  if (pts.length === 0) {
    map.setView([20, 15], 2);
    return;
  }
  map.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 6 });
}

// clusterIcon draws a cluster as a ring of its types, sized by its count.
function clusterIcon(c) {
  const ms = c.getAllChildMarkers();
  const n = ms.length;
  const by = new Map();
  for (const m of ms) by.set(m.options.type, (by.get(m.options.type) || 0) + 1);
  let acc = 0;
  const stops = [];
  for (const [t, k] of [...by].sort((a, b) => b[1] - a[1])) {
    const from = (acc / n) * 360;
    acc += k;
    stops.push(`${colour(t)} ${from.toFixed(1)}deg ${((acc / n) * 360).toFixed(1)}deg`);
  }
  const ring = h('div', { class: 'cluster-ring' }, h('span', {}, n >= 10000 ? Math.round(n / 1000) + 'k' : n >= 1000 ? (n / 1000).toFixed(1) + 'k' : n));
  // Set through the CSSOM, which the Content-Security-Policy allows
  // (unlike a style attribute).
  ring.style.background = `conic-gradient(${stops.join(', ')})`;
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
  return L.divIcon({ html: ring, className: 'cluster', iconSize: [size, size] });
}

// legend lists the types with their counts; clicking one filters by it.
export function legend(counts, selected) {
  if (!legendEl) return;
  clear(legendEl);
  const shown = TYPES.filter(([t]) => counts.get(t) || t === selected);
  if (shown.length === 0) {
    legendEl.hidden = true;
    return;
  }
  legendEl.hidden = false;
  for (const [t, gloss] of shown) {
    legendEl.append(h('button', {
      type: 'button',
      class: 'legend-item' + (t === selected ? ' selected' : ''),
      title: selected === t ? 'Show every type' : `Show only ${t}: ${gloss}`,
      onclick: () => onType(t === selected ? '' : t),
    }, h('span', { class: 'sw ' + typeClass(t) }), t, h('span', { class: 'n' }, fmtNumber(counts.get(t) || 0))));
  }
}
