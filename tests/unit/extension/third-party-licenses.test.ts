/**
 * The packages whose code ships in the extension have their licence texts in it (public/licenses/,
 * copied into the package): Fuse.js's Apache-2.0 and the polyfill's MPL-2.0 ask for that. The copies must
 * be the installed packages' own files, so an upgrade cannot leave an old text behind.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { ROOT } from '../../support/paths';

const COPIES: Record<string, string> = {
  'preact.txt': 'preact',
  'fuse.js.txt': 'fuse.js',
  'webextension-polyfill.txt': 'webextension-polyfill',
  'wxt-dev-webextension-polyfill.txt': '@wxt-dev/webextension-polyfill',
};

describe('third-party licences in the package', () => {
  it('covers every runtime dependency', () => {
    expect(Object.values(COPIES).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(readdirSync(join(ROOT, 'public/licenses')).sort()).toEqual(Object.keys(COPIES).sort());
  });

  it.each(Object.entries(COPIES))('%s is %s’s own LICENSE', (copy, name) => {
    const own = readFileSync(join(ROOT, 'node_modules', name, 'LICENSE'), 'utf8');
    expect(readFileSync(join(ROOT, 'public/licenses', copy), 'utf8')).toBe(own);
  });
});
