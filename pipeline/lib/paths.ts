/** Project-relative default locations (never machine paths). */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = resolve(PROJECT_ROOT, 'data');
export const DEFAULT_OUT = resolve(PROJECT_ROOT, 'data', 'partnerships.geojson');

/**
 * The research inputs folder: `--shared <dir>`, else `$RING_SHARED_DIR`,
 * else `../shared` next to the project root.
 */
export function sharedDir(flag?: string): string {
  return resolve(flag ?? process.env.RING_SHARED_DIR ?? resolve(PROJECT_ROOT, '..', 'shared'));
}
