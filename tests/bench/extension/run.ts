/**
 * `npm run bench:extension [-- CORPUS_DIR] [options]`: what the shipped extension costs real page loads.
 * Every page is loaded in headless Debian Chromium three ways, each in its own persistent profile: with no
 * extension, with Termlight (.output/chrome-mv3, rebuilt first) and with a reference extension the bench
 * writes itself (reference.ts: one alternation RegExp of the glossary's aliases over a TreeWalker, one
 * Highlight). Each load is traced (CDP Tracing, V8 sampling included) from navigation until the page has
 * settled; analyse.ts turns the trace into main-thread time by kind, the extension's tasks, the first
 * highlight in the viewport after the content script started, and long animation frames.
 * Rounds are interleaved (termlight and reference alternate first; "none" comes last in each round and runs
 * at least as long as the longer of the two, so each extension's load is compared with the same stretch of
 * the same page without it). Medians per page, geometric means per group; ratios within this run.
 * Targets are reported (PASS/MISS), never asserted: the exit code is non-zero only when the bench cannot run.
 *
 * Options:
 *   --rounds N         loads per page and variant (default 3)
 *   --only SUBSTR      only pages whose id contains SUBSTR (comma-separated list allowed)
 *   --groups LIST      real,medical,synthetic,fixture (default all)
 *   --real-sample N    only N of the real pages, spread evenly over them by HTML size (the full corpus at
 *                      3 rounds takes about an hour on a busy 2-core machine)
 *   --every-node N     text nodes of the every-node page (default 20000)
 *   --no-storm         leave out the 10 s mutation storm
 *   --no-build         measure the existing .output/chrome-mv3 instead of running `npx wxt build` first
 *   --no-write         do not write tests/bench/results/extension-latest.json or the RESULTS.md section
 *   --render-only      measure nothing: re-render from tests/bench/results/extension-latest.json
 *   --baseline DIR     also load every page with another build of Termlight (an unpacked extension folder, e.g. a
 *                      copy of .output/chrome-mv3 from before a change), interleaved in the same rounds, and print
 *                      before → after (first viewport highlight, added main thread, extension tasks) at the end;
 *                      stored as `baseline` in the results JSON. The report's tables stay Termlight's.
 * Environment: BENCH_TRACE_DIR=DIR keeps every load's trace there (first-stage-cost.ts reads them);
 * BENCH_EXTRA_CATEGORIES=a,b adds trace categories; BENCH_DEBUG=1 logs each load's steps.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BASE_ARGS, EXTENSION_DIR, ROOT, assertChromium } from '../../support/paths';
import { CorpusError, loadCorpus, type BenchPage } from '../lib/corpus';
import { analyseLoad, LOAFS_EVENT, type LoadAnalysis, type LoafEntry, type TraceEvent } from './analyse';
import { EVERY_NODE_COUNT_DEFAULT, PROBE_SOURCE, STORM_SECONDS, fixturePages, writeReferenceExtension } from './reference';
import { renderMarkdownSection, renderText, summarise, writeResultsSection, type ExtBenchResults, type LoadRecord, type StormRecord, type Variant } from './report';
import { startPageServer } from './server';
import { closeWelcomeTabs } from '../../support/welcome-tab';

const RESULTS_JSON = resolve(ROOT, 'tests', 'bench', 'results', 'extension-latest.json');
const RESULTS_MD = resolve(ROOT, 'tests', 'bench', 'RESULTS.md');
const CATEGORIES = [
  'devtools.timeline',
  'toplevel',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  // The browser's page-text capture (analyse.ts, BROWSER_OWN): a handful of events a load.
  'renderer',
  // More for a closer look at the traces BENCH_TRACE_DIR keeps (e.g. `v8,disabled-by-default-v8.compile`: V8's
  // parse and lazy-compile events). They cost tracing overhead in every load: leave them out of figures you report.
  ...(process.env.BENCH_EXTRA_CATEGORIES?.split(',').filter(Boolean) ?? []),
].join(',');
/** Settling: highlights unchanged this long and the main thread idle (timers on time); for Termlight also no read in flight (settleLoad). */
const QUIET_MS = 500;
/** An extension variant waits this long after load for a first highlight to be registered. */
const START_MS = 1000;
const MAX_LOAD_MS = 180_000;

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
    groups: { type: 'string', default: 'real,medical,synthetic,fixture' },
    'every-node': { type: 'string', default: String(EVERY_NODE_COUNT_DEFAULT) },
    'real-sample': { type: 'string' },
    'no-storm': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'render-only': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const ROUNDS = Math.max(1, Number(opts.rounds) || 3);

