/**
 * `npx tsx tests/bench/extension/first-marks.ts TRACE_DIR [VARIANT…]`: what the first viewport highlight waited
 * for, per load, from the traces `npm run bench:extension` writes with BENCH_TRACE_DIR=TRACE_DIR (variants:
 * termlight, baseline; default both). Times are ms after the content script's first script event (as the
 * bench's "first viewport highlight"): when reader.js and match-data.bin (since session 13) were asked for and
 * had arrived, when V8 had parsed the reader, when match-spelling.bin (since session 14; asked for once
 * match-data.bin is in) had arrived, and the first highlight; then the main thread's **CPU time** in
 * the extension's tasks up to that highlight (analyse.ts's attribution), which a loaded machine scatters far
 * less than wall time. Per variant: medians over pages of the per-page medians, and each page's median.
 */
import { analyseLoad, FIRST_HL_MARK, type TraceEvent, tracedLoads } from './analyse';
import { median } from './report';

/** The trace fields read here beyond analyse.ts's TraceEvent. */
const arg = (e: TraceEvent | undefined, key: string): unknown => {
  const args = e?.args as { data?: Record<string, unknown>; [k: string]: unknown } | undefined;
  return args?.data?.[key] ?? args?.[key];
};

export interface FirstMarksLoad {
  page: string;
  firstHl: number;
  readerAsked: number;
  readerIn: number;
  readerParsed: number;
  dataAsked: number;
  dataIn: number;
  spellingIn: number;
  /** CPU ms of the extension's tasks from the page's start to the first highlight. */
  cpu: number;
  /**
   * When the document-start stage (page-start.js, since session 16) was evaluated, ms after the content script's
   * start (negative): firstHl − pageStart is the first highlight timed from it, the stricter reading of "after the
   * script starts". NaN when it did not run (builds before session 16).
   */
  pageStart: number;
}

const NONE = NaN;

/** One load's figures, or null when it had no first viewport highlight. */
export function firstMarks(events: readonly TraceEvent[]): FirstMarksLoad | null {
  const all = analyseLoad(events, []);
  if (all.firstViewportHlMs === null || all.scriptStartTs === null) return null;
  const t0 = all.scriptStartTs;
  const at = (ts: number | undefined) => (ts === undefined ? NONE : (ts - t0) / 1000);
  const hl = events.filter((e) => e.name === FIRST_HL_MARK).sort((a, b) => a.ts - b.ts)[0]!;
  const sends = events.filter((e) => e.name === 'ResourceSendRequest');
  const request = (file: RegExp) => {
    const send = sends.find((e) => file.test(String(arg(e, 'url') ?? '')));
    if (!send) return { asked: NONE, in: NONE };
    const id = arg(send, 'requestId');
    const finish = events.filter((e) => e.name === 'ResourceFinish' && arg(e, 'requestId') === id).sort((a, b) => b.ts - a.ts)[0];
    return { asked: at(send.ts), in: at(finish?.ts) };
  };
  const reader = request(/\/reader\.js$/);
  // `.bin.gz`: session 17's gzipped files (tried, not kept: RESULTS.md), so its traces still read.
  const data = request(/\/match-data\.bin(\.gz)?$/);
  const spelling = request(/\/match-spelling\.bin(\.gz)?$/);
  // The reader's background parse (V8 streaming) ends before its module is compiled on the main thread.
  const compiled = events
    .filter((e) => e.name === 'v8.compileModule' && String(arg(e, 'fileName') ?? arg(e, 'url') ?? '').includes('reader.js'))
    .sort((a, b) => a.ts - b.ts)[0];
  const doc = sends.find((e) => arg(e, 'resourceType') === 'Document');
  const page = String(arg(doc, 'url') ?? '?').replace(/^.*\/(?=[^/]+\/[^/]+$)/, '');
  const cpu = analyseLoad(events, [], { toTs: hl.ts }).extTaskCpuMs;
  const pageStart = events
    .filter((e) => e.name === 'EvaluateScript' && /^chrome-extension:\/\/[^/]+\/page-start\.js$/.test(String(arg(e, 'url') ?? '')))
    .sort((a, b) => a.ts - b.ts)[0];
  return {
    page,
    firstHl: all.firstViewportHlMs,
    readerAsked: reader.asked,
    readerIn: reader.in,
    readerParsed: at(compiled?.ts),
    dataAsked: data.asked,
    dataIn: data.in,
    spellingIn: spelling.in,
    cpu,
    pageStart: at(pageStart?.ts),
  };
}

const KEYS = ['firstHl', 'cpu', 'readerAsked', 'readerIn', 'readerParsed', 'dataAsked', 'dataIn', 'spellingIn', 'pageStart', 'hlFromStart'] as const;
type Key = (typeof KEYS)[number];
/** A load's figure by key; hlFromStart is the first highlight timed from the document-start stage. */
const figure = (l: FirstMarksLoad, k: Key): number => (k === 'hlFromStart' ? l.firstHl - l.pageStart : l[k]);

function main() {
  const [dir, ...variants] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: first-marks.ts TRACE_DIR [VARIANT…]\n');
    process.exit(2);
  }
  for (const variant of variants.length ? variants : ['baseline', 'termlight']) {
    const loads = tracedLoads(dir, variant, firstMarks);
    if (loads.length === 0) continue;
    const pages = [...new Set(loads.map((l) => l.page))].sort();
    const perPage = pages.map((page) => {
      const of = loads.filter((l) => l.page === page);
      return { page, n: of.length, ...Object.fromEntries(KEYS.map((k) => [k, median(of.map((l) => figure(l, k)))])) } as Record<string, number | string>;
    });
    const f = (x: number | string) => (typeof x === 'number' ? (Number.isNaN(x) ? '–' : x.toFixed(0)) : x);
    console.log(`${variant}: ${loads.length} loads with a first viewport highlight; ms after the content script's start (medians)`);
    console.log(`  ${'page'.padEnd(44)} ${KEYS.map((k) => k.padStart(12)).join('')}`);
    for (const p of perPage) console.log(`  ${String(p.page).slice(-44).padEnd(44)} ${KEYS.map((k) => f(p[k]!).padStart(12)).join('')}  (${p.n})`);
    console.log(`  ${'median of pages'.padEnd(44)} ${KEYS.map((k) => f(median(perPage.map((p) => p[k] as number))).padStart(12)).join('')}`);
  }
}

if (process.argv[1] && /first-marks\.ts$/.test(process.argv[1])) main();
