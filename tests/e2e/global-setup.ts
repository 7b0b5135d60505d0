/**
 * Builds the site once and serves the build (what a static host would
 * serve) for the browser tests.
 */
import { execSync } from 'node:child_process';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) execSync('npm run build', { stdio: 'inherit' });
  const server = await preview({ preview: { port: 4310, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not start');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
}
