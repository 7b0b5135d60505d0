/**
 * What a release publishes, read by real tools: every Atom feed (the
 * national one and one per state) parsed by a feed-parsing library and by a
 * strict XML parser; datapackage.json validated against the official Data
 * Package and Tabular Data Resource schemas, with every published CSV's
 * header and cells checked against its Table Schema; CITATION.cff validated
 * against the Citation File Format 1.2.0 schema. Schemas: tests/schemas/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { SaxesParser } from 'saxes';
import Ajv04 from 'ajv-draft-04';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { CollectionSchema } from '../../../src/core/schema';
import type { Changelog } from '../../../src/core/releases';
import { releaseFiles } from '../../../pipeline/releases/publish';
import { readReleaseState } from '../../../pipeline/releases/store';
import { PACKAGED_FILES, fieldType } from '../../../pipeline/releases/datapackage';
import { NATIONAL_FEED, stateFeedPath } from '../../../pipeline/releases/feeds';
import { publishedCopy } from '../../../pipeline/publish';
import { parseCsv } from '../../../pipeline/lib/csv';

const data = CollectionSchema.parse(JSON.parse(readFileSync('data/partnerships.geojson', 'utf8')));
const committed = readReleaseState('data');
const log: Changelog = { releases: committed.releases, changes: committed.changes };
const title = data.metadata?.title ?? '';
const states = [...new Set(data.features.map((f) => f.properties.state))].sort();
const schema = (f: string) => JSON.parse(readFileSync(`tests/schemas/${f}`, 'utf8'));

/** A second release with hostile text: markup, ampersands, a control character, a lone surrogate, a formula. */
const [first] = data.features;
const hostile: Changelog = {
  releases: [...log.releases, { version: '2', date: '2026-12-20', data_as_of: '2026-12-19', agencies: data.features.length, added: 0, documented: 0, corrected: 1, ended: 0, removed: 1, note: '' }],
  changes: [
    { release: '2', date: '2026-12-20', agency_id: first.properties.id, state: first.properties.state, change: 'corrected', field: 'city', from: '<b>Old</b> & "town"', to: 'New\u0001town \ud800', reason: '=HYPERLINK("http://x")', source: 'https://example.org/a?b=1&c=2' },
    { release: '2', date: '2026-12-20', agency_id: 'gone-police-department-zz', state: 'ZZ', change: 'removed', field: '', from: 'Gone </title> Police', to: '', reason: 'Duplicate record.', source: '' },
  ],
};

function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => errors.push(e.message));
  p.on('doctype', () => errors.push('doctype'));
  p.write(xml).close();
  return errors;
}

describe('Atom feeds', () => {
  for (const [label, lg] of [['the committed releases', log], ['a release with hostile text', hostile]] as const) {
    it(`${label}: the national feed and one per state, each valid XML and parsed as Atom with complete entries`, () => {
      const files = releaseFiles(lg, data.features, null, title);
      const feeds = [...files.keys()].filter((k) => k.endsWith('.atom'));
      const expected = [NATIONAL_FEED, ...[...new Set([...states, ...lg.changes.map((l) => l.state)])].map(stateFeedPath)];
      expect(feeds.sort()).toEqual(expected.sort());
      for (const path of feeds) {
        const xml = files.get(path)!;
        expect(wellFormed(xml), path).toEqual([]);
        const feed = parseFeed(xml);
        expect(feed.meta.type, path).toBe('atom');
        expect(feed.title, path).toMatch(/data releases/);
        expect(feed.updated?.toISOString().slice(0, 10)).toBe(lg.releases.at(-1)!.date);
        expect(feed.items.length, path).toBeGreaterThanOrEqual(lg.releases.length);
        for (const item of feed.items) {
          expect(item.id, path).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(item.title, path).toBeTruthy();
          expect(item.updated, path).toBeInstanceOf(Date);
          expect(item.url, path).toBeTruthy();
        }
        expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
      }
    });
  }

  it('a state feed carries only that state’s changes, with from → to, why and source as text', () => {
    const files = releaseFiles(hostile, data.features, 'https://example.org/ring/', title);
    const st = first.properties.state;
    const feed = parseFeed(files.get(stateFeedPath(st))!);
    const change = feed.items.find((i) => i.title?.includes(first.properties.name));
    expect(change?.url).toBe(`https://example.org/ring/agency/${first.properties.id}/`);
    expect(change?.content).toContain('Corrected: city, <b>Old</b> & "town" → Newtown');
    expect(change?.content).toContain('Why: =HYPERLINK("http://x")');
    expect(change?.content).toContain('Source: https://example.org/a?b=1&c=2');
    expect(feed.items.some((i) => i.title?.includes('Gone'))).toBe(false);
    const zz = parseFeed(files.get(stateFeedPath('ZZ'))!);
    expect(zz.items.map((i) => i.title)).toContain('Release 2: Gone </title> Police (ZZ): removed');
    expect(feed.self).toBe(`https://example.org/ring/${stateFeedPath(st)}`);
  });
});

