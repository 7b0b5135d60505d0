/** The build from a tables folder, shared by the CLI, the tests and the benchmark. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectionSchema, type AgencyCollection } from '../../src/data/schema';
import { loadGazetteers } from '../geocode/gazetteer';
import { Geocoder } from '../geocode/geocoder';
import { readTables } from '../tables/io';
import type { Tables } from '../tables/model';
import { buildCollection, serializeCollection, type BuildResult } from './features';

let geocoder: Geocoder | undefined;
/** One geocoder per process: the gazetteers and outlines are loaded and indexed once. */
export function sharedGeocoder(): Geocoder {
  geocoder ??= Geocoder.load(loadGazetteers());
  return geocoder;
}

export function readMetadata(dir: string): AgencyCollection['metadata'] | undefined {
  const path = join(dir, 'dataset.json');
  if (!existsSync(path)) return undefined;
  const m = CollectionSchema.shape.metadata.parse(JSON.parse(readFileSync(path, 'utf8')));
  return m;
}

export interface DirBuild extends BuildResult {
  text: string;
  /** Columns a volunteer added to the tables: kept there, never published. */
  extraColumns: Tables['extraColumns'];
}

export function buildFromDir(dir: string): DirBuild {
  const read = readTables(dir);
  const result = buildCollection(read.tables, {
    geocoder: sharedGeocoder(),
    metadata: readMetadata(dir),
    readIssues: read.issues,
    rowsRead: read.rowsRead,
  });
  return { ...result, text: serializeCollection(result.collection), extraColumns: read.tables.extraColumns };
}
