// sitrep dashboard: map, timeline, table and evidence view over /api.
// Article text is untrusted: every string from the API reaches the page
// through textContent / text nodes / setAttribute, never as markup.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TABLE_PAGE = 25;
const MAP_LIMIT = 5000; // the API's largest page
const MAP_W = 960;
const MAP_H = 480;

const TYPE_COLOURS = {
  'Battles': 'var(--battles)',
  'Explosions/Remote violence': 'var(--explosions)',
  'Violence against civilians': 'var(--vac)',
  'Protests': 'var(--protests)',
  'Riots': 'var(--riots)',
  'Strategic developments': 'var(--strategic)',
};
const typeColour = (t) => TYPE_COLOURS[t] || 'var(--untyped)';

// Evidence colour groups, and the order fields are listed in.
const FIELD_GROUPS = [
  ['date', ['event_date', 'time_precision']],
  ['type', ['event_type', 'sub_event_type', 'civilian_targeting']],
  ['actor', ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2']],
  ['place', ['location', 'admin1', 'admin2', 'country', 'iso', 'latitude', 'longitude', 'geo_precision']],
  ['count', ['fatalities', 'wounded']],
  ['other', ['source']],
  // whole clauses or sentences: underlined, so the specific fields inside
  // them keep their colours
  ['wide', ['interaction', 'notes']],
];
const FIELD_GROUP = { leader: 'actor', group: 'actor', role: 'type', outcome: 'count' };
const FIELD_ORDER = [];
for (const [group, fields] of FIELD_GROUPS) {
  for (const f of fields) { FIELD_GROUP[f] = group; FIELD_ORDER.push(f); }
}

const state = {
  filters: {},
  offset: 0,
  total: 0,
  mapPoints: [],
  world: null,
  // bbox filter from "Filter to view": min_lon,min_lat,max_lon,max_lat
  area: '',
  countriesListed: false,
};

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

function setStatus(message) { $('#status').textContent = message || ''; }

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON */ }
  if (!response.ok) {
    const why = body && body.error ? body.error : response.statusText;
    throw new Error(`${response.status}: ${why}`);
  }
  return body;
}

function query(extra) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) {
    if (v !== '' && v != null) params.set(k, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

// ---------- map ----------

const project = (lon, lat) => [(lon + 180) * MAP_W / 360, (90 - lat) * MAP_H / 180];

// TopoJSON (quantized, delta-encoded arcs) → SVG path data, equirectangular.
function topologyPaths(topo, objectName) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0; let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return project(x * sx + tx, y * sy + ty); });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      // consecutive arcs share their joining point
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    // A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would
    // streak across the whole map: keep it continuous past the edge instead,
    // where the view clips it.
    let shift = 0;
    let previous = null;
    const unwrapped = points.map(([x, y]) => {
      if (previous !== null) {
        if (x + shift - previous > MAP_W / 2) shift -= MAP_W;
        else if (previous - (x + shift) > MAP_W / 2) shift += MAP_W;
      }
      previous = x + shift;
      return [x + shift, y];
    });
    return 'M' + unwrapped.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L') + 'Z';
  };
  const polygon = (rings) => rings.map(ring).join('');
  return topo.objects[objectName].geometries.map((g) => {
    let d = '';
    if (g.type === 'Polygon') d = polygon(g.arcs);
    else if (g.type === 'MultiPolygon') d = g.arcs.map(polygon).join('');
    return { name: (g.properties && g.properties.name) || '', d };
  });
}

async function loadWorld() {
  const topo = await getJSON('/assets/countries-110m.json');
  const group = $('#countries');
  for (const { name, d } of topologyPaths(topo, 'countries')) {
    if (!d) continue;
    const path = svg('path', { class: 'country', d });
    const title = svg('title');
    title.textContent = name;
    path.append(title);
    group.append(path);
  }
}

// viewBox in map units; points keep a constant on-screen size.
function setView(x, y, w, h) {
  $('#map').setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
  drawPoints();
}

