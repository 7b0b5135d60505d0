/**
 * `npm run data [-- --in <tables dir>] [--out <file>] [--check]`
 *
 * Builds `data/partnerships.geojson` from the source tables in `data/`:
 * validates every row, geocodes every agency offline, and writes a
 * deterministic, schema-valid FeatureCollection. Any rejected row stops the
 * build (nothing is written) with file, line and reason; so does any bad row
 * of the volunteer submissions (`data/submissions/*.csv`). `--check` compares
 * with the existing file instead of writing it (exit 1 when stale, or when
 * the data changed since the last release); `--release` also writes a
 * release when it changed (pipeline/releases/step.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFromDir } from './dataset/run';
import { changeLine } from './merge/changes';
import { DEFAULT_DATA_DIR, DEFAULT_OUT } from './lib/paths';
import { TABLE_FILES } from './tables/model';
import { releaseStep } from './releases/step';

function main(): number {
  const { values } = parseArgs({
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      check: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      release: { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.in ?? DEFAULT_DATA_DIR);
  const out = resolve(values.out ?? DEFAULT_OUT);
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const t0 = performance.now();
  // Large submission files: a line every 10,000 rows, so a long merge is never silent.
  const r = buildFromDir(dir, { onProgress: (n) => console.error(`submissions: ${n.toLocaleString('en-US')} rows merged…`) });
  const ms = Math.round(performance.now() - t0);

  if (r.fatal) {
    for (const x of r.rejects) console.error(`${rel(resolve(dir, x.file))}:${x.line}: ${x.reason}`);
    console.error(`The source tables cannot be read; fix the above first. ${rel(out)} was not written.`);
    return 1;
  }
  let balanced = true;
  const width = Math.max(22, ...Object.keys(r.counts).map((f) => f.length + 1));
  for (const [file, c] of Object.entries(r.counts)) {
    const ok = c.read === c.written + c.rejected;
    balanced &&= ok;
    console.log(`${file.padEnd(width)} rows read ${c.read} = written ${c.written} + rejected ${c.rejected}${ok ? '' : '  <-- DOES NOT ADD UP'}`);
  }
  for (const x of r.rejects) console.error(`REJECT ${rel(resolve(dir, x.file))}:${x.line}: ${x.reason}`);
  for (const n of r.notes) console.log(`note: ${n}`);
  if (r.changes.length > 0) console.log(`changes to agencies already on the map: ${r.changes.length}`);
  for (const c of r.changes) console.log(`  change: ${changeLine(c)}`);
  for (const [table, cols] of Object.entries(r.extraColumns ?? {})) {
    console.log(`${TABLE_FILES[table as keyof typeof TABLE_FILES]}: added column(s) ${cols.join(', ')} kept in the table, not published`);
  }
  if (r.normalised > 0) console.log(`normalised ${r.normalised} text field(s) (invisible characters, spacing)`);
  if (r.snapped > 0 && !values.quiet) console.log(`moved ${r.snapped} coastal point(s) just inside their state outline`);

  if (r.rejects.length > 0 || !balanced) {
    console.error(`${r.rejects.length} reject(s): ${rel(out)} was not written.`);
    return 1;
  }
  const feats = r.collection.features;
  const tally = (f: (x: (typeof feats)[number]) => string) =>
    Object.entries(feats.reduce<Record<string, number>>((m, x) => ((m[f(x)] = (m[f(x)] ?? 0) + 1), m), {}))
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log(`features: ${feats.length} (${ms} ms)`);
  console.log(`  by agency_type: ${tally((x) => x.properties.agency_type)}`);
  console.log(`  by geocode_precision: ${tally((x) => x.properties.geocode_precision)}`);

  if (values.check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== r.text) {
      console.error(`${rel(out)} is stale: run npm run data`);
      return 1;
    }
    console.log(`${rel(out)} is up to date`);
    return releaseStep(dir, r.collection, { check: true, release: false });
  }
  writeFileSync(out, r.text);
  console.log(`wrote ${rel(out)}`);
  return releaseStep(dir, r.collection, { check: false, release: values.release });
}

process.exitCode = main();
