/**
 * Builds the static pages into the built site (`dist/` by default), after
 * `vite build`: a page per agency (`agency/<id>/`), a page per state
 * (`state/<st>/`, with its preview image), the index of states
 * (`state/`), their stylesheet and, with SITE_URL, `sitemap.xml`. They need no JavaScript
 * and load nothing from elsewhere.
 *
 *   SITE_URL   the site's public address (e.g. https://example.org/ring-map/);
 *              without it, canonical, og:url, og:image and the sitemap are left out
 *   RING_DATA_FILE  the dataset (default data/partnerships.geojson)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CollectionSchema } from '../src/core/schema';
import type { AgencyFeature } from '../src/core/contract';
import { renderAgencyPage } from './pages/agency-page';
import { nationalPreviewPng, statePreviewPng } from './pages/og-image';
import { CONTIGUOUS } from './pages/state-shapes';
import { agencyPath, NATIONAL_IMAGE_PATH, siteUrlFrom, stateImagePath, statePath, STATE_INDEX_PATH, STYLESHEET_PATH } from './pages/site';
import { NO_SITE_URL, renderSitemap } from './pages/sitemap';
import { renderStateIndex } from './pages/state-index-page';
import { renderStatePage } from './pages/state-page';
import { readRecordsLaws } from '../src/core/records-law';
import { writeReleaseFiles } from './releases/publish';

const OUT = process.env.PAGES_OUT_DIR ?? 'dist';
const siteUrl = siteUrlFrom(process.env.SITE_URL);
const data = CollectionSchema.parse(JSON.parse(readFileSync(process.env.RING_DATA_FILE ?? 'data/partnerships.geojson', 'utf8')));
const dataAsOf = data.metadata?.data_as_of ?? null;
const laws = readRecordsLaws(JSON.parse(readFileSync(process.env.RING_LAWS_FILE ?? 'data/records-laws.json', 'utf8')));

function write(rel: string, body: string | Buffer): void {
  const path = join(OUT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
}

const byState = new Map<string, AgencyFeature[]>();
for (const f of data.features) {
  const list = byState.get(f.properties.state) ?? [];
  list.push(f);
  byState.set(f.properties.state, list);
}

const pages: string[] = ['', STATE_INDEX_PATH];
write(`${STATE_INDEX_PATH}index.html`, renderStateIndex({ byState, siteUrl, dataAsOf }));
const contiguous = new Set(CONTIGUOUS());
write(NATIONAL_IMAGE_PATH, nationalPreviewPng(data.features.filter((f) => contiguous.has(f.properties.state)).map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))));
for (const [code, features] of byState) {
  const points = features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
  write(`${statePath(code)}index.html`, renderStatePage({ code, features, siteUrl, dataAsOf }));
  write(stateImagePath(code), statePreviewPng(code, points));
  pages.push(statePath(code));
  for (const f of features) {
    const neighbours = features.filter((g) => g !== f).map((g) => ({ lon: g.geometry.coordinates[0], lat: g.geometry.coordinates[1] }));
    write(`${agencyPath(f.properties.id)}index.html`, renderAgencyPage({ feature: f, neighbours, siteUrl, dataAsOf, law: laws.get(f.properties.state) }));
    pages.push(agencyPath(f.properties.id));
  }
}
mkdirSync(dirname(join(OUT, STYLESHEET_PATH)), { recursive: true });
// One stylesheet for the pages: the rules they share with the map, then their own.
writeFileSync(join(OUT, STYLESHEET_PATH), ['src/styles/base.css', 'src/pages/pages.css'].map((f) => readFileSync(f, 'utf8')).join('\n'));
// A sitemap only with absolute URLs; without them none (and none left from an earlier build).
if (siteUrl) write('sitemap.xml', renderSitemap(pages, siteUrl, dataAsOf));
else rmSync(join(OUT, 'sitemap.xml'), { force: true });
const releaseFiles = writeReleaseFiles(OUT, data, siteUrl);
console.log(`release files (changelog, feeds, datapackage.json): ${releaseFiles}`);
console.log(`static pages: ${data.features.length} agencies, ${byState.size} states and the index in ${OUT}/${siteUrl ? `, with sitemap.xml for ${siteUrl}` : ''}`);
if (!siteUrl) console.log(NO_SITE_URL);