function fitEvents() {
  const located = state.mapPoints;
  if (!located.length) { setView(0, 0, MAP_W, MAP_H); return; }
  const xs = located.map((e) => project(e.longitude, e.latitude)[0]);
  const ys = located.map((e) => project(e.longitude, e.latitude)[1]);
  const pad = 30;
  let x0 = Math.min(...xs) - pad; let x1 = Math.max(...xs) + pad;
  let y0 = Math.min(...ys) - pad; let y1 = Math.max(...ys) + pad;
  // keep the map's 2:1 shape and at least a regional view (~45° wide)
  let w = Math.max(x1 - x0, 2 * (y1 - y0), 120);
  const cx = (x0 + x1) / 2; const cy = (y0 + y1) / 2;
  w = Math.min(w, MAP_W);
  const h = w / 2;
  setView(Math.max(0, Math.min(MAP_W - w, cx - w / 2)), Math.max(0, Math.min(MAP_H - h, cy - h / 2)), w, h);
}

function drawPoints() {
  const map = $('#map');
  const group = $('#points');
  group.replaceChildren();
  const viewWidth = map.viewBox.baseVal.width || MAP_W;
  const pixels = map.getBoundingClientRect().width || MAP_W;
  const unitsPerPixel = viewWidth / pixels;
  // biggest first so small events stay clickable on top
  const sorted = state.mapPoints.slice().sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
  for (const e of sorted) {
    const [x, y] = project(e.longitude, e.latitude);
    const radiusPx = Math.min(22, 4 + 2.2 * Math.sqrt(e.fatalities || 0));
    const dot = svg('circle', {
      class: 'point', cx: x.toFixed(2), cy: y.toFixed(2), r: (radiusPx * unitsPerPixel).toFixed(3),
      'data-event-id': e.event_id, 'data-type': e.event_type || '',
    });
    dot.style.fill = typeColour(e.event_type);
    const title = svg('title');
    title.textContent = `${e.event_date || '?'} · ${e.event_type || 'untyped'} · ${e.location || ''}${e.country ? ', ' + e.country : ''} · deaths: ${e.fatalities ?? '?'}`;
    dot.append(title);
    dot.addEventListener('click', () => openEvent(e.event_id));
    group.append(dot);
  }
}

async function loadMap() {
  const page = await getJSON('/api/events' + query({ limit: MAP_LIMIT, offset: 0 }));
  state.mapPoints = page.events.filter((e) => Number.isFinite(e.latitude) && Number.isFinite(e.longitude));
  const unplaced = page.events.length - state.mapPoints.length;
  const notes = [];
  if (page.total > page.events.length) notes.push(`first ${page.events.length} of ${page.total} events`);
  if (unplaced) notes.push(`${unplaced} without coordinates`);
  $('#map-note').textContent = notes.join('; ');
  fitEvents();
}

// ---------- timeline and legend ----------

function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a, b) {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86400000);
}

// Days for short spans, weeks up to about two years, months beyond, so bars
// stay wide enough to see and click.
function timeBins(first, last) {
  const span = daysBetween(first, last) + 1;
  if (span <= 60) return { unit: 'day', start: first, next: (d) => addDays(d, 1) };
  if (span <= 730) {
    const monday = addDays(first, -((new Date(first + 'T00:00:00Z').getUTCDay() + 6) % 7));
    return { unit: 'week', start: monday, next: (d) => addDays(d, 7) };
  }
  const nextMonth = (d) => {
    const t = new Date(d + 'T00:00:00Z');
    t.setUTCMonth(t.getUTCMonth() + 1, 1);
    return t.toISOString().slice(0, 10);
  };
  return { unit: 'month', start: first.slice(0, 8) + '01', next: nextMonth };
}

