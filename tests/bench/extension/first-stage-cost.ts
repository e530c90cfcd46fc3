/**
 * `npx tsx tests/bench/extension/first-stage-cost.ts TRACE_DIR [--page TEXT] [VARIANT…]`: what the content script's
 * first stage costs the page's main thread, per load, from the traces `npm run bench:extension` writes with
 * BENCH_TRACE_DIR=TRACE_DIR (variants: termlight, baseline; default both). The trace files are not named by
 * page: `--page near-empty` keeps the loads whose page address holds that text (a run of several pages
 * otherwise mixes them). Per load: the extension's tasks
 * (analyse.ts's analyseLoad, as the bench counts them: a chrome-extension:// script event, or a CPU sample
 * with its code on the stack, from the page's time origin), the first stage's EvaluateScript and, inside
 * it, the compile of content.js (v8.compile), each as wall time (`dur`) and as the main thread's CPU time
 * (`tdur`), and page-start.js's EvaluateScript (the document-start stage, in the page's parsing task).
 *
 * Why CPU time: on a loaded 2-core machine the renderer is descheduled inside its tasks, so their wall time
 * scatters by 2–4× between loads of the same build (session 12: 9–66 ms for ~10 ms of CPU); CPU time is
 * what the extension's code made the thread do, and compares two builds within a few tenths of a ms.
 * Add BENCH_EXTRA_CATEGORIES=v8,disabled-by-default-v8.compile to the bench's run for V8's own parse and
 * lazy-compile events in the same traces (not read here; open them in DevTools).
 */
import { analyseLoad, isFirstStageUrl, type TraceEvent, tracedLoads } from './analyse';
import { median } from './report';

const isExt = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');
const ms = (us: number | undefined) => (us ?? 0) / 1000;

export interface FirstStageLoad { tasks: number; wall: number; cpu: number; evalWall: number; evalCpu: number; compileWall: number; compileCpu: number; startEvalWall: number; startEvalCpu: number }

/**
 * One load's figures, or null when the first stage did not run in it. The extension's tasks are
 * analyseLoad's (the bench's own attribution and window); the first stage's evaluation and its compile
 * are read here.
 */
export function firstStageCost(events: readonly TraceEvent[]): FirstStageLoad | null {
  // content.js when it ran (Termlight's document-start stage, page-start.js, evaluates before it in the top frame).
  const evaluations = events.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && isExt(e.args?.data?.url));
  const evaluate = evaluations.find((e) => isFirstStageUrl(e.args?.data?.url)) ?? evaluations[0];
  if (!evaluate) return null;
  const onThread = (e: TraceEvent) => e.pid === evaluate.pid && e.tid === evaluate.tid;
  const compile = events.find((e) => e.ph === 'X' && e.name === 'v8.compile' && onThread(e) && e.ts >= evaluate.ts && e.ts < evaluate.ts + (evaluate.dur ?? 0));
  const load = analyseLoad(events, []);
  // page-start.js, the document-start stage (top frame only), evaluated inside the page's parsing task.
  const start = evaluations.find((e) => /\/page-start\.js$/.test(e.args?.data?.url ?? ''));
  return {
    tasks: load.extTasks,
    wall: load.extTaskMs,
    cpu: load.extTaskCpuMs,
    evalWall: ms(evaluate.dur),
    evalCpu: ms(evaluate.tdur ?? evaluate.dur),
    compileWall: ms(compile?.dur),
    compileCpu: ms(compile?.tdur ?? compile?.dur),
    startEvalWall: ms(start?.dur),
    startEvalCpu: ms(start?.tdur ?? start?.dur),
  };
}

/** The address of the page a trace loaded (its main frame's first navigation), or '' when none is named. */
export function loadedPage(events: readonly TraceEvent[]): string {
  for (const e of events) {
    const url = e.name === 'navigationStart' ? (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL : undefined;
    if (url) return url;
  }
  return '';
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--page');
  const page = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [dir, ...variants] = args;
  if (!dir || (at >= 0 && !page)) {
    process.stderr.write('usage: first-stage-cost.ts TRACE_DIR [--page TEXT] [VARIANT…]\n');
    process.exit(2);
  }
  const read = (events: TraceEvent[]) => (page === undefined || loadedPage(events).includes(page) ? firstStageCost(events) : null);
  for (const variant of variants.length ? variants : ['baseline', 'termlight']) {
    const loads = tracedLoads(dir, variant, read);
    if (loads.length === 0) continue;
    const col = (key: keyof FirstStageLoad) => `${median(loads.map((l) => l[key])).toFixed(1)} [${loads.map((l) => l[key].toFixed(1)).join(' ')}]`;
    console.log(`${variant} (${loads.length} loads), medians [per load], ms:`);
    console.log(`  extension tasks: wall ${col('wall')}; CPU ${col('cpu')}; tasks ${col('tasks')}`);
    console.log(`  first stage's EvaluateScript: wall ${col('evalWall')}; CPU ${col('evalCpu')}`);
    console.log(`  its compile (v8.compile): wall ${col('compileWall')}; CPU ${col('compileCpu')}`);
    console.log(`  page-start.js's EvaluateScript: wall ${col('startEvalWall')}; CPU ${col('startEvalCpu')}`);
  }
}

if (process.argv[1] && /first-stage-cost\.ts$/.test(process.argv[1])) main();
