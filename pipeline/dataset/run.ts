/** The build from a tables folder, shared by the CLI, the tests and the benchmark. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetadataSchema } from '../../src/core/schema';
import { type AgencyCollection } from '../../src/core/contract';
import { loadGazetteers } from '../geocode/gazetteer';
import { Geocoder } from '../geocode/geocoder';
import { readTables } from '../tables/io';
import type { Tables } from '../tables/model';
import { serializeCollection, type BuildResult } from './features';
import { buildWithSubmissions } from './with-submissions';
import { addResearchAndOversight } from './research';
import type { Change } from '../merge/changes';

let geocoder: Geocoder | undefined;
/** One geocoder per process: the gazetteers and outlines are loaded and indexed once. */
export function sharedGeocoder(): Geocoder {
  geocoder ??= Geocoder.load(loadGazetteers());
  return geocoder;
}

export function readMetadata(dir: string): AgencyCollection['metadata'] | undefined {
  const path = join(dir, 'dataset.json');
  if (!existsSync(path)) return undefined;
  const m = MetadataSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return m;
}

export interface DirBuild extends BuildResult {
  text: string;
  /** Submissions that name a mapped agency with another date (the tables' date is kept). */
  notes: string[];
  /** Changes submissions made to agencies already on the map. */
  changes: Change[];
  /** Columns a volunteer added to the tables: kept there, never published. */
  extraColumns: Tables['extraColumns'];
}

export function buildFromDir(dir: string, opts: { onProgress?: (rows: number) => void } = {}): DirBuild {
  const read = readTables(dir);
  // The tables plus the volunteer submissions (data/submissions/*.csv).
  const result = buildWithSubmissions(dir, read, { geocoder: sharedGeocoder(), metadata: readMetadata(dir), onProgress: opts.onProgress });
  // What was checked and who decides, per agency (nothing to add when the tables could not be read).
  if (!result.fatal) result.rejects.push(...addResearchAndOversight(dir, result.collection, new Set(read.tables.agencies.map((a) => a.id))));
  return { ...result, text: serializeCollection(result.collection), extraColumns: read.tables.extraColumns };
}
