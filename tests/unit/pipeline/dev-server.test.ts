/**
 * `npm run dev` serves what the build publishes: the data files and the
 * release files (the changelog an agency card reads, the feeds,
 * datapackage.json), built from the tables as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';

let server: ViteDevServer;
let base = '';

beforeAll(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, strictPort: false } });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  base = `http://localhost:${address.port}`;
}, 60_000);
afterAll(async () => server?.close());

describe('the development server', () => {
  it('serves the changelog the cards read, with every release of the tables', async () => {
    const res = await fetch(`${base}/data/changelog.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const log = (await res.json()) as { releases: { version: string }[]; changes: unknown[] };
    const rows = Papa.parse<{ version: string }>(readFileSync('data/releases/releases.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(log.releases.map((r) => String(r.version))).toEqual(rows.map((r) => r.version));
    expect(Array.isArray(log.changes)).toBe(true);
  });

  it('serves the national feed and the data package, and the published tables as before', async () => {
    const feed = await fetch(`${base}/feeds/all.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('atom');
    expect(await feed.text()).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const pkg = await fetch(`${base}/datapackage.json`);
    expect(((await pkg.json()) as { resources: unknown[] }).resources.length).toBeGreaterThan(0);
    const agencies = await fetch(`${base}/data/agencies.csv`);
    expect(agencies.status).toBe(200);
    expect(await agencies.text()).toContain('id');
  });
});
