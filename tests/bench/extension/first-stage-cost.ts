/**
 * `npx tsx tests/bench/extension/first-stage-cost.ts TRACE_DIR [VARIANT…]`: what the content script's first
 * stage costs the page's main thread, per load, from the traces `npm run bench:extension` writes with
 * BENCH_TRACE_DIR=TRACE_DIR (variants: termlight, baseline; default both). Per load: the extension's tasks
 * (the same attribution as analyse.ts: a chrome-extension:// script event, or a CPU sample with its code on
 * the stack), the first stage's EvaluateScript and, inside it, the compile of content.js (v8.compile), each
 * as wall time (`dur`) and as the main thread's CPU time (`tdur`).
 *
 * Why CPU time: on a loaded 2-core machine the renderer is descheduled inside its tasks, so their wall time
 * scatters by 2–4× between loads of the same build (session 12: 9–66 ms for ~10 ms of CPU); CPU time is
 * what the extension's code made the thread do, and compares two builds within a few tenths of a ms.
 * Add BENCH_EXTRA_CATEGORIES=v8,disabled-by-default-v8.compile to the bench's run for V8's own parse and
 * lazy-compile events in the same traces (not read here; open them in DevTools).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from './analyse';

type Event = TraceEvent & { tdur?: number };
interface ProfileNode { id: number; parent?: number; callFrame: { url?: string } }

const isExt = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');
const ms = (us: number | undefined) => (us ?? 0) / 1000;

export interface FirstStageLoad { tasks: number; wall: number; cpu: number; evalWall: number; evalCpu: number; compileWall: number; compileCpu: number }

/** One load's figures, or null when the first stage did not run in it. */
export function firstStageCost(events: readonly Event[]): FirstStageLoad | null {
  const evaluate = events.find((e) => e.ph === 'X' && e.name === 'EvaluateScript' && isExt(e.args?.data?.url));
  if (!evaluate) return null;
  const thread = `${evaluate.pid}:${evaluate.tid}`;
  const onThread = (e: Event) => `${e.pid}:${e.tid}` === thread;
  const compile = events.find((e) => e.ph === 'X' && e.name === 'v8.compile' && onThread(e) && e.ts >= evaluate.ts && e.ts < evaluate.ts + (evaluate.dur ?? 0));

  // Times of CPU samples on this thread with the extension's code on the stack.
  const profiles = new Map<string, { nodes: Map<number, ProfileNode>; t: number; mine: boolean }>();
  for (const e of events) if (e.name === 'Profile' && e.id) profiles.set(`${e.pid}:${e.id}`, { nodes: new Map(), t: e.args?.data?.startTime ?? e.ts, mine: onThread(e) });
  const extSamples: number[] = [];
  for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.id).sort((a, b) => a.ts - b.ts)) {
    const p = profiles.get(`${c.pid}:${c.id}`);
    if (!p) continue;
    for (const n of c.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    if (!p.mine) continue;
    const samples = c.args?.data?.cpuProfile?.samples ?? [];
    const deltas = c.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += deltas[i] ?? 0;
      for (let n = p.nodes.get(samples[i]!); n; n = n.parent === undefined ? undefined : p.nodes.get(n.parent)) {
        if (isExt(n.callFrame.url)) {
          extSamples.push(p.t);
          break;
        }
      }
    }
  }

  // Outermost complete events on the thread are its tasks.
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined && onThread(e)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: FirstStageLoad = { tasks: 0, wall: 0, cpu: 0, evalWall: ms(evaluate.dur), evalCpu: ms(evaluate.tdur ?? evaluate.dur), compileWall: ms(compile?.dur), compileCpu: ms(compile?.tdur ?? compile?.dur) };
  let task: { top: Event; end: number; ext: boolean } | null = null;
  const close = () => {
    if (!task) return;
    if (task.ext || extSamples.some((t) => t >= task!.top.ts && t <= task!.end)) {
      out.tasks++;
      out.wall += ms(task.top.dur);
      out.cpu += ms(task.top.tdur ?? task.top.dur);
    }
  };
  for (const e of xs) {
    if (!task || e.ts >= task.end) {
      close();
      task = { top: e, end: e.ts + e.dur!, ext: false };
    }
    if (isExt(e.args?.data?.url)) task.ext = true;
  }
  close();
  return out;
}

const median = (values: number[]) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length === 0 ? NaN : v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};

function main() {
  const [dir, ...variants] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: first-stage-cost.ts TRACE_DIR [VARIANT…]\n');
    process.exit(2);
  }
  for (const variant of variants.length ? variants : ['baseline', 'termlight']) {
    const loads = readdirSync(dir)
      .filter((f) => f.startsWith(`${variant}-`) && f.endsWith('.json'))
      .map((f) => firstStageCost(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Event[]))
      .filter((l): l is FirstStageLoad => l !== null);
    if (loads.length === 0) continue;
    const col = (key: keyof FirstStageLoad) => `${median(loads.map((l) => l[key])).toFixed(1)} [${loads.map((l) => l[key].toFixed(1)).join(' ')}]`;
    console.log(`${variant} (${loads.length} loads), medians [per load], ms:`);
    console.log(`  extension tasks: wall ${col('wall')}; CPU ${col('cpu')}; tasks ${col('tasks')}`);
    console.log(`  first stage's EvaluateScript: wall ${col('evalWall')}; CPU ${col('evalCpu')}`);
    console.log(`  its compile (v8.compile): wall ${col('compileWall')}; CPU ${col('compileCpu')}`);
  }
}

if (process.argv[1] && /first-stage-cost\.ts$/.test(process.argv[1])) main();
