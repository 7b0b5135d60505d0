/**
 * The downloaded CSV as a reporter opens it: pandas with its defaults reads
 * the header as the first line, the first column as `id` (the byte-order
 * mark for Excel does not leak into it), every row, and the typographic
 * characters as written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgencyFeature } from '../../../src/core/contract';
import { CSV_COLUMNS, toCsv } from '../../../src/share/download-data';
// @ts-expect-error: a plain .mjs script without type declarations
import { PYTHON } from '../../../scripts/ensure-chromium.mjs';

const FEATURES = (JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')) as { features: AgencyFeature[] }).features;

const READ = `
import json, sys
import pandas as pd
df = pd.read_csv(sys.argv[1])
print(json.dumps({"columns": list(df.columns), "rows": len(df), "ids": list(df["id"]), "selection": df["selection"][0], "names": list(df["name"])}))
`;

describe('a downloaded CSV in pandas', () => {
  it('reads with read_csv defaults: header first, `id` first, every row, “ ” ’ · intact, formulas neutralised', () => {
    const hostile = { ...FEATURES[0], properties: { ...FEATURES[0].properties, id: 'x-test', name: '=HYPERLINK("x")' } };
    const features = [...FEATURES, hostile];
    const selection = 'Agencias “activas” · en el condado de O’Brien';
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const file = join(dir, 'download.csv');
    writeFileSync(file, toCsv(features, { selection, credit: 'Data: EFF.' }), 'utf8');
    const p = spawnSync(PYTHON, ['-c', READ, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(p.status, p.stderr).toBe(0);
    const out = JSON.parse(p.stdout) as { columns: string[]; rows: number; ids: string[]; selection: string; names: string[] };
    expect(out.columns).toEqual([...CSV_COLUMNS]);
    expect(out.rows).toBe(features.length);
    expect(out.ids).toEqual(features.map((f) => f.properties.id));
    expect(out.selection).toBe(selection);
    expect(out.names.at(-1)).toBe(`'=HYPERLINK("x")`);
  });
});
