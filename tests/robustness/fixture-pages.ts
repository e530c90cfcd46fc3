/**
 * The hard fixture pages check:pages runs with --fixtures (tests/fixtures/pages and /generated/), and the
 * mutation storm: 10,000 DOM changes a second for 10 s with and without Termlight, long tasks compared.
 */
import type { Page } from '@playwright/test';
import type { Browsers } from './browsers';
import { inPage } from './in-page';
import { waitForIdle, waitForTermlight } from './settle';
import { watchTermlight } from './termlight-watch';
import { LONG_TASK_MS, traceTasks } from './trace-tasks';

export interface FixturePage {
  name: string;
  path: string;
  /** With Termlight: wait until the scan reached this element (big pages outlast the usual quiet period). */
  ready?: (page: Page) => Promise<void>;
}

/** How long a big page may take to be scanned to its end before check:pages calls it a failure. */
const SCAN_BUDGET_MS = 300_000;

function scannedTo(id: string) {
  return async (page: Page) => {
    const reached = () =>
      inPage(page, (id: string) => {
        const el = document.getElementById(id);
        // In view: Termlight paints far-off terms as the reader scrolls near them (terms/near-viewport.ts).
        el?.scrollIntoView({ block: 'center', behavior: 'instant' });
        return !!el && [...CSS.highlights.values()].flatMap((h) => [...h]).some((r) => el.contains(r.startContainer));
      }, id);
    const begin = Date.now();
    // Plain loads have no highlights: only the Termlight load waits.
    if (!(await inPage(page, () => CSS.highlights.size > 0, null))) return;
    while (!(await reached())) {
      if (Date.now() - begin > SCAN_BUDGET_MS) throw new Error(`the scan did not reach #${id} within ${SCAN_BUDGET_MS / 1000} s`);
      await page.waitForTimeout(1000);
    }
    // Back to the top, where the plain loads are: the snapshot compares scroll positions too.
    await inPage(page, () => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }), null);
  };
}

export const FIXTURE_PAGES: FixturePage[] = [
  ...['article', 'traps', 'forms', 'definitions', 'rtl-cjk', 'emoji', 'svg-text', 'tables', 'inert-abbreviation', 'frames', 'fullscreen'].map(
    (name) => ({ name: `${name}.html`, path: `/${name}.html` }),
  ),
  { name: '200,000 text nodes', path: '/generated/text-nodes.html?count=200000', ready: scannedTo('last') },
  { name: 'one 5 MB text node', path: '/generated/huge-text-node.html?mb=5', ready: scannedTo('huge') },
  { name: '2,000 levels of nesting', path: '/generated/deep-nesting.html?depth=2000', ready: scannedTo('deepest') },
];

interface StormEntries {
  mutations: number;
  seconds: number;
  longtask: Array<{ start: number; duration: number }>;
  loaf: Array<{ start: number; duration: number; blocking: number; scripts: Array<{ url: string; invoker: string; duration: number }> }>;
}

async function openStorm(page: Page, url: string, termlight: boolean): Promise<() => Promise<StormEntries>> {
  await page.goto(url);
  if (termlight) await waitForTermlight(page);
  await waitForIdle(page);
  return () => inPage(page, () => (window as unknown as { storm: { run(): Promise<StormEntries> } }).storm.run(), null);
}

const LONG_MS = LONG_TASK_MS;

function describe(label: string, e: StormEntries): string {
  const long = e.longtask.filter((t) => t.duration > LONG_MS);
  const max = Math.max(0, ...long.map((t) => t.duration));
  return `${label}: ${e.mutations} mutations in ${e.seconds.toFixed(1)} s, ${long.length} tasks over ${LONG_MS} ms (longest ${Math.round(max)} ms)`;
}

/**
 * Runs the storm without and with Termlight. Termlight is blamed for a long task only when its own code
 * (chrome-extension:// scripts, from a trace of the renderer) ran long enough in it to push it over
 * 50 ms; the long-task counts of both runs (PerformanceObserver) are reported for context.
 */
export async function runStorm(browsers: Browsers, origin: string, seconds: number): Promise<{ ok: boolean; report: string }> {
  const url = `${origin}/generated/mutation-storm.html?seconds=${seconds}&rate=10000`;
  const plainPage = await browsers.plainA.newPage();
  const termlightPage = await browsers.termlight.newPage();
  const watch = await watchTermlight(browsers.termlight, termlightPage);
  const errors = () => [...watch.errors(), ...watch.requests().filter((u) => !u.startsWith('chrome-extension://')).map((u) => `request: ${u}`)];
  try {
    // One after the other: two storms at once on two cores would measure each other.
    const plain = await (await openStorm(plainPage, url, false))();
    const run = await openStorm(termlightPage, url, true);
    const { result: withTermlight, tasks } = await traceTasks(browsers.termlight, termlightPage, run);
    const blamed = tasks.blamed;
    const caughtUp = await termlightPage
      .waitForFunction(() => {
        const final = document.getElementById('final');
        final?.scrollIntoView({ block: 'center', behavior: 'instant' });
        return [...CSS.highlights.values()].flatMap((h) => [...h]).some((r) => final?.contains(r.startContainer));
      }, null, { timeout: 30_000 })
      .then(() => true, () => false);
    const lines = [
      `mutation storm (10,000 changes/s for ${seconds} s):`,
      `  ${describe('without Termlight', plain)}`,
      `  ${describe('with Termlight   ', withTermlight)}`,
      `  Termlight's code ran ${Math.round(tasks.termlightMs)} ms in ${tasks.termlightTasks} tasks (longest ${Math.round(tasks.longestTermlightSliceMs)} ms); ` +
        `${tasks.longTasks} tasks over ${LONG_MS} ms in the trace, ${blamed.length} of them pushed over by Termlight` +
        (blamed.length ? ` (longest ${Math.round(Math.max(...blamed.map((f) => f.durationMs)))} ms, ${Math.round(Math.max(...blamed.map((f) => f.termlightMs)))} ms of it Termlight's)` : ''),
      ...(tasks.termlightTasks === 0 ? ['  (no Termlight code seen in the trace: the attribution did not work, so this check cannot pass)'] : []),
      `  highlights caught up after the storm: ${caughtUp ? 'yes' : 'NO (the last paragraph was not highlighted within 30 s)'}`,
      ...errors().map((e) => `  error in Termlight: ${e}`),
    ];
    return { ok: blamed.length === 0 && tasks.termlightTasks > 0 && caughtUp && errors().length === 0, report: lines.join('\n') };
  } finally {
    await plainPage.close().catch(() => {});
    await termlightPage.close().catch(() => {});
  }
}
