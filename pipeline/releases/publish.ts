/**
 * The release files of the built site, written after the pages:
 * `data/changelog.csv`, `data/changelog.json`, `data/releases.csv` (guarded
 * for spreadsheets like every published table), the Atom feeds in `feeds/`
 * and `datapackage.json` at the root.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AgencyFeature } from '../../src/core/contract';
import type { Changelog } from '../../src/core/releases';
import { spreadsheetCell, UTF8_BOM } from '../../src/core/spreadsheet';
import { stringifyCsv } from '../lib/csv';
import { dataPackage, RELEASE_JSON, RELEASE_TABLES } from './datapackage';
import { NATIONAL_FEED, renderFeed, stateFeedPath } from './feeds';
import { readReleaseState } from './store';
import { citationCff } from './citation';
import { SITE_NAME } from '../pages/layout';

const guarded = (columns: readonly string[], rows: readonly object[]) =>
  UTF8_BOM + stringifyCsv(columns, rows.map((r) => Object.fromEntries(columns.map((c) => [c, spreadsheetCell(String((r as Record<string, unknown>)[c] ?? ''))]))));

/** The dataset's title as the release files name it. */
export function datasetTitle(collection: { metadata?: { title?: string } | null }): string {
  return collection.metadata?.title ?? SITE_NAME;
}

/** The release files of a data folder as the build writes them (the development server serves them too). */
export function releaseFilesOf(dataDir: string, collection: { features: readonly AgencyFeature[]; metadata?: { title?: string } | null }, siteUrl: string | null): Map<string, string> {
  return releaseFiles(readReleaseState(dataDir), collection.features, siteUrl, datasetTitle(collection));
}

/** The published release files, by path inside the site. */
export function releaseFiles(log: Changelog, features: readonly AgencyFeature[], siteUrl: string | null, title: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('data/changelog.csv', guarded(RELEASE_TABLES['changelog.csv'], log.changes));
  files.set('data/releases.csv', guarded(RELEASE_TABLES['releases.csv'], log.releases));
  files.set(`data/${RELEASE_JSON}`, `${JSON.stringify({ releases: log.releases, changes: log.changes }, null, 1)}\n`);
  const names = new Map(features.map((f) => [f.properties.id, f.properties.name]));
  const states = [...new Set([...features.map((f) => f.properties.state), ...log.changes.map((l) => l.state)])].sort();
  files.set(NATIONAL_FEED, renderFeed({ state: null, log, names, siteUrl }));
  for (const st of states) files.set(stateFeedPath(st), renderFeed({ state: st, log, names, siteUrl }));
  const last = log.releases.at(-1);
  if (last) files.set('datapackage.json', `${JSON.stringify(dataPackage(last, title), null, 2)}\n`);
  // The citation file beside the data package, as in the repository.
  if (last) files.set('CITATION.cff', citationCff(last, title));
  return files;
}

export function writeReleaseFiles(outDir: string, collection: { features: readonly AgencyFeature[]; metadata?: { title?: string } | null }, siteUrl: string | null, dataDir = 'data'): number {
  const files = releaseFilesOf(dataDir, collection, siteUrl);
  for (const [path, body] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), body);
  }
  return files.size;
}
