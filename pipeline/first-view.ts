/**
 * Writes the static first view into the built page (`dist/index.html` by
 * default), after `vite build`: the national map as inline SVG with the
 * same clusters, colours, legend, count and totals the live map shows at
 * its default view, and a link to the agencies listed by state. The page
 * reads without JavaScript or WebGL; the live map replaces the picture once
 * it has drawn (src/first-view/handoff.ts).
 *
 *   tsx pipeline/first-view.ts [--html dist/index.html] [--points <points.json>] [--basemap <dir>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { decodePoints } from '../src/data/map-data';
import { buildIndex } from '../src/data/agency-index';
import { renderFirstView, escapeXml } from '../src/first-view/render';
import type { FirstView } from '../src/first-view/render';
import { MSG } from '../src/i18n/messages';

/** Hides controls that need JavaScript when it is off (a file: no inline style under the CSP). */
export const NOSCRIPT_CSS = '.needs-js, .panel:has(> #filters), .panel:has(> #layers), #timeline { display: none !important; }\n';

/**
 * Puts `inner` between the opening and closing tags `find` captures. A
 * function replacer: the inserted text is data ("$195,100"), and a
 * replacement string would read its `$1` as a back-reference.
 */
function replaceOnce(html: string, find: RegExp, inner: string, what: string): string {
  if (!find.test(html)) throw new Error(`first view: ${what} not found in the page`);
  return html.replace(find, (_m, open: string, close: string) => `${open}${inner}${close}`);
}

const START = '<!--first-view-->';
const END = '<!--/first-view-->';
const mark = (s: string) => `${START}${s}${END}`;

/** Puts a rendered first view into the page's markup (replacing one already there). */
export function injectFirstView(html: string, fv: FirstView): string {
  let out = html.replace(/<!--first-view-->[\s\S]*?<!--\/first-view-->\s*/g, '');
  out = replaceOnce(out, /(<p id="count"[^>]*>)[^<]*(<\/p>)/, escapeXml(fv.count), 'the count');
  out = replaceOnce(out, /(<dl id="totals"[^>]*>)(<\/dl>)/, mark(fv.totals), 'the totals');
  out = replaceOnce(out, /(<div id="legend"[^>]*>)(<\/div>)/, mark(fv.legend), 'the legend');
  out = replaceOnce(
    out,
    /(<div id="first-view"[^>]*>)(<\/div>)/,
    mark(`${fv.svg}<p class="first-view-list"><a href="state/" data-i18n="listByState">${escapeXml(MSG.listByState)}</a></p>`),
    'the first-view box',
  );
  out = replaceOnce(
    out,
    /(<div id="list"[^>]*>)(<\/div>)/,
    mark(`<p class="list-summary">${escapeXml(MSG.listNeedsScript)} <a href="state/">${escapeXml(MSG.listByState)}</a>.</p>`),
    'the list',
  );
  out = replaceOnce(out, /()(<\/head>)/, `${mark('<noscript><link rel="stylesheet" href="noscript.css" /></noscript>')}\n  `, 'the head');
  return out;
}

export function firstViewFrom(pointsFile: string, basemapDir: string): FirstView {
  const points = decodePoints(JSON.parse(readFileSync(pointsFile, 'utf8')));
  const read = (f: string) => JSON.parse(readFileSync(join(basemapDir, f), 'utf8')) as FeatureCollection;
  return renderFirstView(buildIndex(points.rows), { states: read('states.geojson'), context: read('context.json'), places: read('places.json') });
}

/** Writes the page with its first view, and the no-script stylesheet beside it. */
export function writeFirstView(htmlFile: string, pointsFile: string, basemapDir: string, outFile = htmlFile): FirstView {
  const fv = firstViewFrom(pointsFile, basemapDir);
  writeFileSync(outFile, injectFirstView(readFileSync(htmlFile, 'utf8'), fv));
  writeFileSync(join(dirname(outFile), 'noscript.css'), NOSCRIPT_CSS);
  return fv;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { html: { type: 'string' }, points: { type: 'string' }, basemap: { type: 'string' } } });
  const dist = process.env.PAGES_OUT_DIR ?? 'dist';
  const html = values.html ?? join(dist, 'index.html');
  const fv = writeFirstView(html, values.points ?? join(dist, 'generated/map/points.json'), values.basemap ?? join(dist, 'generated/basemap'));
  console.log(`first view: ${fv.agencies} agencies, ${(fv.svg.length / 1024).toFixed(0)} KiB of SVG in ${html}`);
}
