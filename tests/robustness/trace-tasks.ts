/**
 * Which long tasks Termlight caused, from a Chromium trace of the page's renderer: Long Animation Frame
 * entries do not name extension scripts, but the trace does (FunctionCall events carry the script URL,
 * chrome-extension://… for the content script). A task over 50 ms is Termlight's when it would have been
 * under 50 ms without the time Termlight's code ran inside it.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface TaskAttribution {
  /** Tasks over 50 ms on the page's main thread. */
  longTasks: number;
  /** Of those, the ones Termlight's code pushed over 50 ms. */
  blamed: Array<{ durationMs: number; termlightMs: number }>;
  /** Time Termlight's code ran on the main thread over the whole trace, and in how many tasks. */
  termlightMs: number;
  termlightTasks: number;
  longestTermlightSliceMs: number;
}

export const LONG_TASK_MS = 50;
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set(['FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame']);

export async function traceTasks<T>(context: BrowserContext, page: Page, during: () => Promise<T>): Promise<{ result: T; tasks: TaskAttribution }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await during();
  } finally {
    // The trace's events arrive after Tracing.end.
    await cdp.send('Tracing.end').catch(() => {});
    await complete;
    await cdp.detach().catch(() => {});
  }
  if (process.env.TRACE_DUMP) (await import('node:fs')).writeFileSync(process.env.TRACE_DUMP, JSON.stringify(events));
  return { result, tasks: attribute(events) };
}

const isOurs = (e: TraceEvent) => SCRIPT_NAMES.has(e.name) && (e.args?.data?.url ?? '').startsWith('chrome-extension://');

/** Pure: long tasks and Termlight's share of them, on the main thread that ran the most script. */
export function attribute(events: readonly TraceEvent[]): TaskAttribution {
  const scriptsPerThread = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && SCRIPT_NAMES.has(e.name)) scriptsPerThread.set(`${e.pid}:${e.tid}`, (scriptsPerThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...scriptsPerThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onMain = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);
  // Task events nest (RunTask inside ThreadControllerImpl::RunTask): keep the outermost.
  const tasks: TraceEvent[] = [];
  for (const e of onMain.filter((x) => TASK_NAMES.has(x.name))) {
    const last = tasks[tasks.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) tasks.push(e);
  }
  const ours = onMain.filter(isOurs);
  // Only the outermost of nested script events counts (a FunctionCall inside a TimerFire is the same time).
  const outermost: TraceEvent[] = [];
  for (const e of ours) {
    const last = outermost[outermost.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    outermost.push(e);
  }
  const out: TaskAttribution = { longTasks: 0, blamed: [], termlightMs: 0, termlightTasks: 0, longestTermlightSliceMs: 0 };
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    let mine = 0;
    while (i < outermost.length && outermost[i]!.ts < task.ts) i++;
    for (let j = i; j < outermost.length && outermost[j]!.ts < end; j++) mine += Math.min(outermost[j]!.dur!, end - outermost[j]!.ts);
    const ms = task.dur! / 1000;
    const mineMs = mine / 1000;
    if (mine > 0) {
      out.termlightTasks++;
      out.termlightMs += mineMs;
      out.longestTermlightSliceMs = Math.max(out.longestTermlightSliceMs, mineMs);
    }
    if (ms > LONG_TASK_MS) {
      out.longTasks++;
      if (mineMs > 0 && ms - mineMs <= LONG_TASK_MS) out.blamed.push({ durationMs: ms, termlightMs: mineMs });
    }
  }
  return out;
}
