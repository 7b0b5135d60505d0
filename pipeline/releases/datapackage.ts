/**
 * datapackage.json (Frictionless Data Package v1) for the built site: every
 * file published in `data/`, each CSV with its Table Schema (the columns in
 * order, with their types), the GeoJSON and the JSON files as plain
 * resources. Published at the site root, beside `data/`.
 */
import { CHANGELOG_COLUMNS, RELEASE_COLUMNS, type Release } from '../../src/core/releases';
import { PUBLISHED_FILES, PUBLISHED_TABLES } from '../publish';
import { PROJECT_AUTHOR } from './citation';

/** The release's own files, published beside the tables. */
export const RELEASE_TABLES: Readonly<Record<string, readonly string[]>> = {
  'changelog.csv': CHANGELOG_COLUMNS,
  'releases.csv': RELEASE_COLUMNS,
};
export const RELEASE_JSON = 'changelog.json';

/** Every file the data package describes, in `data/`. */
export const PACKAGED_FILES: readonly string[] = [...PUBLISHED_FILES, ...Object.keys(RELEASE_TABLES), RELEASE_JSON];

/** Columns whose cells are numbers or true/false; every other column is text (partial dates included). */
const NUMBER = new Set(['devices_given', 'perk_value_usd', 'subsidy_usd', 'lon', 'lat']);
const INTEGER = new Set(['value', 'agencies', 'added', 'documented', 'corrected', 'ended', 'removed', 'version', 'release']);
const BOOLEAN = new Set(['at_least', 'figures_derived', 'launched']);
export type FieldType = 'string' | 'number' | 'integer' | 'boolean';
export const fieldType = (column: string): FieldType =>
  NUMBER.has(column) ? 'number' : INTEGER.has(column) ? 'integer' : BOOLEAN.has(column) ? 'boolean' : 'string';

const PRIMARY_KEYS: Record<string, string> = { 'agencies.csv': 'id', 'programs.csv': 'id', 'sources.csv': 'id', 'releases.csv': 'version' };

const DESCRIPTIONS: Record<string, string> = {
  'partnerships.geojson': 'One point per agency with everything documented about its partnership (RFC 7946 FeatureCollection); see the data dictionary.',
  'dataset.json': 'Title, data date, licence and credit of the dataset, and where contributions may be sent (empty when not configured).',
  'changelog.csv': 'Every change of every release, one line per change: release, date, agency, state, kind of change, field, from, to, reason and source.',
  'changelog.json': 'The releases and the changelog as JSON ({releases, changes}).',
  'releases.csv': 'One row per release: version, date, data date, agencies and the count of each kind of change.',
};

const resourceName = (file: string) => file.toLowerCase().replace(/[^a-z0-9._-]/g, '-');

export function dataPackage(release: Release, title: string): Record<string, unknown> {
  const tables: Record<string, readonly string[]> = { ...PUBLISHED_TABLES, ...RELEASE_TABLES };
  const resources = PACKAGED_FILES.map((file) => {
    const columns = tables[file];
    const base = { name: resourceName(file), path: `data/${file}`, encoding: 'utf-8', ...(DESCRIPTIONS[file] ? { description: DESCRIPTIONS[file] } : {}) };
    if (!columns) {
      const geo = file.endsWith('.geojson');
      return { ...base, profile: 'data-resource', format: geo ? 'geojson' : 'json', mediatype: geo ? 'application/geo+json' : 'application/json' };
    }
    return {
      ...base,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true, lineTerminator: '\n' },
      schema: {
        fields: columns.map((c) => ({ name: c, type: fieldType(c) })),
        missingValues: [''],
        ...(PRIMARY_KEYS[file] ? { primaryKey: PRIMARY_KEYS[file] } : {}),
      },
    };
  });
  return {
    profile: 'data-package',
    name: 'ring-police-partnerships',
    title,
    description:
      'Police, sheriff and fire agencies in the United States that partnered with Amazon Ring, with dates, perks and the records behind each partnership. ' +
      'Most partnerships come from the EFF Atlas of Surveillance export, which stops in September 2020; later partnerships are incomplete. ' +
      'CSV files start with a UTF-8 byte-order mark, and text cells a spreadsheet would run as a formula start with an apostrophe.',
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    keywords: ['Amazon Ring', 'Neighbors', 'police', 'surveillance'],
    contributors: [{ title: PROJECT_AUTHOR, role: 'author' }],
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    sources: [{ title: 'Electronic Frontier Foundation, Atlas of Surveillance (CSV export of 7 October 2020, CC BY 4.0)', path: 'https://atlasofsurveillance.org/' }],
    resources,
  };
}