function log(msg: string) {
  process.stderr.write(msg + '\n');
}

export const groupOf = (p: BenchPage) => (p.id.startsWith('fixture/') ? 'fixture' : p.group);

interface Runner {
  variant: Variant | 'baseline';
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  profile: string;
}

async function launch(variant: Runner['variant'], executablePath: string, extensionDir: string | null): Promise<Runner> {
  const profile = mkdtempSync(join(tmpdir(), `termlight-bench-${variant}-`));
  const args = [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...BASE_ARGS,
    // Real pages ask for fonts, ads and trackers: every host but the bench server fails at once, in every variant.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  closeWelcomeTabs(context);
  await context.addInitScript({ content: PROBE_SOURCE });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => void d.dismiss().catch(() => {}));
  // Pages that open windows get them closed at once.
  context.on('page', (p) => void (p !== page ? p.close().catch(() => {}) : undefined));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { variant, context, page, cdp, profile };
}

async function traced<T>(r: Runner, during: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: unknown[] }) => void events.push(...(value as TraceEvent[]));
  r.cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((done) => r.cdp.once('Tracing.tracingComplete', () => done()));
  await r.cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await during();
  } finally {
    await r.cdp.send('Tracing.end').catch(() => {});
    await complete;
    r.cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

interface Settled {
  endMs: number;
  highlights: number;
  registered: number;
}

/** Waits in the page until it has settled (see QUIET_MS); never ends before page time `minMs`. */
function settle(page: Page, o: { minMs: number; needHighlight: boolean }): Promise<Settled> {
  const fn = `(async (o) => {
    const total = () => { let n = 0; for (const h of CSS.highlights.values()) n += h.size; return n; };
    // Idle = two 50 ms timers in a row fire less than 10 ms late (idle callbacks would not do: the probe's
    // 5 ms timer shortens every idle period).
    const late = () => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t - 50), 50); });
    const idle = async () => (await late()) < 10 && (await late()) < 10;
    let last = total();
    let since = performance.now();
    const startBy = since + o.startMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = performance.now();
      const t = total();
      if (t !== last) { last = t; since = now; }
      if (now > o.maxMs) break;
      if (now < o.minMs) continue;
      if (o.needHighlight && CSS.highlights.size === 0 && now < startBy) continue;
      if (now - since < o.quietMs) continue;
      if (await idle()) break;
    }
    return { endMs: performance.now(), highlights: last, registered: CSS.highlights.size };
  })(${JSON.stringify({ ...o, quietMs: QUIET_MS, startMs: START_MS, maxMs: MAX_LOAD_MS })})`;
  return page.evaluate(fn) as Promise<Settled>;
}

/**
 * Reads of the page Termlight still has in flight in the top frame (entrypoints/content/scan/reading-for-tests.ts),
 * from the content scripts' isolated world, which page scripts (and the probe) cannot see: null when that world
 * or the count is not there (no extension, the reference, a frame that loaded no reader, or a build from before
 * the count). Runtime is enabled only for the question (it reports every context at once), so the load itself
 * is traced without it.
 */
async function readingInExtension(r: Runner): Promise<number | null> {
  const { frameTree } = (await r.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const contexts: number[] = [];
  const onContext = ({ context }: { context: { id: number; origin: string; auxData?: { frameId?: string; type?: string } } }) => {
    if (context.auxData?.frameId === frameTree.frame.id && context.auxData.type === 'isolated' && context.origin.startsWith('chrome-extension://')) contexts.push(context.id);
  };
  r.cdp.on('Runtime.executionContextCreated', onContext);
  try {
    await r.cdp.send('Runtime.enable');
    for (const contextId of contexts) {
      const { result } = (await r.cdp.send('Runtime.evaluate', { expression: 'globalThis.readingForTests', contextId, returnByValue: true })) as { result: { value?: unknown } };
      if (typeof result.value === 'number') return result.value;
    }
    return null;
  } finally {
    r.cdp.off('Runtime.executionContextCreated', onContext);
    await r.cdp.send('Runtime.disable').catch(() => {});
  }
}

/**
 * settle(), and for a build that counts its reads, also until that count is zero: a sliced scan that registers
 * nothing for a while looked settled to the highlight rule alone (session 9: 377 of 877 highlights on the 5 MB
 * page). Builds without the count settle by the highlight rule alone, as before.
 */
async function settleLoad(r: Runner, o: { minMs: number; needHighlight: boolean }): Promise<Settled> {
  let settled = await settle(r.page, o);
  if (r.variant !== 'termlight' && r.variant !== 'baseline') return settled;
  let waited = false;
  const giveUp = Date.now() + MAX_LOAD_MS;
  for (;;) {
    const reading = await readingInExtension(r).catch(() => null);
    if (!reading || Date.now() > giveUp) break;
    waited = true;
    await r.page.waitForTimeout(250);
  }
  // Marks painted after the last read ended (animation frames, the held layer) still count.
  if (waited) settled = await settle(r.page, { ...o, minMs: 0 });
  return settled;
}

async function memory(r: Runner): Promise<{ heapBytes: number; nodes: number }> {
  try {
    await r.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await r.cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    return { heapBytes: m.get('JSHeapUsedSize') ?? NaN, nodes: m.get('Nodes') ?? NaN };
  } catch {
    return { heapBytes: NaN, nodes: NaN };
  }
}

interface RawLoad {
  events: TraceEvent[];
  loafs: LoafEntry[];
  settled: Settled;
  loadMs: number;
  memory: { heapBytes: number; nodes: number };
}

async function loadOnce(r: Runner, url: string, minMs: number): Promise<RawLoad> {
  const dbg = process.env.BENCH_DEBUG ? (m: string) => log(`  [${r.variant}] ${m}`) : () => {};
  dbg('about:blank');
  await r.page.goto('about:blank');
  const t0 = Date.now();
  dbg('tracing ' + url);
  let loadMs = 0;
  const { result: settled, events } = await traced(r, async () => {
    await r.page.goto(url, { waitUntil: 'load', timeout: MAX_LOAD_MS });
    loadMs = Date.now() - t0;
    dbg(`loaded in ${loadMs} ms`);
    return settleLoad(r, { minMs, needHighlight: r.variant !== 'none' });
  });
  dbg(`traced, ${events.length} events`);
  const loafs = (await r.page.evaluate('(window.__tlbench && window.__tlbench.loafs) || []')) as LoafEntry[];
  // The probe's long animation frames go with the kept trace, as a metadata event the trace tools may read.
  if (process.env.BENCH_TRACE_DIR) {
    const kept = [...events, { name: LOAFS_EVENT, ph: 'M', ts: 0, pid: 0, tid: 0, args: { data: { loafs } } }];
    writeFileSync(join(process.env.BENCH_TRACE_DIR, `${r.variant}-${Date.now()}.json`), JSON.stringify(kept));
  }
  const mem = await memory(r);
  return { events, loafs, settled, loadMs, memory: mem };
}

function record(raw: RawLoad, a: LoadAnalysis): LoadRecord {
  return {
    busyMs: a.busyMs,
    byKind: a.byKind,
    extTasks: a.extTasks,
    extTaskMs: a.extTaskMs,
    extLongestTaskMs: a.extLongestTaskMs,
    extLongestTaskWithBrowserMs: a.extLongestTaskWithBrowserMs,
    extBrowserMs: a.extBrowserMs,
    extLongestTaskCpuMs: a.extLongestTaskCpuMs,
    extJsMs: a.extJsMs,
    extByKind: a.extByKind,
    firstViewportHlMs: a.firstViewportHlMs,
    loafs: a.loafs,
    extLoafs: a.extLoafs,
    extLongestLoafMs: a.extLongestLoafMs,
    extCausedLoafs: a.extCausedLoafs,
    extCausedLongestLoafMs: a.extCausedLongestLoafMs,
    windowMs: raw.settled.endMs,
    highlights: raw.settled.highlights,
    loadMs: raw.loadMs,
    heapBytes: raw.memory.heapBytes,
    nodes: raw.memory.nodes,
    extFunctions: a.extFunctions,
  };
}

type StormRun = Omit<StormRecord, 'variant'> & { variant: Runner['variant'] };

async function runStorm(runners: Runner[], url: string): Promise<StormRun[]> {
  const out: StormRun[] = [];
  for (const r of runners) {
    await r.page.goto(url, { waitUntil: 'load' });
    await settleLoad(r, { minMs: 0, needHighlight: r.variant !== 'none' });
    await r.page.evaluate(`(window.__tlbench.loafs = [])`);
    const { result, events } = await traced(r, async () => {
      // Inside the trace: the analysis takes the page's main thread and its time origin from this mark.
      await r.page.evaluate(`performance.mark('tlbench-origin')`);
      const res = (await r.page.evaluate('window.storm.run()')) as { mutations: number; seconds: number };
      await r.page.waitForTimeout(1000);
      return res;
    });
    const loafs = (await r.page.evaluate('window.__tlbench.loafs')) as LoafEntry[];
    if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `storm-${r.variant}-${Date.now()}.json`), JSON.stringify([...events, { name: LOAFS_EVENT, ph: 'M', ts: 0, pid: 0, tid: 0, args: { data: { loafs } } }]));
    const a = analyseLoad(events, loafs);
    // Scrolled into view first (after the trace): Termlight paints far-off terms as the reader nears them.
    await r.page.evaluate(`document.getElementById('final')?.scrollIntoView({ block: 'center', behavior: 'instant' })`);
    await r.page.waitForTimeout(200);
    const caughtUp = (await r.page.evaluate(
      `(() => { const f = document.getElementById('final'); if (!f) return false; for (const h of CSS.highlights.values()) for (const x of h) if (f.contains(x.startContainer)) return true; return false; })()`,
    )) as boolean;
    out.push({
      variant: r.variant,
      mutations: result.mutations,
      seconds: result.seconds,
      busyMs: a.busyMs,
      byKind: a.byKind,
      extTasks: a.extTasks,
      extTaskMs: a.extTaskMs,
      extLongestTaskMs: a.extLongestTaskMs,
      extJsMs: a.extJsMs,
      loafs: a.loafs,
      extLoafs: a.extLoafs,
      extLongestLoafMs: a.extLongestLoafMs,
      extCausedLoafs: a.extCausedLoafs,
      extCausedLongestLoafMs: a.extCausedLongestLoafMs,
      caughtUp,
      extFunctions: a.extFunctions,
    });
    log(`  storm ${r.variant.padEnd(9)} busy ${a.busyMs.toFixed(0)} ms, ext tasks ${a.extTaskMs.toFixed(0)} ms in ${a.extTasks} (longest ${a.extLongestTaskMs.toFixed(1)}), LoAF>50 ${a.loafs} (${a.extLoafs} with ext code, ${a.extCausedLoafs} caused by it), caught up ${caughtUp}`);
  }
  return out;
}

