/**
 * `npm run bench [-- CORPUS_DIR] [options]`: Termlight's full pass against a floor, a single RegExp, mark.js
 * and a naive Fuse.js scan, on every page of CORPUS/real-pages, the Markdown/HTML of CORPUS/medical and a
 * synthetic 5 MB page, in headless Debian Chromium. Prints a table, writes tests/bench/results/latest.json and
 * tests/bench/RESULTS.md. Targets are reported (PASS/MISS), never asserted: the exit code is non-zero only
 * when the bench itself cannot run.
 *
 * Options:
 *   --runs N           runs per page for floor, termlight and regex (default 5; 3 on the 5 MB page and on
 *                      pages whose first termlight pass takes over 60 ms)
 *   --mark-runs N      mark.js runs per page (default 3; 1 when a run takes over 200 ms)
 *   --mark-budget MS   mark.js stops after the keyword in progress at MS; capped pages are extrapolated (default 500)
 *   --fuse-budget MS   time budget of the naive Fuse.js scan per page (default 100)
 *   --only SUBSTR      only pages whose id contains SUBSTR (comma-separated list allowed); for development
 *   --no-markjs, --no-fuse, --no-extras   leave out an approach / the 5 MB extras (growth, long tasks, heap)
 *   --profile          also CPU-profile the termlight pass on the 5 MB page and the pages with the worst
 *                      termlight/floor and termlight/regex ratios, and print the top self-time functions
 *   --diagnose         also run diagnosis variants of the termlight pass (no painting, painting once at the end,
 *                      no spelling correction) and trace the main thread during one shipped pass on the 5 MB page
 *   --no-write         do not write latest.json / RESULTS.md (e.g. with --only)
 *   --render-only      measure nothing: print the table and rewrite RESULTS.md from results/latest.json
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { BASE_ARGS, EXTENSION_DIR, ROOT, assertChromium } from '../support/paths';
import { startBenchServer } from './lib/bench-server';
import { bundleBenchPage } from './lib/bundle';
import { CorpusError, loadCorpus, type BenchPage } from './lib/corpus';
import { moduleMap, summariseProfile, type CpuProfile } from './lib/profile';
import {
  renderMarkdown,
  renderText,
  summarise,
  summarisePage,
  type BenchResults,
  type BundleResult,
  type DiagnosisResult,
  type GrowthResult,
  type HeapResult,
  type LongTaskResult,
  type PageResult,
  type ProfileResult,
} from './lib/report';
import type { BenchApi, TermlightOptions } from './page/bench-page';
import { summariseTrace } from './lib/trace';

const BUNDLE_URL = 'termlight-bench.js';
const RESULTS_DIR = resolve(ROOT, 'tests', 'bench', 'results');
const RESULTS_MD = resolve(ROOT, 'tests', 'bench', 'RESULTS.md');
const CONTENT_JS = resolve(EXTENSION_DIR, 'content-scripts', 'content.js');
/** The content script's reader, which its first stage (content.js) loads in every frame worth reading. */
const READER_JS = resolve(EXTENSION_DIR, 'reader.js');
const GROWTH_SIZES = [1_000, 10_000];

