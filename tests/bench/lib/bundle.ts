/**
 * Bundles the in-page benchmark script (tests/bench/page/bench-page.ts) with esbuild: one IIFE that imports
 * the shipped content-script and glossary modules (the same source files the extension is built from).
 * Not minified, so CPU profiles name the real functions.
 *
 * The bundle defines `globalThis.__termlightBenchFactory`: each call runs every module's top level again and
 * returns a fresh copy of the bench API (so Termlight's defaultMatcher() singleton and its caches start empty),
 * without re-sending and re-parsing the source for every run.
 */
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ROOT } from '../../support/paths';

export const BENCH_ENTRY = resolve(ROOT, 'tests', 'bench', 'page', 'bench-page.ts');

/** Vite's `?raw` imports (the highlight rules' template, utils/page-styles/) as text, as the extension's build makes them. */
const rawAsText: Plugin = {
  name: 'raw-as-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (a) => ({ contents: await readFile(a.path, 'utf8'), loader: 'text' }));
  },
};

export async function bundleBenchPage(): Promise<string> {
  const result = await build({
    entryPoints: [BENCH_ENTRY],
    plugins: [rawAsText],
    bundle: true,
    format: 'iife',
    globalName: '__termlightBenchModule',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const iife = result.outputFiles[0]!.text;
  return `globalThis.__termlightBenchFactory = function () {\n${iife}\nreturn __termlightBenchModule;\n};\n`;
}