function drawTimeline(stats) {
  const chart = $('#timeline');
  chart.replaceChildren();
  const days = stats.by_day;
  $('#axis-start').textContent = days.length ? days[0].date : '';
  $('#axis-end').textContent = days.length ? days[days.length - 1].date : '';
  if (!days.length) { $('#axis-max').textContent = 'no dated events'; $('#timeline-title').textContent = 'Events over time'; return; }
  const last = days[days.length - 1].date;
  const bins = timeBins(days[0].date, last);
  $('#timeline-title').textContent = `Events per ${bins.unit}`;
  // every bin from first to last, empty ones included; days are sorted
  const series = [];
  let k = 0;
  for (let from = bins.start; from <= last && series.length < 5000; from = bins.next(from)) {
    const to = addDays(bins.next(from), -1);
    const bin = { from, to, events: 0, fatalities: 0 };
    while (k < days.length && days[k].date <= to) { bin.events += days[k].events; bin.fatalities += days[k].fatalities; k++; }
    series.push(bin);
  }
  const max = Math.max(...series.map((d) => d.events));
  $('#axis-max').textContent = `max ${max} events/${bins.unit}`;
  const W = 960; const H = 140; const slot = W / series.length;
  series.forEach((d, i) => {
    if (!d.events) return;
    const h = Math.max(2, (d.events / max) * (H - 6));
    const bar = svg('rect', {
      class: 'bar', x: (i * slot + slot * 0.1).toFixed(2), y: (H - h).toFixed(2),
      width: Math.max(1, slot * 0.8).toFixed(2), height: h.toFixed(2), 'data-from': d.from, 'data-to': d.to,
    });
    const title = svg('title');
    const when = d.from === d.to ? d.from : `${d.from} to ${d.to}`;
    title.textContent = `${when}: ${d.events} events, ${d.fatalities} deaths (click to show only these)`;
    bar.append(title);
    bar.addEventListener('click', () => {
      const form = $('#filters');
      form.elements.from.value = d.from;
      form.elements.to.value = d.to;
      applyFilters();
    });
    chart.append(bar);
  });
}

function drawLegend(stats) {
  const legend = $('#legend');
  legend.replaceChildren();
  for (const t of stats.by_type) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = typeColour(t.type);
    legend.append(el('li', {}, swatch, `${t.type || 'untyped'} (${t.events})`));
  }
  legend.append(el('li', { class: 'note' }, 'dot size: deaths'));
  const undated = stats.undated ? `, ${stats.undated} undated` : '';
  $('#summary').textContent = `${stats.events} events, ${stats.fatalities} deaths${undated}`;
}

async function loadStats() {
  const stats = await getJSON('/api/stats' + query({}));
  drawTimeline(stats);
  drawLegend(stats);
  // suggestions for the country box, from the first, unfiltered load
  if (!state.countriesListed && !Object.keys(state.filters).length) {
    const list = $('#countries-list');
    for (const c of stats.by_country) if (c.country) list.append(el('option', { value: c.country }));
    state.countriesListed = true;
  }
}

// The map's visible part as a bbox filter (the map is equirectangular).
function viewAsArea() {
  const box = $('#map').viewBox.baseVal;
  const lon = (x) => Math.max(-180, Math.min(180, (x / MAP_W) * 360 - 180));
  const lat = (y) => Math.max(-90, Math.min(90, 90 - (y / MAP_H) * 180));
  const r = (v) => Math.round(v * 100) / 100;
  return [lon(box.x), lat(box.y + box.height), lon(box.x + box.width), lat(box.y)].map(r).join(',');
}

function setArea(area) {
  state.area = area;
  $('#area-chip').hidden = !area;
  $('#area-text').textContent = area ? `area ${area}` : '';
  applyFilters();
}

// ---------- table ----------