declare global {
  // eslint-disable-next-line no-var
  var __termlightBenchFactory: () => { api: BenchApi };
  // eslint-disable-next-line no-var
  var __termlightBench: BenchApi;
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    'mark-runs': { type: 'string', default: '3' },
    'mark-budget': { type: 'string', default: '500' },
    'fuse-budget': { type: 'string', default: '100' },
    only: { type: 'string' },
    'no-markjs': { type: 'boolean', default: false },
    'no-fuse': { type: 'boolean', default: false },
    'no-extras': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    diagnose: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'render-only': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const MARK_RUNS = Math.max(1, Number(opts['mark-runs']));
const FUSE_BUDGET_MS = Math.max(10, Number(opts['fuse-budget']));
const MARK_BUDGET_MS = Math.max(10, Number(opts['mark-budget']));
/** mark.js runs after the first only when it took less than this. */
const MARK_REPEAT_BELOW_MS = 200;
/** Pages whose first termlight pass takes longer get 3 rounds instead of --runs. */
const SLOW_PAGE_MS = 60;

function log(msg: string) {
  process.stderr.write(msg + '\n');
}

async function main(): Promise<number> {
  if (opts['render-only']) return renderOnly();
  const started = Date.now();
  const corpusDir = resolve(positionals[0] ?? resolve(ROOT, '..', 'shared', 'corpora'));
  let corpus: ReturnType<typeof loadCorpus>;
  try {
    corpus = loadCorpus(corpusDir);
  } catch (e) {
    if (e instanceof CorpusError) {
      log(`bench: ${e.message}`);
      return 2;
    }
    throw e;
  }
  let pages = corpus.pages;
  if (opts.only) {
    const wanted = opts.only.split(',').map((s) => s.trim()).filter(Boolean);
    pages = pages.filter((p) => wanted.some((w) => p.id.includes(w)));
    if (pages.length === 0) {
      log(`bench: no page id contains ${opts.only}`);
      return 2;
    }
  }
  const executablePath = assertChromium();
  const bundleInfo = await measureBundle();

  log(`bench: bundling the in-page script (esbuild) …`);
  const bundle = (await bundleBenchPage()) + `\n//# sourceURL=${BUNDLE_URL}\n`;
  const moduleOf = moduleMap(bundle);

  const server = await startBenchServer(corpus.pages);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...BASE_ARGS, '--js-flags=--expose-gc'],
  });
  const results: BenchResults = {
    date: new Date().toISOString(),
    corpus: corpusDir,
    environment: {
      browser: `Chromium ${browser.version()}`,
      loadAverageAtStart: loadavg()[0],
      source: gitState(),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
    },
    settings: { runs: RUNS, markRuns: MARK_RUNS, markBudgetMs: MARK_BUDGET_MS, fuseBudgetMs: FUSE_BUDGET_MS, only: opts.only ?? null, growthSizes: GROWTH_SIZES },
    pages: [],
    largest: null,
    bundle: bundleInfo,
    profiles: [],
    diagnosis: [],
    durationSec: 0,
  };

  try {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    let blocked = 0;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url + '/')) return route.continue();
      blocked++;
      return route.abort('blockedbyclient');
    });
    // Pages that open windows get them closed at once.
    context.on('page', (p) => void p.opener().then((o) => (o ? p.close() : undefined)).catch(() => {}));
    const page = await context.newPage();
    page.on('dialog', (d) => void d.dismiss().catch(() => {}));
    const cdp = await context.newCDPSession(page);

    await loadPage(page, `${server.url}/${pages[0]!.id}`, bundle);
    const env = await page.evaluate(() => globalThis.__termlightBenchFactory().api.environment());
    Object.assign(results.environment, env);
    if (!env.crossOriginIsolated) log('bench: warning: pages are not cross-origin isolated; timer resolution is 100 µs');

    let i = 0;
    for (const p of pages) {
      i++;
      const t0 = Date.now();
      const r = await measurePage(page, server.url, p, bundle);
      results.pages.push(r);
      const s = r.error ? null : summarisePage(r);
      log(
        `[${String(i).padStart(3)}/${pages.length}] ${p.id.padEnd(60)} ` +
          (s
            ? `floor ${s.floorMs.toFixed(3)}  tl ${s.tlWallMs.toFixed(2)}  regex ${s.regexMs.toFixed(2)}  mark ${s.markMs?.toFixed(1) ?? '–'}  ` +
              `hits ${s.hits.termlight}/${s.hits.regex}/${s.hits.markjs ?? '–'}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`
            : `ERROR ${r.error}`),
      );
    }

    const largest = pages.find((p) => p.group === 'synthetic');
    if (largest && !opts['no-extras']) {
      log(`bench: ${largest.id}: glossary growth, long tasks, heap …`);
      results.largest = {
        page: largest.id,
        growth: await measureGrowth(page, `${server.url}/${largest.id}`, bundle),
        longTasks: await measureLongTasks(page, `${server.url}/${largest.id}`, bundle),
        heap: await measureHeap(page, cdp, `${server.url}/${largest.id}`, bundle),
      };
    }

    if (opts.profile) {
      const summaries = results.pages.filter((p) => !p.error).map(summarisePage);
      const picks = new Map<string, string>();
      if (largest) picks.set(largest.id, 'the largest page');
      const byFloor = [...summaries].sort((a, b) => b.tlOverFloor - a.tlOverFloor)[0];
      if (byFloor) picks.set(byFloor.id, [picks.get(byFloor.id), `worst termlight/floor, ${byFloor.tlOverFloor.toFixed(1)}×`].filter(Boolean).join('; '));
      const byRegex = [...summaries].sort((a, b) => b.tlOverRegex - a.tlOverRegex)[0];
      if (byRegex) picks.set(byRegex.id, [picks.get(byRegex.id), `worst termlight/regex, ${byRegex.tlOverRegex.toFixed(2)}×`].filter(Boolean).join('; '));
      const slowest = [...summaries].filter((s) => s.group !== 'synthetic').sort((a, b) => b.tlWallMs - a.tlWallMs)[0];
      if (slowest) picks.set(slowest.id, [picks.get(slowest.id), `slowest corpus page, ${slowest.tlWallMs.toFixed(1)} ms`].filter(Boolean).join('; '));
      for (const [id, reason] of picks) {
        log(`bench: CPU profile of the termlight pass on ${id} …`);
        results.profiles.push(await profileTermlight(page, cdp, `${server.url}/${id}`, id, reason, bundle, moduleOf));
      }
    }
    if (opts.diagnose) {
      const summaries = results.pages.filter((p) => !p.error && p.group !== 'synthetic').map(summarisePage);
      const targets = [
        ...(largest ? [largest.id] : []),
        ...summaries.sort((a, b) => b.tlWallMs - a.tlWallMs).slice(0, 1).map((x) => x.id),
        ...summaries.filter((x) => x.hits.termlight > 0).sort((a, b) => b.tlWallMs - a.tlWallMs).slice(0, 1).map((x) => x.id),
      ];
      for (const id of new Set(targets)) {
        log(`bench: diagnosis variants on ${id} …`);
        results.diagnosis.push(await diagnose(page, browser, `${server.url}/${id}`, id, bundle, id === largest?.id));
      }
    }
    log(`bench: ${blocked} requests to other hosts were blocked`);
    results.environment.blockedRequests = blocked;
    results.environment.loadAverageAtEnd = loadavg()[0];
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  results.durationSec = (Date.now() - started) / 1000;
  const summary = summarise(results);
  const text = renderText(results, summary);
  process.stdout.write(text + '\n');
  if (!opts['no-write']) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const json = resolve(RESULTS_DIR, 'latest.json');
    writeFileSync(json, JSON.stringify({ ...results, summary }, null, 1));
    writeResultsMd(renderMarkdown(results, summary));
    log(`bench: wrote ${relative(ROOT, json)} and ${relative(ROOT, RESULTS_MD)} (${results.durationSec.toFixed(0)} s)`);
  }
  return 0;
}

