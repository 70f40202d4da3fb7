// Regenerates crates/core/data/world.tsv: every country of Natural Earth's 110m map
// (npm world-atlas) as an SVG path in the Equal Earth projection, keyed by its
// ISO 3166-1 alpha-2 code (numeric codes mapped through CLDR's codeMappings.json).
//
//   cd tools/worldmap && npm ci && npm run generate
//
// The first line holds the viewBox; then `code <TAB> path`, sorted by code. Paths use
// integer coordinates and relative commands, so the whole map stays small enough to
// embed inline in a page.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';

const WIDTH = 1000;
const OUT = path.resolve(import.meta.dirname, '../../crates/core/data');
// Antarctica is a long coastline that no one will colour; leaving it out saves a
// tenth of the map and lets the projection fit the inhabited world.
const DROP = new Set(['AQ']);
// Features without a numeric id in world-atlas, by their Natural Earth name: Kosovo
// has CLDR's user-assigned code XK; Northern Cyprus and Somaliland are part of CY and
// SO in ISO 3166-1, so they are merged into those shapes.
const NAMELESS = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

const read = (file) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'node_modules', file), 'utf8'));
const topology = read('world-atlas/countries-110m.json');
const mappings = read('cldr-core/supplemental/codeMappings.json').supplemental.codeMappings;
const known = new Set(
  readFileSync(path.join(OUT, 'countries.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t')[0]),
);

// Numeric → alpha-2, among the codes in countries.tsv (CLDR also lists withdrawn
// codes such as ZR for 180, which countries.tsv does not have).
const alpha2 = {};
for (const [code, m] of Object.entries(mappings)) {
  if (m._numeric && known.has(code)) {
    if (alpha2[m._numeric]) throw new Error(`numeric ${m._numeric} is both ${alpha2[m._numeric]} and ${code}`);
    alpha2[m._numeric] = code;
  }
}

// Geometries grouped by alpha-2 code, so merged features become one shape.
const byCode = new Map();
for (const g of topology.objects.countries.geometries) {
  const code = g.id === undefined ? NAMELESS[g.properties.name] : alpha2[g.id];
  if (!code) throw new Error(`no ISO code for ${g.id} ${g.properties.name}`);
  if (!known.has(code)) throw new Error(`${code} (${g.properties.name}) is not in countries.tsv`);
  if (DROP.has(code)) continue;
  byCode.set(code, [...(byCode.get(code) ?? []), g]);
}
const features = [...byCode].map(([code, geoms]) => ({
  type: 'Feature',
  id: code,
  properties: {},
  geometry: geoms.length === 1 ? feature(topology, geoms[0]).geometry : merge(topology, geoms),
}));
const collection = { type: 'FeatureCollection', features };

const projection = geoEqualEarth().fitWidth(WIDTH, collection);
const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(collection);
// Shift so the map starts at the top-left corner, and round the height up.
projection.translate(projection.translate().map((t, i) => t - [x0, y0][i]));
const height = Math.ceil(y1 - y0);
const viewBox = `0 0 ${Math.round(x1 - x0)} ${height}`;

// A d3 path context that writes integer, relative commands: `M` for the first point,
// then `m`, `l`, `z`, without repeated points or rings that round to nothing.
function compactPath(feature) {
  const rings = [];
  let ring = null;
  const context = {
    moveTo(x, y) {
      ring = [[Math.round(x), Math.round(y)]];
      rings.push(ring);
    },
    lineTo(x, y) {
      const p = [Math.round(x), Math.round(y)];
      const last = ring[ring.length - 1];
      if (p[0] !== last[0] || p[1] !== last[1]) ring.push(p);
    },
    closePath() {},
    arc() {
      throw new Error('points are not expected');
    },
  };
  geoPath(projection, context)(feature);

  const num = (n) => String(n);
  const pairs = (points) =>
    points
      .map(([x, y]) => `${num(x)}${y < 0 ? '' : ' '}${num(y)}`)
      .reduce((out, pair) => out + (out && !pair.startsWith('-') ? ' ' : '') + pair, '');
  let d = '';
  let at = [0, 0];
  for (const r of rings) {
    const last = r[r.length - 1];
    if (r.length > 1 && last[0] === r[0][0] && last[1] === r[0][1]) r.pop();
    if (r.length < 3) continue; // a dot or a line at this scale
    const [sx, sy] = r[0];
    d += d === '' ? `M${pairs([[sx, sy]])}` : `m${pairs([[sx - at[0], sy - at[1]]])}`;
    const deltas = r.slice(1).map(([x, y], i) => [x - r[i][0], y - r[i][1]]);
    d += `l${pairs(deltas)}z`;
    at = [sx, sy]; // after `z` the current point is the ring's start
  }
  return d;
}

const rows = features
  .map((f) => [f.id, compactPath(f)])
  .filter(([code, d]) => {
    if (!d) console.warn(`${code} rounds to nothing; left out`);
    return d;
  })
  .sort((a, b) => (a[0] < b[0] ? -1 : 1));
const body = rows.map((r) => r.join('\t')).join('\n');
const tsv = `viewBox\t${viewBox}\n${body}\n`;
writeFileSync(path.join(OUT, 'world.tsv'), tsv);

const paths = rows.map((r) => r[1]).join('');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`wrote ${rows.length} shapes, viewBox ${viewBox}, to ${OUT}/world.tsv`);
console.log(`paths: ${kb(Buffer.byteLength(paths))} raw, ${kb(gzipSync(paths, { level: 9 }).length)} gzip`);
console.log(`file: ${kb(Buffer.byteLength(tsv))} raw, ${kb(gzipSync(tsv, { level: 9 }).length)} gzip`);
