/** `npm test` on a machine without Chromium stops before building, naming the install command. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = 'scripts/ensure-chromium.mjs';
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });

describe('the pre-test Chromium check', () => {
  it('passes silently when Chromium is present', () => {
    const r = run({ CHROMIUM_PATH: process.execPath });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('stops with the one install command when Chromium is missing and installing is not allowed', () => {
    const r = run({ CHROMIUM_PATH: '/nonexistent/chromium', RING_INSTALL_CHROMIUM: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stderr).toContain('/nonexistent/chromium');
  });

  it('is wired to run before the test command', async () => {
    const pkg = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.pretest).toContain(SCRIPT);
    expect(pkg.scripts['pretest:e2e']).toContain(SCRIPT);
  });
});