/** The extension bench's section (`npm run bench:extension`) and the notes after it, kept from the old file. */
const EXTENSION_SECTION = '<!-- bench:extension begin';

/** Writes this bench's part of RESULTS.md: everything before the extension bench's section. */
function writeResultsMd(markdown: string): void {
  const old = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '';
  const at = old.indexOf(EXTENSION_SECTION);
  writeFileSync(RESULTS_MD, at >= 0 ? `${markdown.replace(/\s*$/, '')}\n\n${old.slice(at)}` : markdown);
}

function renderOnly(): number {
  const json = resolve(RESULTS_DIR, 'latest.json');
  if (!existsSync(json)) {
    log(`bench: ${relative(ROOT, json)} not found: run \`npm run bench\` first`);
    return 2;
  }
  const results = JSON.parse(readFileSync(json, 'utf8')) as BenchResults;
  const summary = summarise(results);
  process.stdout.write(renderText(results, summary) + '\n');
  writeResultsMd(renderMarkdown(results, summary));
  log(`bench: rewrote ${relative(ROOT, RESULTS_MD)} from ${relative(ROOT, json)}`);
  return 0;
}

// ------------------------------------------------------------------------------------------------ page driving
async function loadPage(page: Page, url: string, bundle: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  const loadMs = Date.now() - t0;
  await page.evaluate(bundle);
  return loadMs;
}

type Approach = 'floor' | 'termlight' | 'regex' | 'markjs' | 'fuse' | 'breakdown';
type Result<K extends Approach> = Awaited<ReturnType<BenchApi[K]>>;

/**
 * One run: a fresh copy of the bench API (new module state), highlights cleared, a frame let pass, a GC
 * forced, then the approach; all in one round trip.
 */