async function loadTable() {
  const page = await getJSON('/api/events' + query({ limit: TABLE_PAGE, offset: state.offset }));
  state.total = page.total;
  const body = $('#events-table tbody');
  body.replaceChildren();
  for (const e of page.events) {
    const dot = el('span', { class: 'type-dot' });
    dot.style.background = typeColour(e.event_type);
    const row = el('tr', { 'data-event-id': e.event_id },
      el('td', {}, e.event_date || '?'),
      el('td', { class: 'type-cell' }, dot, e.event_type || ''),
      el('td', {}, e.sub_event_type || ''),
      el('td', {}, e.actor1 || ''),
      el('td', {}, e.actor2 || ''),
      el('td', {}, e.location || ''),
      el('td', {}, e.country || ''),
      el('td', { class: 'num' }, e.fatalities ?? ''),
      el('td', { class: 'num' }, Number(e.confidence).toFixed(2)));
    row.addEventListener('click', () => openEvent(e.event_id));
    body.append(row);
  }
  if (!page.events.length) body.append(el('tr', {}, el('td', { colspan: 9, class: 'note' }, 'No events match these filters.')));
  const first = page.total ? page.offset + 1 : 0;
  $('#page-info').textContent = `${first}–${page.offset + page.events.length} of ${page.total}`;
  $('#prev').disabled = page.offset === 0;
  $('#next').disabled = page.offset + page.events.length >= page.total;
}

// ---------- overview ----------

function readFilters() {
  const form = $('#filters');
  const filters = {};
  for (const name of ['from', 'to', 'type', 'country', 'actor']) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  if (state.area) filters.bbox = state.area;
  return filters;
}

async function refreshOverview() {
  setStatus('');
  document.body.dataset.loaded = 'false';
  try {
    await Promise.all([loadStats(), loadTable(), loadMap()]);
    document.body.dataset.loaded = 'true';
  } catch (err) {
    setStatus(`Could not load events: ${err.message}`);
  }
}

function applyFilters() {
  state.filters = readFilters();
  state.offset = 0;
  refreshOverview();
}

// ---------- event view ----------

function openEvent(id) { location.hash = '#event/' + encodeURIComponent(id); }

function formatValue(field, value) {
  if (value == null) return '';
  if (field === 'confidence') return Number(value).toFixed(2);
  return String(value);
}

// Splits the text at every evidence boundary; each piece covered by some
// evidence becomes a <mark> naming its fields. Offsets are Unicode code
// points (Rust chars), so the text is indexed as an array of code points,
// not UTF-16 units.
function highlightedText(text, evidence) {
  const chars = Array.from(text);
  const spans = [];
  for (const [field, ev] of Object.entries(evidence || {})) {
    if (!Number.isInteger(ev.start) || !Number.isInteger(ev.end)) continue;
    const start = Math.max(0, Math.min(chars.length, ev.start));
    const end = Math.max(0, Math.min(chars.length, ev.end));
    if (start < end) spans.push({ field, start, end });
  }
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const piece = chars.slice(a, b).join('');
    // innermost (shortest) span first: it picks the colour
    const covering = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    if (!covering.length) { fragment.append(document.createTextNode(piece)); continue; }
    const fields = covering.map((s) => s.field);
    const mark = el('mark', {
      class: `ev g-${FIELD_GROUP[fields[0]] || 'other'}`,
      'data-fields': fields.join(' '),
      title: fields.join(', '),
    }, piece);
    fragment.append(mark);
  }
  return fragment;
}

function markField(field, on) {
  for (const m of document.querySelectorAll('#doc-text mark.ev')) {
    if (m.dataset.fields.split(' ').includes(field)) m.classList.toggle('active', on);
  }
}

