/**
 * Writes the map's compact points file and the details chunks
 * (src/data/map-data.ts) for a published GeoJSON.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgencyCollection } from '../src/core/contract';
import { encodeMapData } from '../src/data/map-data';
import { agencyRecordPath, encodeAgencyRecords } from '../src/data/agency-record';

export function writeMapData(geojsonFile: string, outDir: string, chunkSize?: number): { agencies: number; chunks: number } {
  const collection = JSON.parse(readFileSync(geojsonFile, 'utf8')) as AgencyCollection;
  const { points, chunks } = encodeMapData(collection, chunkSize);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'points.json'), JSON.stringify(points));
  chunks.forEach((c, k) => writeFileSync(join(outDir, `details-${k}.json`), JSON.stringify(c)));
  // One file per agency for the one-agency embed (src/data/agency-record.ts).
  mkdirSync(join(outDir, 'agency'), { recursive: true });
  for (const r of encodeAgencyRecords(collection)) writeFileSync(join(outDir, agencyRecordPath(r.feature.properties.id)), JSON.stringify(r));
  console.log(`assets: map/points.json (${points.id.length} agencies) and ${chunks.length} details chunk(s) from ${geojsonFile}`);
  return { agencies: points.id.length, chunks: chunks.length };
}