async function run<K extends Approach>(page: Page, name: K, arg?: unknown): Promise<Result<K>> {
  return (await page.evaluate(
    async ({ name, arg }) => {
      const B = (globalThis.__termlightBench = globalThis.__termlightBenchFactory().api);
      B.clearHighlights();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      globalThis.gc?.();
      return (B[name] as (a?: unknown) => unknown)(arg);
    },
    { name, arg },
  )) as Result<K>;
}

/** A fresh copy of the bench API on globalThis.__termlightBench, a frame let pass, a GC forced. */
async function fresh(page: Page) {
  await page.evaluate(async () => {
    globalThis.__termlightBench = globalThis.__termlightBenchFactory().api;
    globalThis.__termlightBench.clearHighlights();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    globalThis.gc?.();
  });
}

async function withRetry<T>(what: () => Promise<T>, retries = 1): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await what();
    } catch (e) {
      if (attempt >= retries) throw e;
    }
  }
}

async function measurePage(page: Page, origin: string, p: BenchPage, bundle: string): Promise<PageResult> {
  const url = `${origin}/${p.id}`;
  const empty = (): Pick<PageResult, 'floor' | 'termlight' | 'regex'> => ({
    floor: { ms: [] },
    termlight: { constructMs: [], wallMs: [], busyMs: [], slices: [], maxSliceMs: [], highlights: 0, fuzzy: 0 },
    regex: { constructMs: [], ms: [], highlights: 0 },
  });
  const r: PageResult = { id: p.id, group: p.group, htmlBytes: p.html().length, loadMs: 0, textChars: 0, textNodes: 0, ...empty(), markjs: null, fuse: null };
  try {
    // A page whose own scripts navigate or replace it mid-run is loaded again once.
    await withRetry(async () => {
      Object.assign(r, empty());
      r.loadMs = await loadPage(page, url, bundle);
      // Slow pages (a termlight pass over SLOW_PAGE_MS) get 3 rounds, so the whole bench stays within minutes.
      let runs = p.group === 'synthetic' ? Math.min(RUNS, 3) : RUNS;
      const order = ['floor', 'termlight', 'regex'] as const;
      for (let round = 0; round < runs; round++) {
        if (round === 1 && (r.termlight.wallMs[0] ?? 0) > SLOW_PAGE_MS) runs = Math.min(runs, 3);
        for (let k = 0; k < order.length; k++) {
          const approach = order[(k + round) % order.length]!;
          if (approach === 'floor') {
            const f = await run(page, 'floor');
            r.floor.ms.push(f.ms);
            r.textChars = f.chars;
            r.textNodes = f.nodes;
          } else if (approach === 'termlight') {
            const t = await run(page, 'termlight');
            r.termlight.constructMs.push(t.constructMs);
            r.termlight.wallMs.push(t.wallMs);
            r.termlight.busyMs.push(t.busyMs);
            r.termlight.slices.push(t.slices);
            r.termlight.maxSliceMs.push(t.maxSliceMs);
            (r.termlight.definitionsWallMs ??= []).push(t.definitionsWallMs);
            (r.termlight.definitionsBusyMs ??= []).push(t.definitionsBusyMs);
            r.termlight.pageDefinitions = t.pageDefinitions;
            r.termlight.highlights = t.highlights;
            r.termlight.fuzzy = t.fuzzy;
          } else {
            const x = await run(page, 'regex');
            r.regex.constructMs.push(x.constructMs);
            r.regex.ms.push(x.ms);
            r.regex.highlights = x.highlights;
          }
        }
      }
    });

    if (!opts['no-fuse']) r.fuse = await withRetry(() => run(page, 'fuse', FUSE_BUDGET_MS));

    if (!opts['no-markjs']) {
      const mark: NonNullable<PageResult['markjs']> = { ms: [], highlights: 0, keywords: 0, totalKeywords: 0, capped: false };
      for (let i = 0; i < MARK_RUNS; i++) {
        const m = await withRetry(async () => {
          await loadPage(page, url, bundle); // mark.js changes the DOM: every run on a freshly loaded page
          return run(page, 'markjs', MARK_BUDGET_MS);
        });
        mark.ms.push(m.ms);
        Object.assign(mark, { highlights: m.highlights, keywords: m.keywords, totalKeywords: m.totalKeywords, capped: m.capped });
        if (m.capped || m.ms >= MARK_REPEAT_BELOW_MS) break;
      }
      r.markjs = mark;
    }
  } catch (e) {
    r.error = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
  }
  return r;
}

