/** The browser tests judge the page as a visitor sees it, never the app's internal objects. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('browser tests', () => {
  it('do not read the app through window.ringMap', () => {
    const dir = 'tests/e2e';
    const readers = readdirSync(dir).filter((f) => f.endsWith('.ts') && readFileSync(join(dir, f), 'utf8').includes('ringMap'));
    expect(readers).toEqual([]);
  });
});
