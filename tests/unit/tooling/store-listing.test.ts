/**
 * The store images (made by tests/e2e/screenshots.spec.ts, "store images") are PNGs at the sizes the
 * stores accept, and store/listing.md names each of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/paths';

const STORE = join(ROOT, 'store');

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const images = readdirSync(STORE).filter((f) => f.endsWith('.png'));
const size = (file: string) => pngSize(readFileSync(join(STORE, file)));

describe('the listing text', () => {
  const listing = readFileSync(join(STORE, 'listing.md'), 'utf8');
  const section = (heading: string) => listing.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';

  it('gives the manifest’s own short description, within Chrome’s 132 characters', () => {
    const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const short = messages.extDescription!.message;
    expect(short.length).toBeLessThanOrEqual(132);
    expect(section('Short description')).toContain(`\n${short}\n`);
  });

  it('justifies every permission the built manifest asks for', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as { permissions?: string[] };
    const practices = section('Chrome Web Store: privacy practices tab');
    for (const permission of manifest.permissions ?? []) expect(practices, permission).toContain(`- \`${permission}\`:`);
  });
});

describe('store images', () => {
  it('reads a PNG size, and refuses what is not a PNG', () => {
    const png = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(400, 20);
    expect(pngSize(png)).toEqual({ width: 640, height: 400 });
    expect(() => pngSize(Buffer.from('GIF89a........................'))).toThrow('not a PNG');
  });

  it('has one to five screenshots, each 1280×800', () => {
    const shots = images.filter((f) => f.startsWith('screenshot-'));
    expect(shots.length).toBeGreaterThanOrEqual(1);
    expect(shots.length).toBeLessThanOrEqual(5);
    for (const file of shots) expect(size(file), file).toEqual({ width: 1280, height: 800 });
  });

  it('has the small promo tile at 440×280', () => {
    expect(size('promo-tile-440x280.png')).toEqual({ width: 440, height: 280 });
  });

  it('has no other images, and the listing names every one', () => {
    expect(images.filter((f) => !f.startsWith('screenshot-') && f !== 'promo-tile-440x280.png')).toEqual([]);
    const listing = readFileSync(join(STORE, 'listing.md'), 'utf8');
    for (const file of images) expect(listing, file).toContain(file);
  });
});
