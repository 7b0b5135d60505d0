import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Plugin } from 'vite';
import { PUBLISHED_FILES, publishedCopy } from './publish';
import { releaseFilesOf } from './releases/publish';

/**
 * The published dataset lives in `data/` beside its source tables (so a
 * volunteer sees both together). This plugin serves the published copies
 * (pipeline/publish.ts: only the files and columns of the data dictionary)
 * at `/data/...` in development and writes them into the build, so the site
 * and anyone downloading the data see the same files. In development it
 * also serves the release files the build writes after the pages (the
 * changelog a card reads, the feeds, datapackage.json).
 */
const TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

export function serveDataDir(dir = 'data'): Plugin {
  const files = () => PUBLISHED_FILES.filter((f) => existsSync(`${dir}/${f}`));
  return {
    name: 'serve-data-dir',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        // Built on request, from the tables as they are now (only for paths where release files live).
        const release = /^\/(data|feeds)\/|^\/(datapackage\.json|CITATION\.cff)$/.test(path) && existsSync(`${dir}/partnerships.geojson`)
          ? releaseFilesOf(dir, JSON.parse(readFileSync(`${dir}/partnerships.geojson`, 'utf8')), null).get(path.slice(1)) : undefined;
        if (release !== undefined) {
          res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
          return res.end(release);
        }
        const m = /^\/data\/([\w.-]+)$/.exec(path);
        if (!m || !files().includes(m[1])) return next();
        res.setHeader('Content-Type', TYPES[extname(m[1])] ?? 'application/octet-stream');
        res.end(publishedCopy(dir, m[1]));
      });
    },
    generateBundle() {
      for (const f of files()) {
        this.emitFile({ type: 'asset', fileName: `data/${f}`, source: publishedCopy(dir, f) });
      }
    },
  };
}
