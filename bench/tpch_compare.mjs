#!/usr/bin/env node
// Prints Basin and DuckDB TPC-H timings side by side (markdown): per query the
// median ms of each engine, the ratio Basin/DuckDB and whether Basin's answer was
// right; then the geometric means over the queries both answered.
// usage: node tpch_compare.mjs basin.json duckdb.json [mem|parquet]
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const [basinPath, duckPath, mode = 'mem'] = process.argv.slice(2);
const basin = JSON.parse(readFileSync(basinPath, 'utf8'));
const duck = JSON.parse(readFileSync(duckPath, 'utf8'));
const byQuery = (run) => new Map(run.modes[mode].results.map((r) => [r.query, r]));
const b = byQuery(basin);
const d = byQuery(duck);
const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

console.log(`TPC-H, ${basin.threads} threads, median of ${basin.runs} runs; ${cpus().length} cores, ${cpus()[0]?.model}`);
console.log(`Basin load ${fmt(basin.load_tbl_ms.total)} ms, DuckDB load ${fmt(duck.load_tbl_ms?.total ?? NaN)} ms\n`);
console.log('| query | Basin ms | DuckDB ms | ratio | Basin answer |');
console.log('|---|---:|---:|---:|---|');
const common = [];
for (const [q, br] of b) {
  const dr = d.get(q);
  const bms = br.error ? null : br.median_ms;
  const dms = !dr || dr.error ? null : dr.median_ms;
  const ratio = bms && dms ? bms / dms : null;
  if (ratio) common.push([bms, dms]);
  const check = br.error ? `error: ${br.error}` : br.check === true ? 'ok' : br.check === false ? `WRONG ${br.check_detail ?? ''}` : '-';
  console.log(`| q${String(q).padStart(2, '0')} | ${bms ? fmt(bms) : '-'} | ${dms ? fmt(dms) : '-'} | ${ratio ? ratio.toFixed(2) : '-'} | ${check} |`);
}
if (common.length) {
  const gb = geomean(common.map((x) => x[0]));
  const gd = geomean(common.map((x) => x[1]));
  console.log(`| geomean (${common.length}) | ${fmt(gb)} | ${fmt(gd)} | ${(gb / gd).toFixed(2)} | |`);
}