function renderEvent(detail) {
  const { event, document: doc } = detail;
  $('#ev-title').textContent = (doc && doc.title) || `${event.event_type || 'Event'} — ${event.location || event.country || event.event_id}`;
  const meta = $('#ev-meta');
  meta.replaceChildren();
  const parts = [`event ${event.event_id}`, `document ${event.doc_id}`];
  if (doc && doc.source) parts.push(doc.source);
  if (doc && doc.published) parts.push(`published ${doc.published}`);
  meta.append(parts.join(' · '));
  if (doc && doc.url && /^https?:\/\//i.test(doc.url)) {
    meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, doc.url));
  }
  $('#ev-caveats').textContent = (event.caveats || []).length ? `Caveats: ${event.caveats.join(', ')}` : '';

  const body = $('#ev-fields tbody');
  body.replaceChildren();
  const evidence = event.evidence || {};
  const fields = FIELD_ORDER.filter((f) => event[f] != null || evidence[f]);
  fields.push('confidence');
  for (const field of fields) {
    const ev = evidence[field];
    let evCell;
    const notFromText = { confidence: 'coder score', source: 'document metadata' };
    if (!ev) evCell = el('td', { class: 'note' }, notFromText[field] || '—');
    else if (ev.origin === 'published') evCell = el('td', {}, el('span', { class: 'published' }, `report date ${ev.text}`));
    else if (ev.origin === 'outlet') evCell = el('td', {}, el('span', { class: 'published' }, `outlet ${ev.text}`));
    else evCell = el('td', {}, el('span', { class: `ev-snippet g-${FIELD_GROUP[field] || 'other'}` }, ev.text));
    const row = el('tr', { 'data-field': field, class: ev ? 'has-evidence' : '' },
      el('td', {}, field), el('td', {}, formatValue(field, event[field])), evCell);
    row.addEventListener('mouseenter', () => { row.classList.add('active'); markField(field, true); });
    row.addEventListener('mouseleave', () => { row.classList.remove('active'); markField(field, false); });
    body.append(row);
  }

  const text = $('#doc-text');
  text.replaceChildren();
  if (doc) text.append(highlightedText(doc.text, evidence));
  else text.append(el('span', { class: 'note' }, 'The document for this event is not in the database.'));
}

async function showEvent(id) {
  $('#ev-title').textContent = 'Loading…';
  $('#doc-text').replaceChildren();
  $('#ev-fields tbody').replaceChildren();
  setStatus('');
  try {
    renderEvent(await getJSON('/api/events/' + encodeURIComponent(id)));
    document.body.dataset.eventLoaded = id;
  } catch (err) {
    $('#ev-title').textContent = 'Event not found';
    setStatus(`Could not load event: ${err.message}`);
  }
}

// ---------- control and leaders ----------

const PALETTE = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4b5563'];

// One colour per controller, stable within a page.
function colourFor(name, assigned) {
  const key = name.toLowerCase();
  if (!assigned.has(key)) assigned.set(key, PALETTE[assigned.size % PALETTE.length]);
  return assigned.get(key);
}

function eventLink(eventId) {
  return eventId ? el('a', { href: '#event/' + encodeURIComponent(eventId) }, 'event ›') : '';
}

function controlBand(timeline, colours) {
  const changes = timeline.changes;
  const first = Date.parse(changes[0].date + 'T00:00:00Z');
  const lastChange = Date.parse(changes[changes.length - 1].date + 'T00:00:00Z');
  // the last holder's bar runs on a little past the last report
  const end = lastChange + Math.max(30 * 86400000, (lastChange - first) * 0.1);
  const x = (t) => ((t - first) / (end - first)) * 960;
  const band = svg('svg', { class: 'control-band', viewBox: '0 0 960 36', preserveAspectRatio: 'none' });
  changes.forEach((c, i) => {
    const from = Date.parse(c.date + 'T00:00:00Z');
    const to = i + 1 < changes.length ? Date.parse(changes[i + 1].date + 'T00:00:00Z') : end;
    const rect = svg('rect', { x: x(from).toFixed(2), y: 0, width: Math.max(2, x(to) - x(from)).toFixed(2), height: 36 });
    rect.style.fill = colourFor(c.controller, colours);
    const title = svg('title');
    title.textContent = `${c.controller} from ${c.date}${c.contested ? ' (contested)' : ''}`;
    rect.append(title);
    band.append(rect);
  });
  return band;
}