async function measureGrowth(page: Page, url: string, bundle: string): Promise<GrowthResult[]> {
  await loadPage(page, url, bundle);
  // 0 = the real glossary in a fresh matcher, built the same way as the grown ones: the shared matcher
  // has warm caches after the warm-up pass on this page (in Node, a fresh matcher of the same glossary
  // took twice as long over the lung PDQ page), so the ratio measured the caches, not the glossary's size.
  const sizes: number[] = [0, ...GROWTH_SIZES];
  const out = new Map<number, GrowthResult>();
  // One untimed pass first: the first pass on a page runs cold (JIT), which made whichever glossary
  // came first look slower and the ratios scatter between runs.
  await run(page, 'termlight', {});
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < sizes.length; k++) {
      const growTo = sizes[(k + round) % sizes.length]!;
      const t = await run(page, 'termlight', { growTo });
      const g = out.get(growTo) ?? { entries: t.entries, constructMs: [], wallMs: [], busyMs: [], highlights: 0, fuzzy: 0 };
      g.constructMs.push(t.constructMs);
      g.wallMs.push(t.wallMs);
      g.busyMs.push(t.busyMs);
      g.highlights = t.highlights;
      g.fuzzy = t.fuzzy;
      out.set(growTo, g);
    }
  }
  return sizes.map((s) => out.get(s)!);
}

/** The termlight pass started from a page task, with long tasks and long animation frames observed. */
async function observedPass(page: Page, options: TermlightOptions = {}) {
  await fresh(page);
  return page.evaluate(async (options) => {
    const B = globalThis.__termlightBench;
    const observer = B.observeLongTasks();
    // Check that the observer works: an 80 ms task started by the page (not by DevTools) must be reported.
    await new Promise<void>((done) => setTimeout(() => (B.busyWait(80), done()), 0));
    await new Promise((done) => setTimeout(done, 50));
    const passStart = performance.now();
    // As in the content script: the matcher is built and the pass starts in one page task.
    const result = await new Promise<Awaited<ReturnType<BenchApi['termlight']>>>((done) => setTimeout(() => done(B.termlight(options)), 0));
    const passEnd = performance.now();
    const { tasks, frames } = await observer.stop();
    return { result, passStart, passEnd, tasks, frames };
  }, options);
}

