/**
 * How long the browser takes to load the content script's reader, alone, for two builds:
 * `npx tsx tests/bench/extension/reader-load.ts NEW_BUILD_DIR BASELINE_BUILD_DIR [ROUNDS]`.
 * Both builds' reader.js are put in one copy of the new build (the baseline's as reader-base.js) and
 * imported in turn from one of its extension pages, with a fresh URL each time (no module cache),
 * ROUNDS times each (default 20), the order alternating: fetching the file from the extension, decoding,
 * parsing and running its top level, on the same machine at the same moments. The page-load bench
 * (run.ts) times the whole way to the first highlight, where a few tens of milliseconds drown in the
 * scatter of a shared machine; this isolates the part that the reader's size decides.
 * Also times reader-names.js (the glossary's names, loaded after the reader) when the build has it.
 */
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BASE_ARGS, assertChromium } from '../../support/paths';

const [newDir, baseDir, roundsArg] = process.argv.slice(2);
if (!newDir || !baseDir) {
  process.stderr.write('usage: tsx tests/bench/extension/reader-load.ts NEW_BUILD_DIR BASELINE_BUILD_DIR [ROUNDS]\n');
  process.exit(2);
}
const rounds = Math.max(1, Number(roundsArg ?? 20) || 20);
const ext = mkdtempSync(join(tmpdir(), 'termlight-reader-load-ext-'));
const profile = mkdtempSync(join(tmpdir(), 'termlight-reader-load-profile-'));
cpSync(resolve(newDir), ext, { recursive: true });
cpSync(join(resolve(baseDir), 'reader.js'), join(ext, 'reader-base.js'));
const files = ['reader-base.js', 'reader.js', ...(existsSync(join(ext, 'reader-names.js')) ? ['reader-names.js'] : [])];

try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: assertChromium(),
    headless: true,
    args: [...BASE_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/privacy-policy.html`);
  const before = loadavg()[0]!;
  const times = await page.evaluate(
    async ({ n, names }) => {
      const out: Record<string, number[]> = Object.fromEntries(names.map((f) => [f, []]));
      for (let i = 0; i < n; i++) {
        for (const f of i % 2 ? [...names].reverse() : names) {
          await new Promise((r) => setTimeout(r, 50));
          const t = performance.now();
          await import(new URL(`/${f}?round=${i}`, location.href).href);
          out[f]!.push(performance.now() - t);
        }
      }
      return out;
    },
    { n: rounds, names: files },
  );
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
  for (const [f, xs] of Object.entries(times)) {
    const label = f === 'reader-base.js' ? 'baseline reader.js' : f;
    console.log(`${label.padEnd(20)} median ${at(xs, 0.5).toFixed(1)} ms  (p25 ${at(xs, 0.25).toFixed(1)}, p75 ${at(xs, 0.75).toFixed(1)}, n=${xs.length})`);
  }
  console.log(`load average ${before.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  await context.close();
} finally {
  rmSync(ext, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
