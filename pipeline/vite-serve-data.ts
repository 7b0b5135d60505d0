import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import type { Plugin } from 'vite';
import { PUBLISHED_FILES, publishedCopy } from './publish';

/**
 * The published dataset lives in `data/` beside its source tables (so a
 * volunteer sees both together). This plugin serves the published copies
 * (pipeline/publish.ts: only the files and columns of the data dictionary)
 * at `/data/...` in development and writes them into the build, so the site
 * and anyone downloading the data see the same files.
 */
const TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
};

export function serveDataDir(dir = 'data'): Plugin {
  const files = () => PUBLISHED_FILES.filter((f) => existsSync(`${dir}/${f}`));
  return {
    name: 'serve-data-dir',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/data\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0]);
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
