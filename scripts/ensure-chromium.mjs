#!/usr/bin/env node
/**
 * Runs before `npm test`: the browser tests drive Debian's Chromium, never a
 * downloaded browser, and the downloads are read back with pandas, as a
 * reporter would. When either is missing, install Debian's package (as root,
 * where apt-get exists) or stop at once naming the one command that does,
 * before anything is built.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-dejavu-core fonts-liberation';

/** What to do, from the facts of this machine: nothing, install, or stop with the command. */
export function decide({ hasChromium, isRoot, hasAptGet, installAllowed }) {
  if (hasChromium) return 'ok';
  if (isRoot && hasAptGet && installAllowed) return 'install';
  return 'stop';
}

/** Debian's Python, which the python3-pandas package installs into (another python3 may come first on PATH). */
export const PYTHON = '/usr/bin/python3';
export const PANDAS_COMMAND = 'apt-get update && apt-get install -y python3-pandas';

const hasPandas = () => spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

/** pandas for the test that reads a downloaded CSV with its defaults; the same rule as for Chromium. */
function ensurePandas(facts) {
  const action = decide({ ...facts, hasChromium: hasPandas() });
  if (action === 'ok') return 0;
  if (action === 'install') {
    console.error(`pandas is missing; installing Debian's package: ${PANDAS_COMMAND}`);
    if (spawnSync('sh', ['-c', PANDAS_COMMAND], { stdio: 'inherit' }).status === 0 && hasPandas()) return 0;
  }
  console.error(`The download tests read CSV files with pandas, which is missing. Install it (as root):\n\n  ${PANDAS_COMMAND}\n`);
  return 1;
}

function main() {
  const status = ensureChromium();
  if (status !== 0) return status;
  return ensurePandas({
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
    installAllowed: process.env.RING_INSTALL_CHROMIUM !== '0',
  });
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const action = decide({
    hasChromium: existsSync(chromium),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: existsSync('/usr/bin/apt-get'),
    // Set to 0 to never install (e.g. on a machine whose packages you manage yourself).
    installAllowed: process.env.RING_INSTALL_CHROMIUM !== '0',
  });
  if (action === 'ok') return 0;
  if (action === 'install') {
    console.error(`Chromium is missing at ${chromium}; installing Debian's package: ${INSTALL_COMMAND}`);
    const run = spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: 'inherit' });
    if (run.status === 0 && existsSync(chromium)) return 0;
    console.error(`Installing Chromium failed. Run as root: ${INSTALL_COMMAND}`);
    return 1;
  }
  console.error(
    `The browser tests need Debian's Chromium at ${chromium}, which is missing.\n` +
      `Install it (as root):\n\n  ${INSTALL_COMMAND}\n\n` +
      'or set CHROMIUM_PATH to a Chromium binary. Unit tests alone: npm run test:unit',
  );
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(main());