async function measureLongTasks(page: Page, url: string, bundle: string): Promise<LongTaskResult> {
  await loadPage(page, url, bundle);
  const r = await observedPass(page);
  const check = r.tasks.filter((t) => t.start < r.passStart);
  const during = r.tasks.filter((t) => t.start >= r.passStart && t.start <= r.passEnd);
  return {
    verified: check.some((t) => t.duration >= 75),
    verificationTaskMs: check.length ? Math.max(...check.map((t) => t.duration)) : null,
    passWallMs: r.result.wallMs,
    constructMs: r.result.constructMs,
    maxSliceMs: r.result.maxSliceMs,
    slices: r.result.slices,
    tasks: during.map((t) => t.duration),
    frames: r.frames
      .filter((f) => f.start >= r.passStart && f.start <= r.passEnd)
      .map((f) => ({ duration: f.duration, blockingDuration: f.blockingDuration, renderMs: f.renderMs })),
  };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function measureHeap(page: Page, cdp: CDPSession, url: string, bundle: string): Promise<HeapResult> {
  await loadPage(page, url, bundle);
  await fresh(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heapUsed(cdp);
  await page.evaluate(() => globalThis.__termlightBench.termlight({ keep: true }).then(() => undefined));
  const afterNoGc = await heapUsed(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await heapUsed(cdp);
  await page.evaluate(() => void delete (globalThis as Record<string, unknown>).__termlightKept);
  await cdp.send('HeapProfiler.disable');
  await cdp.send('Performance.disable');
  return { beforeBytes: before, afterNoGcBytes: afterNoGc, afterGcBytes: after, growthBytes: after - before, peakGrowthBytes: afterNoGc - before };
}

async function profileTermlight(
  page: Page,
  cdp: CDPSession,
  url: string,
  id: string,
  reason: string,
  bundle: string,
  moduleOf: (line: number) => string,
): Promise<ProfileResult> {
  await loadPage(page, url, bundle);
  await fresh(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate(() => globalThis.__termlightBench.termlight());
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  const s = summariseProfile(profile, BUNDLE_URL, moduleOf, 20);
  return { page: id, reason, wallMs: t.wallMs, sampledMs: s.totalMs, busyMs: s.busyMs, top: s.rows, byModule: s.byModule };
}

const VARIANTS: Array<{ name: string; options: TermlightOptions }> = [
  { name: 'shipped', options: {} },
  { name: 'no painting (index only)', options: { layer: 'none' } },
  { name: 'painted once, at the end', options: { layer: 'at-end' } },
  { name: 'no spelling correction', options: { fuzzy: false } },
  { name: 'no page definitions', options: { definitions: false } },
  { name: 'no correction, no painting', options: { fuzzy: false, layer: 'none' } },
];

/** Diagnosis: the shipped pass against variants that leave out painting or spelling correction; a trace. */
async function diagnose(page: Page, browser: Browser, url: string, id: string, bundle: string, trace: boolean): Promise<DiagnosisResult> {
  await loadPage(page, url, bundle);
  const rows = new Map<string, DiagnosisResult['variants'][number]>();
  await observedPass(page); // warm-up (discarded): the first pass on a page runs with a cold JIT
  const rounds = trace ? 2 : 3; // the 5 MB page: 2 rounds (each shipped pass takes seconds)
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < VARIANTS.length; k++) {
      const v = VARIANTS[(k + round) % VARIANTS.length]!;
      const r = await observedPass(page, v.options);
      const row = rows.get(v.name) ?? { name: v.name, wallMs: [], busyMs: [], maxSliceMs: [], longestTaskMs: [], longestFrameMs: [], renderMs: [], highlights: 0 };
      row.wallMs.push(r.result.wallMs);
      row.busyMs.push(r.result.busyMs);
      row.maxSliceMs.push(r.result.maxSliceMs);
      const during = (x: { start: number }) => x.start >= r.passStart && x.start <= r.passEnd;
      row.longestTaskMs.push(Math.max(0, ...r.tasks.filter(during).map((t) => t.duration)));
      row.longestFrameMs.push(Math.max(0, ...r.frames.filter(during).map((f) => f.duration)));
      row.renderMs.push(r.frames.filter(during).reduce((s, f) => s + f.renderMs, 0));
      row.highlights = r.result.highlights;
      rows.set(v.name, row);
    }
  }
  const stages = await run(page, 'breakdown');
  let traceSummary: DiagnosisResult['trace'] = null;
  if (trace) {
    await loadPage(page, url, bundle);
    await fresh(page);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
    const t = await page.evaluate(() => globalThis.__termlightBench.termlight());
    const buf = await browser.stopTracing();
    const s = summariseTrace(buf);
    traceSummary = { passWallMs: t.wallMs, busyMs: s.busyMs, windowMs: s.windowMs, top: s.rows.slice(0, 15) };
  }
  return { page: id, variants: VARIANTS.map((v) => rows.get(v.name)!), stages, trace: traceSummary };
}

/** The commit the measured source is on, and whether the work tree has changes on top of it. */
function gitState(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

// ------------------------------------------------------------------------------------------------ bundle size
async function measureBundle(): Promise<BundleResult | null> {
  // A build in progress (e.g. `npm test`) deletes .output first: give it a moment before building ourselves.
  for (let i = 0; i < 30 && !existsSync(CONTENT_JS); i++) await new Promise((r) => setTimeout(r, 1000));
  if (!existsSync(CONTENT_JS)) {
    log('bench: the content script is not built: running `npx wxt build` …');
    try {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      log('bench: `npx wxt build` failed: bundle size not measured');
      return null;
    }
  }
  const buf = readFileSync(CONTENT_JS);
  const reader = existsSync(READER_JS) ? readFileSync(READER_JS) : null;
  return {
    file: relative(ROOT, CONTENT_JS),
    bytes: buf.length,
    gzipBytes: gzipSync(buf).length,
    gzip9Bytes: gzipSync(buf, { level: 9 }).length,
    builtAt: statSync(CONTENT_JS).mtime.toISOString(),
    ...(reader ? { readerFile: relative(ROOT, READER_JS), readerBytes: reader.length, readerGzipBytes: gzipSync(reader).length } : {}),
  };
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