describe('datapackage.json', () => {
  const files = releaseFiles(log, data.features, null, title);
  const pkg = JSON.parse(files.get('datapackage.json')!);
  const ajv = new Ajv04({ strict: false, allErrors: true });
  addFormats(ajv);
  // The Frictionless schemas name a form-editor hint as a format; it constrains nothing.
  ajv.addFormat('textarea', true);

  it('is a valid Data Package describing every published data file', () => {
    const validate = ajv.compile(schema('data-package.json'));
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(PACKAGED_FILES.map((f) => `data/${f}`));
    expect(pkg.version).toBe(log.releases.at(-1)!.version);
  });

  it('gives each CSV a valid Table Schema whose fields are the file’s header, and every cell fits its type', () => {
    const validate = ajv.compile(schema('tabular-data-resource.json'));
    const csvs = pkg.resources.filter((r: { format: string }) => r.format === 'csv');
    expect(csvs.length).toBe(PACKAGED_FILES.filter((f) => f.endsWith('.csv')).length);
    let cells = 0;
    for (const r of csvs) {
      expect(validate(r), `${r.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const file = r.path.replace(/^data\//, '');
      const body = String(files.get(r.path) ?? publishedCopy('data', file));
      const t = parseCsv(body);
      expect(t.hadBom, r.path).toBe(true);
      expect(t.header, r.path).toEqual(r.schema.fields.map((f: { name: string }) => f.name));
      for (const row of t.records) {
        for (const f of r.schema.fields as { name: string; type: string }[]) {
          const v = row.values[f.name];
          cells++;
          if (v === '') continue;
          const ok = { string: true, number: /^-?\d+(\.\d+)?$/.test(v), integer: /^-?\d+$/.test(v), boolean: v === 'true' || v === 'false' }[f.type];
          expect(ok, `${r.path}:${row.line} ${f.name}=${v}`).toBe(true);
          expect(fieldType(f.name)).toBe(f.type);
        }
      }
    }
    expect(cells).toBeGreaterThan(10_000);
  });

  it('a descriptor that breaks the spec is refused by the same validator', () => {
    const validate = ajv.compile(schema('data-package.json'));
    expect(validate({ ...pkg, name: 'Not A Valid Name' })).toBe(false);
    expect(validate({ ...pkg, resources: [] })).toBe(false);
  });
});

describe('CITATION.cff', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema('citation-file-format-1.2.0.json'));
  const cff = parseYaml(readFileSync('CITATION.cff', 'utf8'));

  it('is valid Citation File Format 1.2.0 and cites the latest release', () => {
    expect(validate(cff), JSON.stringify(validate.errors)).toBe(true);
    const last = log.releases.at(-1)!;
    expect(cff.version).toBe(last.version);
    expect(cff['date-released']).toBe(last.date);
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff.references[0]).toMatchObject({ title: 'Atlas of Surveillance', license: 'CC-BY-4.0', authors: [{ name: 'Electronic Frontier Foundation' }] });
  });

  it('the schema refuses a file without authors or with a malformed date', () => {
    expect(validate({ ...cff, authors: [] })).toBe(false);
    expect(validate({ ...cff, 'date-released': '7 December 2026' })).toBe(false);
  });
});
