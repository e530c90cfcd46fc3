/**
 * Bundles the in-page benchmark script (tests/bench/page/bench-page.ts) with esbuild: one IIFE that imports
 * the shipped content-script and glossary modules (the same source files the extension is built from).
 * Not minified, so CPU profiles name the real functions.
 *
 * The bundle defines `globalThis.__termlightBenchFactory`: each call runs every module's top level again and
 * returns a fresh copy of the bench API (so Termlight's defaultMatcher() singleton and its caches start empty),
 * without re-sending and re-parsing the source for every run.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { ROOT } from '../../support/paths';

export const BENCH_ENTRY = resolve(ROOT, 'tests', 'bench', 'page', 'bench-page.ts');

export async function bundleBenchPage(): Promise<string> {
  const result = await build({
    entryPoints: [BENCH_ENTRY],
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
