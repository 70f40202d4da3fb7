// Regenerates crates/core/data/zones.tsv: for each country, the IANA time zones in
// use there. Source: the tz database's zone.tab (public domain; Debian's `tzdata`
// installs it).
//
//   node tools/tzdata/generate.mjs [/usr/share/zoneinfo]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const zoneinfo = process.argv[2] ?? "/usr/share/zoneinfo";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const data = join(root, "crates", "core", "data");

function rows(file) {
  return readFileSync(join(zoneinfo, file), "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

// zone.tab names each country's own zones, in an order that "makes some geographical
// sense"; zone1970.tab would merge countries whose clocks agree since 1970 (Kuala
// Lumpur into Singapore), which hides a country's own zone names.
const zones = new Map();
for (const [code, , zone] of rows("zone.tab")) {
  if (!zones.has(code)) zones.set(code, []);
  zones.get(code).push(zone);
}
// CLDR codes that are not ISO 3166-1 countries, so not in the tz database: the zone
// their clocks follow.
const extra = {
  AC: ["Atlantic/St_Helena"],
  CQ: ["Europe/Guernsey"],
  DG: ["Indian/Chagos"],
  EA: ["Africa/Ceuta"],
  IC: ["Atlantic/Canary"],
  TA: ["Atlantic/St_Helena"],
  XK: ["Europe/Belgrade"],
};

const countries = readFileSync(join(data, "countries.tsv"), "utf8")
  .split("\n")
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split("\t")[0]);

const lines = ["code\tzones"];
const missing = [];
for (const code of countries) {
  const chosen = zones.get(code) ?? extra[code] ?? [];
  if (chosen.length === 0) {
    missing.push(code);
    continue;
  }
  lines.push(`${code}\t${chosen.join(",")}`);
}
writeFileSync(join(data, "zones.tsv"), lines.join("\n") + "\n");
console.log(`${lines.length - 1} countries written; no zone known for: ${missing.join(" ") || "none"}`);
