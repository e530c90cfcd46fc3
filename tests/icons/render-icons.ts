/**
 * Renders tests/icons/icon.svg to public/icon/<size>.png (the sizes WXT puts in the
 * manifest) with Debian Chromium, so the PNGs are reproducible from one source. Not part
 * of the build or CI: the PNGs are committed. Run after changing the SVG:
 *
 *   npx tsx tests/icons/render-icons.ts
 *
 * The toolbar sizes (16, 32) crop the transparent margin, so the tile fills the space it
 * has; the larger sizes keep it, as store listings and the extensions page expect.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, assertChromium } from '../support/paths';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const SOURCE = resolve(ROOT, 'tests', 'icons', 'icon.svg');
const OUT_DIR = resolve(ROOT, 'public', 'icon');

/** The part of the 128-unit drawing shown at each size. */
function viewBoxFor(size: number): string {
  return size <= 32 ? '8 8 112 112' : '0 0 128 128';
}

async function main() {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: assertChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of ICON_SIZES) {
      const sized = svg
        .replace(/viewBox="[^"]*"/, `viewBox="${viewBoxFor(size)}"`)
        .replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(resolve(OUT_DIR, `${size}.png`), png);
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

void main();