function controlBlock(timeline) {
  const colours = new Map();
  const block = el('div', { class: 'control-block', 'data-place': timeline.location });
  const where = [timeline.location, timeline.admin1, timeline.country].filter(Boolean).join(', ');
  block.append(el('h2', {}, where));
  block.append(controlBand(timeline, colours));
  const changes = timeline.changes;
  block.append(el('div', { class: 'axis' }, el('span', {}, changes[0].date), el('span', {}, changes[changes.length - 1].date)));
  const legend = el('ul', { class: 'legend' });
  for (const [name, colour] of [...new Set(changes.map((c) => c.controller))].map((n) => [n, colourFor(n, colours)])) {
    const chip = el('span', { class: 'chip' });
    chip.style.background = colour;
    legend.append(el('li', {}, chip, name));
  }
  block.append(legend);
  const body = el('tbody');
  for (const c of changes) {
    const chip = el('span', { class: 'chip' });
    chip.style.background = colourFor(c.controller, colours);
    const taker = el('td', {}, chip, c.controller);
    if (c.contested) taker.append(el('span', { class: 'contested', title: 'another report that day names a different controller' }, 'contested'));
    const evidence = ['actor1', 'location', 'event_date'].map((f) => c.evidence[f]).filter(Boolean).map((e) => e.text).join(' · ');
    body.append(el('tr', { 'data-event-id': c.event_id },
      el('td', {}, c.date), taker, el('td', {}, c.previous || ''), el('td', {}, c.sub_event_type),
      el('td', { class: 'sentence' }, evidence), el('td', {}, eventLink(c.event_id))));
  }
  const table = el('table', { class: 'control-changes' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Taken by'), el('th', {}, 'From'), el('th', {}, 'How'), el('th', {}, 'Evidence'), el('th', {}, ''))));
  table.append(body);
  block.append(table);
  return block;
}

async function showControl(place) {
  setStatus('');
  delete document.body.dataset.controlLoaded;
  $('#control-form').elements.place.value = place;
  let data;
  try {
    data = await getJSON('/api/control' + (place ? '?place=' + encodeURIComponent(place) : ''));
  } catch (err) { setStatus(`Could not load control timelines: ${err.message}`); return; }
  const body = $('#control-places tbody');
  body.replaceChildren();
  for (const t of data.timelines) {
    const latest = t.changes[t.changes.length - 1];
    const holder = el('td', {}, latest.controller);
    if (latest.contested) holder.append(el('span', { class: 'contested' }, 'contested'));
    const row = el('tr', { 'data-place': t.location },
      el('td', {}, t.location), el('td', {}, t.country || ''), el('td', { class: 'num' }, t.changes.length),
      holder, el('td', {}, latest.date), el('td', {}, 'timeline ›'));
    row.addEventListener('click', () => { location.hash = '#control/' + encodeURIComponent(t.location); });
    body.append(row);
  }
  if (!data.timelines.length) {
    body.append(el('tr', {}, el('td', { colspan: 6, class: 'note' }, place ? `No changes of control recorded for ${place}.` : 'No changes of control recorded.')));
  }
  const detail = $('#control-detail');
  const blocks = $('#control-timelines');
  blocks.replaceChildren();
  detail.hidden = !place || !data.timelines.length;
  if (place) for (const t of data.timelines) blocks.append(controlBlock(t));
  document.body.dataset.controlLoaded = place || '*';
}

function sentenceWithMarks(loss) {
  const sentence = loss.evidence.sentence;
  if (!sentence || !Number.isInteger(sentence.start)) return document.createTextNode(sentence ? sentence.text : '');
  const shifted = {};
  for (const [field, ev] of Object.entries(loss.evidence)) {
    if (field === 'sentence' || !Number.isInteger(ev.start)) continue;
    shifted[field] = { start: ev.start - sentence.start, end: ev.end - sentence.start };
  }
  return highlightedText(sentence.text, shifted);
}

async function showLeaders(group) {
  setStatus('');
  delete document.body.dataset.leadersLoaded;
  $('#leaders-form').elements.group.value = group;
  let data;
  try {
    data = await getJSON('/api/leaders' + (group ? '?group=' + encodeURIComponent(group) : ''));
  } catch (err) { setStatus(`Could not load leadership losses: ${err.message}`); return; }
  const body = $('#leader-groups tbody');
  body.replaceChildren();
  for (const g of data.groups) {
    const count = (o) => g.losses.filter((l) => l.outcome === o).length;
    const dates = g.losses.map((l) => l.date).filter(Boolean).sort();
    const row = el('tr', { 'data-group': g.group || '' },
      el('td', {}, g.group || '(group not named)'), el('td', { class: 'num' }, g.losses.length),
      el('td', { class: 'num' }, count('killed')), el('td', { class: 'num' }, count('captured')),
      el('td', { class: 'num' }, count('surrendered')), el('td', {}, dates.length ? dates[dates.length - 1] : ''));
    if (g.group) row.addEventListener('click', () => { location.hash = '#leaders/' + encodeURIComponent(g.group); });
    body.append(row);
  }
  if (!data.groups.length) {
    body.append(el('tr', {}, el('td', { colspan: 6, class: 'note' }, group ? `No leadership losses recorded for ${group}.` : 'No leadership losses recorded.')));
  }
  const detail = $('#leaders-detail');
  detail.hidden = !group || !data.groups.length;
  $('#leaders-title').textContent = data.groups.map((g) => g.group).filter(Boolean).join(', ');
  const losses = $('#leader-losses tbody');
  losses.replaceChildren();
  if (group) {
    for (const g of data.groups) {
      for (const l of g.losses) {
        losses.append(el('tr', { 'data-leader': l.leader },
          el('td', {}, l.date || '?'), el('td', {}, l.leader), el('td', {}, l.role),
          el('td', { class: `outcome-${l.outcome}` }, l.outcome), el('td', {}, l.location || ''),
          el('td', { class: 'sentence' }, sentenceWithMarks(l)), el('td', {}, eventLink(l.event_id))));
      }
    }
  }
  document.body.dataset.leadersLoaded = group || '*';
}

const VIEWS = { overview: 'nav-events', 'event-view': 'nav-events', 'control-view': 'nav-control', 'leaders-view': 'nav-leaders' };

function showView(id) {
  for (const view of Object.keys(VIEWS)) $('#' + view).hidden = view !== id;
  // the event filters only apply to the overview
  $('#filters').hidden = id !== 'overview';
  for (const link of document.querySelectorAll('header nav a')) link.classList.toggle('current', link.id === VIEWS[id]);
}

function route() {
  const hash = location.hash;
  let match;
  if ((match = /^#event\/(.+)$/.exec(hash))) {
    showView('event-view');
    showEvent(decodeURIComponent(match[1]));
    return;
  }
  delete document.body.dataset.eventLoaded;
  if ((match = /^#control(?:\/(.*))?$/.exec(hash))) {
    showView('control-view');
    showControl(match[1] ? decodeURIComponent(match[1]) : '');
  } else if ((match = /^#leaders(?:\/(.*))?$/.exec(hash))) {
    showView('leaders-view');
    showLeaders(match[1] ? decodeURIComponent(match[1]) : '');
  } else {
    showView('overview');
    // points are sized in pixels: redraw now the map is visible again
    drawPoints();
  }
}

async function start() {
  $('#filters').addEventListener('submit', (ev) => { ev.preventDefault(); applyFilters(); });
  $('#clear-filters').addEventListener('click', () => { $('#filters').reset(); setArea(''); });
  $('#map-area').addEventListener('click', () => setArea(viewAsArea()));
  $('#area-clear').addEventListener('click', () => setArea(''));
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - TABLE_PAGE); loadTable().catch((e) => setStatus(e.message)); });
  $('#next').addEventListener('click', () => { state.offset += TABLE_PAGE; loadTable().catch((e) => setStatus(e.message)); });
  $('#map-world').addEventListener('click', () => setView(0, 0, MAP_W, MAP_H));
  $('#map-fit').addEventListener('click', fitEvents);
  $('#back').addEventListener('click', (ev) => { ev.preventDefault(); location.hash = ''; });
  $('#control-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const place = ev.target.elements.place.value.trim();
    location.hash = place ? '#control/' + encodeURIComponent(place) : '#control';
  });
  $('#leaders-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const group = ev.target.elements.group.value.trim();
    location.hash = group ? '#leaders/' + encodeURIComponent(group) : '#leaders';
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', drawPoints);
  try { await loadWorld(); } catch (err) { setStatus(`Could not load the world map: ${err.message}`); }
  await refreshOverview();
  route();
}

start();