function gitState(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** A load of the baseline build, with its added main-thread time and Termlight's in the same round. */
interface BaselineLoad extends LoadRecord {
  addedMs: number;
  termlightAddedMs: number;
}

interface BaselineResults {
  dir: string;
  /** The baseline build's mutation storm (Termlight's is results.storm). */
  storm?: StormRun;
  pages: Array<{ id: string; group: string; termlight: LoadRecord[]; baseline: BaselineLoad[] }>;
}

let baselineOut: BaselineResults | null = null;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const geo = (xs: number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(Math.max(1, x)), 0) / Math.max(1, xs.length));

/** Before (baseline build) → after (this build), from the same interleaved rounds. */
function renderBaseline(b: BaselineResults, storm: StormRecord[] | null): string {
  const lines = [`Baseline (${b.dir}) → this build, same rounds (medians per page; groups: geometric means, added floored at 1 ms):`];
  const hlB: number[] = [];
  const hlT: number[] = [];
  const groups = new Map<string, { b: number[]; t: number[]; extB: number[]; extT: number[] }>();
  for (const p of b.pages) {
    if (p.baseline.length === 0) continue;
    const fb = median(p.baseline.map((l) => l.firstViewportHlMs).filter((x): x is number => x !== null));
    const ft = median(p.termlight.map((l) => l.firstViewportHlMs).filter((x): x is number => x !== null));
    if (p.group !== 'fixture' && Number.isFinite(fb) && Number.isFinite(ft)) {
      hlB.push(fb);
      hlT.push(ft);
    }
    const g = groups.get(p.group) ?? { b: [], t: [], extB: [], extT: [] };
    g.b.push(median(p.baseline.map((l) => l.addedMs)));
    g.t.push(median(p.baseline.map((l) => l.termlightAddedMs)));
    g.extB.push(median(p.baseline.map((l) => l.extTaskMs)));
    g.extT.push(median(p.termlight.map((l) => l.extTaskMs)));
    groups.set(p.group, g);
    // The longest extension task (median of loads; with the browser's page-text capture counted, and the most CPU
    // time of one task, in brackets) and the long animation frames caused by the extension's code (most in one
    // load), as the report's targets read them.
    const longest = (ls: LoadRecord[]) =>
      `${median(ls.map((l) => l.extLongestTaskMs)).toFixed(0)} (${median(ls.map((l) => l.extLongestTaskWithBrowserMs ?? l.extLongestTaskMs)).toFixed(0)}; cpu ${median(ls.map((l) => l.extLongestTaskCpuMs ?? NaN)).toFixed(0)})`;
    const caused = (ls: LoadRecord[]) => String(Math.max(0, ...ls.map((l) => l.extCausedLoafs ?? l.extLoafs)));
    lines.push(
      `  ${p.id.padEnd(60)} 1st hl ${fb.toFixed(0).padStart(5)} → ${ft.toFixed(0).padStart(5)} ms   added ${g.b.at(-1)!.toFixed(0).padStart(6)} → ${g.t.at(-1)!.toFixed(0).padStart(6)} ms   ext tasks ${g.extB.at(-1)!.toFixed(0).padStart(6)} → ${g.extT.at(-1)!.toFixed(0).padStart(6)} ms` +
        `   longest task ${longest(p.baseline).padStart(17)} → ${longest(p.termlight).padStart(17)} ms   LoAF caused ${caused(p.baseline)} → ${caused(p.termlight)}`,
    );
  }
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
  lines.push(`  first viewport highlight, corpus pages with one in both: median ${median(hlB).toFixed(0)} → ${median(hlT).toFixed(0)} ms, worst ${max(hlB).toFixed(0)} → ${max(hlT).toFixed(0)} ms (${hlT.length} pages)`);
  for (const [group, g] of groups) {
    lines.push(`  ${group.padEnd(9)} added main thread ${geo(g.b).toFixed(1)} → ${geo(g.t).toFixed(1)} ms (geo), extension tasks ${geo(g.extB).toFixed(1)} → ${geo(g.extT).toFixed(1)} ms (geo)`);
  }
  const sb = b.storm;
  const st = storm?.find((s) => s.variant === 'termlight');
  if (sb && st) {
    const f = (s: StormRun) => `busy ${s.busyMs.toFixed(0)} ms, ext tasks ${s.extTaskMs.toFixed(0)} ms (longest ${s.extLongestTaskMs.toFixed(0)}), LoAF>50 with its code ${s.extLoafs} (longest ${s.extLongestLoafMs.toFixed(0)}; ${s.extCausedLoafs} caused by it), caught up ${s.caughtUp}`;
    lines.push(`  storm     ${f(sb)}`, `        →   ${f(st)}`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  if (opts['render-only']) {
    if (!existsSync(RESULTS_JSON)) {
      log(`bench:extension: ${relative(ROOT, RESULTS_JSON)} not found: run \`npm run bench:extension\` first`);
      return 2;
    }
    const results = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as ExtBenchResults;
    const summary = summarise(results);
    process.stdout.write(renderText(results, summary) + '\n');
    if (!opts['no-write']) writeResultsSection(RESULTS_MD, renderMarkdownSection(results, summary));
    return 0;
  }
  const started = Date.now();
  const corpusDir = resolve(positionals[0] ?? resolve(ROOT, '..', 'shared', 'corpora'));
  let corpusPages: BenchPage[];
  try {
    corpusPages = loadCorpus(corpusDir).pages;
  } catch (e) {
    if (e instanceof CorpusError) {
      log(`bench:extension: ${e.message.replace('npm run bench', 'npm run bench:extension')}`);
      return 2;
    }
    throw e;
  }
  const everyNode = Math.max(10, Number(opts['every-node']) || EVERY_NODE_COUNT_DEFAULT);
  const fixtures = fixturePages(everyNode);
  const stormPage = fixtures.find((p) => p.id.includes('mutation-storm'))!;
  const groups = new Set(opts.groups.split(',').map((s) => s.trim()).filter(Boolean));
  let pages = [...fixtures.filter((p) => p !== stormPage), ...corpusPages].filter((p) => groups.has(groupOf(p)));
  if (opts['real-sample']) {
    const n = Math.max(1, Number(opts['real-sample']) || 1);
    const real = pages.filter((p) => groupOf(p) === 'real').sort((a, b) => a.html().length - b.html().length);
    const keep = new Set(real.length <= n ? real : Array.from({ length: n }, (_, k) => real[Math.round((k * (real.length - 1)) / Math.max(1, n - 1))]!));
    pages = pages.filter((p) => groupOf(p) !== 'real' || keep.has(p));
  }
  if (opts.only) {
    const wanted = opts.only.split(',').map((s) => s.trim()).filter(Boolean);
    pages = pages.filter((p) => wanted.some((w) => p.id.includes(w)));
  }
  const withStorm = !opts['no-storm'] && groups.has('fixture') && (!opts.only || opts.only.split(',').some((w) => stormPage.id.includes(w.trim())));
  if (pages.length === 0 && !withStorm) {
    log('bench:extension: no pages selected');
    return 2;
  }
  const executablePath = assertChromium();

  if (!opts['no-build']) {
    log('bench:extension: building Termlight (`npx wxt build`) …');
    try {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      log('bench:extension: `npx wxt build` failed');
      return 2;
    }
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    log(`bench:extension: Termlight is not built (${relative(ROOT, EXTENSION_DIR)}/manifest.json missing)`);
    return 2;
  }
  const ref = writeReferenceExtension();
  log(`bench:extension: reference extension with ${ref.aliases} aliases in ${ref.dir}`);
  const server = await startPageServer([...pages, stormPage]);

  const runners: Runner[] = [];
  const results: ExtBenchResults = {
    date: new Date().toISOString(),
    corpus: corpusDir,
    environment: {
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
      loadAverageAtStart: loadavg()[0],
      source: gitState(),
      referenceAliases: ref.aliases,
    },
    settings: { rounds: ROUNDS, baseline: opts.baseline ? resolve(opts.baseline) : null, only: opts.only ?? null, realSample: opts['real-sample'] ?? null, groups: [...groups], everyNode, quietMs: QUIET_MS, categories: CATEGORIES },
    pages: [],
    storm: null,
    durationSec: 0,
  };
  try {
    runners.push(await launch('none', executablePath, null));
    runners.push(await launch('termlight', executablePath, EXTENSION_DIR));
    runners.push(await launch('reference', executablePath, ref.dir));
    results.environment.browser = `Chromium ${runners[0]!.context.browser()?.version() ?? (await runners[0]!.page.evaluate('navigator.userAgent'))}`;
    const [none, termlight, reference] = runners as [Runner, Runner, Runner];
    const baseline = opts.baseline ? await launch('baseline', executablePath, resolve(opts.baseline)) : null;
    if (baseline) runners.push(baseline);
    // Warm-up: service workers started, caches filled; not measured.
    const warm = pages.find((p) => p.id.includes('near-empty')) ?? pages[0] ?? stormPage;
    for (const r of runners) await loadOnce(r, `${server.url}/${warm.id}`, 0).catch(() => {});

    const recs = new Map<string, { page: BenchPage; termlight: LoadRecord[]; reference: LoadRecord[]; none: LoadRecord[]; noneAtT: LoadRecord[]; noneAtR: LoadRecord[]; baseline: BaselineLoad[]; error?: string }>();
    for (const p of pages) recs.set(p.id, { page: p, termlight: [], reference: [], none: [], noneAtT: [], noneAtR: [], baseline: [] });
    for (let round = 0; round < ROUNDS; round++) {
      log(`bench:extension: round ${round + 1}/${ROUNDS}, ${pages.length} pages`);
      let i = 0;
      for (const p of pages) {
        i++;
        const rec = recs.get(p.id)!;
        const url = `${server.url}/${p.id}`;
        const t0 = Date.now();
        try {
          const order = (round + i) % 2 === 0 ? [termlight, reference] : [reference, termlight];
          // The baseline build goes right before or right after Termlight's, alternating.
          if (baseline) order.splice(order.indexOf(termlight) + ((round + i) % 4 < 2 ? 0 : 1), 0, baseline);
          const got = new Map<Runner['variant'], { raw: RawLoad; a: LoadAnalysis }>();
          for (const r of order) {
            const raw = await loadOnce(r, url, 0);
            got.set(r.variant, { raw, a: analyseLoad(raw.events, raw.loafs, { windowEndMs: raw.settled.endMs }) });
            raw.events = [];
          }
          const t = got.get('termlight')!;
          const rf = got.get('reference')!;
          const b = got.get('baseline');
          const longest = Math.max(t.raw.settled.endMs, rf.raw.settled.endMs, b?.raw.settled.endMs ?? 0);
          const rawNone = await loadOnce(none, url, longest);
          const noneAll = analyseLoad(rawNone.events, rawNone.loafs, { windowEndMs: rawNone.settled.endMs });
          rec.termlight.push(record(t.raw, t.a));
          rec.reference.push(record(rf.raw, rf.a));
          rec.none.push(record(rawNone, noneAll));
          rec.noneAtT.push(record(rawNone, analyseLoad(rawNone.events, rawNone.loafs, { windowEndMs: t.raw.settled.endMs })));
          rec.noneAtR.push(record(rawNone, analyseLoad(rawNone.events, rawNone.loafs, { windowEndMs: rf.raw.settled.endMs })));
          if (b) {
            const noneAtB = analyseLoad(rawNone.events, rawNone.loafs, { windowEndMs: b.raw.settled.endMs });
            rec.baseline.push({ ...record(b.raw, b.a), addedMs: b.a.busyMs - noneAtB.busyMs, termlightAddedMs: t.a.busyMs - rec.noneAtT[rec.noneAtT.length - 1]!.busyMs });
            log(`        baseline: +${(b.a.busyMs - noneAtB.busyMs).toFixed(0)} (ext ${b.a.extTaskMs.toFixed(0)}/${b.a.extLongestTaskMs.toFixed(0)}, hl ${b.raw.settled.highlights}, 1st ${b.a.firstViewportHlMs?.toFixed(0) ?? '–'})`);
          }
          const addT = t.a.busyMs - rec.noneAtT[rec.noneAtT.length - 1]!.busyMs;
          const addR = rf.a.busyMs - rec.noneAtR[rec.noneAtR.length - 1]!.busyMs;
          log(
            `[${round + 1}:${String(i).padStart(3)}/${pages.length}] ${p.id.padEnd(58)} none ${noneAll.busyMs.toFixed(0).padStart(5)}  ` +
              `+tl ${addT.toFixed(0).padStart(5)} (ext ${t.a.extTaskMs.toFixed(0)}/${t.a.extLongestTaskMs.toFixed(0)}, hl ${t.raw.settled.highlights}, 1st ${t.a.firstViewportHlMs?.toFixed(0) ?? '–'})  ` +
              `+ref ${addR.toFixed(0).padStart(5)} (ext ${rf.a.extTaskMs.toFixed(0)}, hl ${rf.raw.settled.highlights})  ${((Date.now() - t0) / 1000).toFixed(1)} s`,
          );
        } catch (e) {
          rec.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
          log(`[${round + 1}:${String(i).padStart(3)}/${pages.length}] ${p.id} ERROR ${rec.error}`);
        }
      }
    }
    for (const rec of recs.values()) {
      results.pages.push({
        id: rec.page.id,
        group: groupOf(rec.page),
        source: rec.page.source,
        htmlBytes: rec.page.html().length,
        termlight: rec.termlight,
        reference: rec.reference,
        none: rec.none,
        noneAtTermlight: rec.noneAtT,
        noneAtReference: rec.noneAtR,
        ...(rec.error ? { error: rec.error } : {}),
      });
    }
    if (baseline) baselineOut = { dir: resolve(opts.baseline!), pages: [...recs.values()].map((r) => ({ id: r.page.id, group: groupOf(r.page), termlight: r.termlight, baseline: r.baseline })) };
    if (withStorm) {
      log(`bench:extension: mutation storm (${STORM_SECONDS} s) in each variant …`);
      // The baseline build (if any) right before Termlight's, so before → after share the machine's load.
      const storm = await runStorm([...(baseline ? [baseline] : []), termlight, reference, none], `${server.url}/${stormPage.id}`);
      results.storm = storm.filter((s): s is StormRecord => s.variant !== 'baseline');
      const before = storm.find((s) => s.variant === 'baseline');
      if (before && baselineOut) baselineOut.storm = before;
    }
    results.environment.loadAverageAtEnd = loadavg()[0];
  } finally {
    for (const r of runners) {
      await r.context.close().catch(() => {});
      rmSync(r.profile, { recursive: true, force: true });
    }
    rmSync(ref.dir, { recursive: true, force: true });
    await server.close();
  }
  results.durationSec = (Date.now() - started) / 1000;
  const summary = summarise(results);
  process.stdout.write(renderText(results, summary) + '\n');
  if (baselineOut) process.stdout.write(renderBaseline(baselineOut, results.storm) + '\n');
  if (!opts['no-write']) {
    mkdirSync(resolve(RESULTS_JSON, '..'), { recursive: true });
    writeFileSync(RESULTS_JSON, JSON.stringify({ ...results, summary, ...(baselineOut ? { baseline: baselineOut } : {}) }, null, 1));
    writeResultsSection(RESULTS_MD, renderMarkdownSection(results, summary));
    log(`bench:extension: wrote ${relative(ROOT, RESULTS_JSON)} and the extension section of ${relative(ROOT, RESULTS_MD)} (${results.durationSec.toFixed(0)} s)`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`bench:extension: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
