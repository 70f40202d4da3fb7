// Regenerates crates/core/data/{regions,countries,languages}.tsv from Unicode CLDR
// (npm cldr-core and cldr-localenames-full): every country and territory in the
// UN M49 tree, its sub-region and region, and their names in the interface languages;
// and the names of the languages the coalition works in.
//
//   cd tools/geodata && npm ci && npm run generate

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LANGS = ['ar', 'en', 'fr', 'es'];
const OUT = path.resolve(import.meta.dirname, '../../crates/core/data');
// Short CLDR forms preferred over the long ones, as the coalition names them.
const PREFER_SHORT = new Set(['PS']);
// The languages the coalition works in: ISO 639-1 codes, or CLDR's ISO 639-3 code
// where there is none (zgh, Standard Moroccan Tamazight).
const WORKING_LANGUAGES = [
  'ar', 'en', 'fr', 'es', 'pt',
  'sw', 'ha', 'am', 'so', 'yo', 'ig', 'zu', 'xh', 'af', 'om', 'ti', 'rw', 'ln', 'wo', 'ff', 'mg', 'zgh',
  'de', 'it', 'nl', 'tr', 'fa', 'ur', 'hi', 'bn', 'ms', 'id', 'tl',
  'ru', 'uk', 'pl', 'el', 'he', 'zh', 'ja', 'ko', 'ku', 'ps', 'ta', 'ne', 'sq', 'bs',
];

const read = (file) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'node_modules', file), 'utf8'));
const containment = read('cldr-core/supplemental/territoryContainment.json').supplemental.territoryContainment;
const names = Object.fromEntries(
  LANGS.map((l) => [l, read(`cldr-localenames-full/main/${l}/territories.json`).main[l].localeDisplayNames.territories]),
);

const languageNames = Object.fromEntries(
  LANGS.map((l) => [l, read(`cldr-localenames-full/main/${l}/languages.json`).main[l].localeDisplayNames.languages]),
);

const nameOf = (code) =>
  LANGS.map((l) => {
    const short = PREFER_SHORT.has(code) ? names[l][`${code}-alt-short`] : undefined;
    const name = short ?? names[l][code];
    if (!name) throw new Error(`no ${l} name for ${code}`);
    return name;
  });

const regions = [];
const countries = [];
for (const region of containment['001']._contains) {
  regions.push([region, '001', ...nameOf(region)]);
  for (const sub of containment[region]._contains) {
    regions.push([sub, region, ...nameOf(sub)]);
    for (const country of containment[sub]._contains) {
      if (!/^[A-Z]{2}$/.test(country)) throw new Error(`${sub} contains ${country}, not a country`);
      countries.push([country, sub, ...nameOf(country)]);
    }
  }
}
countries.sort((a, b) => a[0].localeCompare(b[0]));

const languages = WORKING_LANGUAGES.map((code) => [
  code,
  ...LANGS.map((l) => {
    const name = languageNames[l][code];
    if (!name) throw new Error(`no ${l} name for language ${code}`);
    return name;
  }),
]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
if (new Set(WORKING_LANGUAGES).size !== WORKING_LANGUAGES.length) throw new Error('a working language is listed twice');

const header = (first) => [first, 'parent', ...LANGS].join('\t');
const tsv = (head, rows) => [head, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
writeFileSync(path.join(OUT, 'regions.tsv'), tsv(header('m49'), regions));
writeFileSync(path.join(OUT, 'countries.tsv'), tsv(['code', 'subregion', ...LANGS].join('\t'), countries));
writeFileSync(path.join(OUT, 'languages.tsv'), tsv(['code', ...LANGS].join('\t'), languages));
// Weekends: the first and last weekend day where they differ from the world's
// (001: Saturday and Sunday).
const weekData = read('cldr-core/supplemental/weekData.json').supplemental.weekData;
const weekends = Object.keys({ ...weekData.weekendStart, ...weekData.weekendEnd })
  .sort()
  .map((code) => [code, weekData.weekendStart[code] ?? weekData.weekendStart['001'], weekData.weekendEnd[code] ?? weekData.weekendEnd['001']]);
writeFileSync(path.join(OUT, 'weekends.tsv'), tsv(['code', 'start', 'end'].join('\t'), weekends));
console.log(`wrote ${regions.length} regions, ${countries.length} countries and ${languages.length} languages to ${OUT}`);
