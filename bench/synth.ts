/**
 * Synthetic datasets for the benchmark: the real agencies repeated N times,
 * each copy with its own id and name and its point jittered (seeded, so runs
 * are comparable), keeping every property's shape.
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { AgencyCollection, AgencyFeature } from '../src/core/contract';
import { mulberry32 } from '../tests/seeded-random';

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** The published GeoJSON at `factor` times its size. */
export function synthCollection(base: AgencyCollection, factor: number, seed = 7): AgencyCollection {
  if (factor === 1) return base;
  const rnd = mulberry32(seed);
  const features: AgencyFeature[] = [];
  for (let k = 0; k < factor; k++) {
    for (const f of base.features) {
      if (k === 0) {
        features.push(f);
        continue;
      }
      const [x, y] = f.geometry.coordinates;
      features.push({
        ...f,
        geometry: { type: 'Point', coordinates: [round5(x + (rnd() - 0.5) * 0.6), round5(Math.max(-85, Math.min(85, y + (rnd() - 0.5) * 0.4)))] },
        properties: { ...f.properties, id: `${f.properties.id}-s${k}`, name: `${f.properties.name} S${k}` },
      });
    }
  }
  features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  return { ...base, features };
}

/** The source tables at `factor` times their size, for timing the data build. */
export function synthTables(dataDir: string, outDir: string, factor: number): void {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(dataDir)) if (f.endsWith('.csv') || f.endsWith('.json')) copyFileSync(join(dataDir, f), join(outDir, f));
  if (factor === 1) return;
  const read = (f: string) => Papa.parse<Record<string, string>>(readFileSync(join(dataDir, f), 'utf8'), { header: true, skipEmptyLines: true });
  const agencies = read('agencies.csv');
  const programs = read('programs.csv');
  const outA: Record<string, string>[] = [];
  const outP: Record<string, string>[] = [];
  for (let k = 0; k < factor; k++) {
    const suffix = k === 0 ? '' : `-s${k}`;
    for (const a of agencies.data) {
      // The copies keep the state suffix last, as the build's id rule wants.
      const id = k === 0 ? a.id : a.id.replace(/-([a-z]{2})$/, `-s${k}-$1`);
      outA.push({ ...a, id, name: k === 0 ? a.name : `${a.name} S${k}`, atlas_ids: k === 0 ? a.atlas_ids : '' });
    }
    for (const p of programs.data) {
      const agency = k === 0 ? p.agency_id : p.agency_id.replace(/-([a-z]{2})$/, `-s${k}-$1`);
      outP.push({ ...p, id: `${p.id}${suffix}`, agency_id: agency });
    }
  }
  writeFileSync(join(outDir, 'agencies.csv'), Papa.unparse({ fields: agencies.meta.fields!, data: outA }) + '\n');
  writeFileSync(join(outDir, 'programs.csv'), Papa.unparse({ fields: programs.meta.fields!, data: outP }) + '\n');
}
