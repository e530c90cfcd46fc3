/**
 * Pure analysis of one page load's Chromium trace (CDP Tracing, ReportEvents): the page's main thread, its
 * busy time by kind (scripting, style, layout, paint, parse, other), which tasks the extension's code ran
 * in, when the content script started, when the probe saw the first highlight in the viewport, and which
 * long animation frames had the extension's code in them.
 *
 * Attribution: an event is the extension's when it names a chrome-extension:// script (EvaluateScript,
 * FunctionCall, v8.compile…), or when a V8 CPU-profiler sample (disabled-by-default-v8.cpu_profiler, about
 * every 200 µs) has a chrome-extension:// frame on its stack. The samples are needed: continuations after
 * `await chrome.storage…` and other promise callbacks run inside "Receive mojo message"/RunMicrotasks with no
 * script URL in the trace. Each browser the bench launches loads at most one extension, so any
 * chrome-extension:// URL in its trace is that extension's.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event, µs (complete events; absent on some). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

export const PROBE_URL = 'termlight-bench-probe.js';
export const ORIGIN_MARK = 'tlbench-origin';
export const FIRST_HL_MARK = 'tlbench-first-hl';
export const LONG_MS = 50;

export type Kind = 'scripting' | 'style' | 'layout' | 'paint' | 'parse' | 'other';
export const KINDS: Kind[] = ['scripting', 'style', 'layout', 'paint', 'parse', 'other'];

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'ScheduleStyleRecalculation', 'StyleRecalc']);
const LAYOUT = new Set(['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections', 'ComputeIntersections']);
const PAINT = new Set(['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'RasterTask', 'Decode Image', 'PaintSetup', 'Rasterize']);
const PARSE = new Set(['ParseHTML']);
const SCRIPT = new Set([
  'FunctionCall', 'EvaluateScript', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'FireIdleCallback', 'RunMicrotasks',
  'BlinkScheduler_PerformMicrotaskCheckpoint', 'MajorGC', 'MinorGC', 'CompileScript', 'CompileCode', 'CacheScript',
  'XHRReadyStateChange', 'XHRLoad', 'GCEvent', 'BlinkGC.AtomicPhase',
]);

/**
 * The browser's own work that runs inside a page's tasks whoever asked for the frame. Chrome's renderer captures
 * the page's text (ChromeRenderFrameObserver::CapturePageText: the text the browser's language detection and other
 * features read) twice a load, the second time in a frame's lifecycle update after the load event: on the 5 MB page
 * 100–300 ms of CPU each, in every variant, the load without an extension too. With Termlight that frame is the
 * one that paints our first marks, with a callback of ours in it (our content script starts at document_idle, after
 * the load), so the capture was counted as ours: it was the 5 MB page's "longest extension task" (session 22). It is
 * left out of the extension's tasks and frames; the page's busy time keeps it. Its events are in the `renderer`
 * trace category (run.ts asks for it); in traces without it the capture is the task's own untraced time.
 */
export const BROWSER_OWN = new Set(['ChromeRenderFrameObserver::CapturePageText']);

export function kindOf(name: string): Kind {
  if (STYLE.has(name)) return 'style';
  if (LAYOUT.has(name)) return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (PARSE.has(name)) return 'parse';
  if (SCRIPT.has(name) || name.startsWith('V8.') || name.startsWith('v8.') || name.includes('GC')) return 'scripting';
  return 'other';
}

export interface LoafEntry {
  /** performance.now() ms in the page. */
  start: number;
  duration: number;
  blocking: number;
  /** When the frame's rendering (rAF callbacks, style, layout, paint) and its style and layout began, page ms. */
  renderStart?: number;
  styleAndLayoutStart?: number;
  /** The scripts of over 5 ms the browser counted in the frame (its own attribution). */
  scripts?: Array<{ src: string; invoker: string; start: number; duration: number; forced: number }>;
}

/** The metadata event a kept trace (BENCH_TRACE_DIR) carries the probe's long animation frames in. */
export const LOAFS_EVENT = 'tlbench-loafs';

/** The probe's long animation frames kept with a trace, or none. */
export function keptLoafs(events: readonly TraceEvent[]): LoafEntry[] {
  const e = events.find((x) => x.name === LOAFS_EVENT);
  return ((e?.args?.data as { loafs?: LoafEntry[] } | undefined)?.loafs) ?? [];
}

export interface LoadAnalysis {
  /** Main-thread busy ms (outermost events) from the trace start to `windowEnd`, probe excluded. */
  busyMs: number;
  byKind: Record<Kind, number>;
  /** Tasks (outermost events) in which the extension's code ran: count, total ms, longest ms. */
  extTasks: number;
  extTaskMs: number;
  /**
   * The same tasks' CPU time (the outermost events' `tdur`, probe excluded), ms: on a loaded machine the
   * renderer is descheduled inside its tasks, so their wall time scatters by 2–4× between loads of one build.
   */
  extTaskCpuMs: number;
  /** The longest of those tasks, the browser's own work in it (BROWSER_OWN) left out. */
  extLongestTaskMs: number;
  /** The longest of those tasks with the browser's own work in it counted (the figure before session 22). */
  extLongestTaskWithBrowserMs: number;
  /** The browser's own work (BROWSER_OWN) inside the extension's tasks, ms: not in the figures above. */
  extBrowserMs: number;
  /**
   * The most CPU time of one of those tasks (its `tdur`, the browser's own work left out), ms: what the longest task
   * would be on a machine that did not deschedule the renderer (a busy one stretches a 10 ms task to 100 ms of wall).
   */
  extLongestTaskCpuMs: number;
  /** The extension's own JavaScript (sampled self+callee time inside its frames), ms. */
  extJsMs: number;
  /** Main-thread time by kind inside the extension's tasks, ms. */
  extByKind: Record<Kind, number>;
  /**
   * Trace ts (µs) of the content script's first stage's evaluation (Termlight's content-scripts/content.js,
   * at document_idle), else of the extension's first script event; null if it never ran. Not Termlight's
   * document-start stage (page-start.js, since session 16), which runs before the page is parsed: timed from
   * it, the first viewport highlight would hold the page's own load.
   */
  scriptStartTs: number | null;
  /** ms from the content script's start to the frame in which the probe first saw a highlight in the viewport. */
  firstViewportHlMs: number | null;
  /** Long animation frames (> 50 ms) in the window: all of them, those with the extension's code in them. */
  loafs: number;
  extLoafs: number;
  extLongestLoafMs: number;
  /**
   * Of those, the ones caused by the extension: all of them but the frames whose only code of the extension is its
   * document-start stage (page-start.js) and which would be long without that stage's time in them (its evaluation
   * in the page's parser task, as for extension tasks, and its continuations), and the frames that would not be
   * long without the browser's own work in them (BROWSER_OWN). A page's parsing frame with a 2 ms
   * document-start script in it has the extension's code in it, but is not caused by it.
   */
  extCausedLoafs: number;
  extCausedLongestLoafMs: number;
  /** The page's timeOrigin in trace µs (from the probe's mark), null if the probe did not run. */
  timeOriginTs: number | null;
  /** The extension's sampled JS by function (minified name@line:col), top entries. */
  extFunctions: Array<{ fn: string; ms: number }>;
}

const isExtUrl = (u: string | undefined) => !!u && u.startsWith('chrome-extension://');
/** Termlight's document-start stage (page-start.js), which runs while the page is parsed. */
const isDocumentStartUrl = (u: string | undefined) => isExtUrl(u) && u!.endsWith('/page-start.js');
/** Termlight's first stage, the script its first viewport highlight is timed from (scriptStartTs). */
export const isFirstStageUrl = (u: string | undefined) => isExtUrl(u) && u!.endsWith('/content-scripts/content.js');

/**
 * `windowEndMs`: page performance.now() ms at which the load counts as over (the other variants of the same
 * page are cut at the same point, so a page's own timers weigh the same in each); Infinity = whole trace.
 * `from`/`to` (trace µs) restrict to a period instead (the mutation storm).
 */
export function analyseLoad(
  events: readonly TraceEvent[],
  loafs: readonly LoafEntry[],
  opts: { windowEndMs?: number; fromTs?: number; toTs?: number } = {},
): LoadAnalysis {
  // The page's main thread: the one the probe's first origin mark is on (the top document's).
  const marks = events.filter((e) => e.name === ORIGIN_MARK).sort((a, b) => a.ts - b.ts);
  let main: string | undefined;
  let timeOriginTs: number | null = null;
  if (marks[0]) {
    main = `${marks[0].pid}:${marks[0].tid}`;
    const st = marks[0].args?.data?.startTime;
    if (typeof st === 'number') timeOriginTs = marks[0].ts - st * 1000;
  } else {
    // No probe mark: the renderer main thread with the most busy time.
    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
    const busy = new Map<string, number>();
    for (const e of events) if (e.ph === 'X' && e.dur) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
    main = names.sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
  }
  let endTs = Infinity;
  if (opts.toTs !== undefined) endTs = opts.toTs;
  else if (opts.windowEndMs !== undefined && Number.isFinite(opts.windowEndMs) && timeOriginTs !== null) endTs = timeOriginTs + opts.windowEndMs * 1000;
  // Loads start at the page's time origin: the navigation's commit before it (and the unload of about:blank)
  // is the browser's work, the same with or without an extension, and only adds noise.
  const startTs = opts.fromTs ?? timeOriginTs ?? -Infinity;

  const empty = (): Record<Kind, number> => ({ scripting: 0, style: 0, layout: 0, paint: 0, parse: 0, other: 0 });
  const out: LoadAnalysis = {
    busyMs: 0,
    byKind: empty(),
    extTasks: 0,
    extTaskMs: 0,
    extTaskCpuMs: 0,
    extLongestTaskMs: 0,
    extLongestTaskWithBrowserMs: 0,
    extBrowserMs: 0,
    extLongestTaskCpuMs: 0,
    extJsMs: 0,
    extByKind: empty(),
    scriptStartTs: null,
    firstViewportHlMs: null,
    loafs: 0,
    extLoafs: 0,
    extLongestLoafMs: 0,
    extCausedLoafs: 0,
    extCausedLongestLoafMs: 0,
    timeOriginTs,
    extFunctions: [],
  };
  if (!main) return out;
  const onMain = (e: TraceEvent) => `${e.pid}:${e.tid}` === main;

  // ---- CPU profile samples on the main thread: time stamps and whether the extension's code is on the stack.
  const extSamples: Array<{ ts: number; dt: number; fn: string }> = [];
  const profiles = new Map<string, { thread: string; startTs: number; nodes: Map<number, ProfileNode>; ext: Map<number, string | null>; t: number }>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, startTs: e.args?.data?.startTime ?? e.ts, nodes: new Map(), ext: new Map(), t: e.args?.data?.startTime ?? e.ts });
    }
  }
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id).sort((a, b) => a.ts - b.ts);
  for (const c of chunks) {
    const p = profiles.get(`${c.pid}:${c.id}`);
    if (!p) continue;
    const data = c.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    if (p.thread !== main) continue;
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      p.t += deltas[i] ?? 0;
      const fn = extFrame(p, samples[i]!);
      // A sample stands for the interval up to the next one: about the median interval, 200 µs; use the next delta.
      if (fn !== null) extSamples.push({ ts: p.t, dt: Math.min(deltas[i + 1] ?? 200, 2000), fn });
    }
  }
  extSamples.sort((a, b) => a.ts - b.ts);
  const inWindow = (ts: number) => ts >= startTs && ts <= endTs;
  const fnMs = new Map<string, number>();
  for (const s of extSamples) {
    if (!inWindow(s.ts)) continue;
    out.extJsMs += s.dt / 1000;
    fnMs.set(s.fn, (fnMs.get(s.fn) ?? 0) + s.dt / 1000);
  }
  out.extFunctions = [...fnMs].map(([fn, ms]) => ({ fn, ms })).sort((a, b) => b.ms - a.ms).slice(0, 12);

  // ---- Main-thread complete events, nested; self time by kind; outermost = tasks.
  const xs = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && onMain(e) && e.ts >= startTs && e.ts <= endTs)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  /**
   * `inParse`: the extension's scripts evaluated inside the page's HTML parsing (a document_start content script,
   * Termlight's page-start.js since session 16, runs in the parser's task): in such a task only their own time is
   * the extension's, not the page's parsing around them.
   */
  /**
   * `laterCode`: code of the extension other than its document-start stage ran in the task. `browser`: the
   * browser's own work in it (BROWSER_OWN): its time, its CPU time and its self time by kind.
   */
  interface Task {
    ts: number; end: number; cpuUs: number; ext: boolean; laterCode: boolean; byKind: Record<Kind, number>; probeUs: number; inParse: { us: number; cpuUs: number } | null;
    browser: { us: number; cpuUs: number; byKind: Record<Kind, number>; spans: Array<[number, number]> };
  }
  const tasks: Task[] = [];
  const stack: Array<{ e: TraceEvent; end: number; childUs: number; probe: boolean; browser: boolean }> = [];
  let current: Task | null = null;
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const selfUs = Math.max(0, top.e.dur! - top.childUs);
      if (current) {
        if (top.probe) current.probeUs += selfUs;
        else current.byKind[kindOf(top.e.name)] += selfUs / 1000;
        if (top.browser && !top.probe) current.browser.byKind[kindOf(top.e.name)] += selfUs / 1000;
      }
    }
  };
  let firstStageTs: number | null = null;
  for (const e of xs) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.childUs += e.dur!;
    else {
      current = { ts: e.ts, end: e.ts + e.dur!, cpuUs: e.tdur ?? e.dur!, ext: false, laterCode: false, byKind: empty(), probeUs: 0, inParse: null, browser: { us: 0, cpuUs: 0, byKind: empty(), spans: [] } };
      tasks.push(current);
    }
    const url = e.args?.data?.url;
    if (isExtUrl(url)) {
      current!.ext = true;
      if (!isDocumentStartUrl(url)) current!.laterCode = true;
      if (e.name === 'EvaluateScript' && stack.some((s) => s.e.name === 'ParseHTML') && !stack.some((s) => isExtUrl(s.e.args?.data?.url))) {
        current!.inParse ??= { us: 0, cpuUs: 0 };
        current!.inParse.us += e.dur!;
        current!.inParse.cpuUs += e.tdur ?? e.dur!;
      }
      if (isFirstStageUrl(url) && (firstStageTs === null || e.ts < firstStageTs)) firstStageTs = e.ts;
      if (out.scriptStartTs === null || e.ts < out.scriptStartTs) out.scriptStartTs = e.ts;
    }
    // Everything under the probe's own callback (its getClientRects layouts included) is the bench's, not the page's.
    const probe = (parent?.probe ?? false) || url === PROBE_URL;
    const browser = (parent?.browser ?? false) || BROWSER_OWN.has(e.name);
    if (browser && !parent?.browser) {
      current!.browser.us += e.dur!;
      current!.browser.cpuUs += e.tdur ?? e.dur!;
      current!.browser.spans.push([e.ts, e.ts + e.dur!]);
    }
    stack.push({ e, end: e.ts + e.dur!, childUs: 0, probe, browser });
  }
  close(Infinity);
  if (firstStageTs !== null) out.scriptStartTs = firstStageTs;
  // Samples mark the tasks they fall in.
  let j = 0;
  for (const t of tasks) {
    while (j < extSamples.length && extSamples[j]!.ts < t.ts) j++;
    for (let k = j; k < extSamples.length && extSamples[k]!.ts <= t.end; k++) {
      t.ext = true;
      if (!extSamples[k]!.fn.includes(' page-start.js:')) t.laterCode = true;
    }
  }
  for (const t of tasks) {
    const ms = (t.end - t.ts - t.probeUs) / 1000;
    out.busyMs += ms;
    for (const k of KINDS) out.byKind[k] += t.byKind[k];
    if (t.ext && t.inParse) {
      // The parser's task is the page's; the extension's evaluations in it count as a task of their own.
      out.extTasks++;
      out.extTaskMs += t.inParse.us / 1000;
      out.extTaskCpuMs += t.inParse.cpuUs / 1000;
      out.extLongestTaskMs = Math.max(out.extLongestTaskMs, t.inParse.us / 1000);
      out.extLongestTaskWithBrowserMs = Math.max(out.extLongestTaskWithBrowserMs, t.inParse.us / 1000);
      out.extLongestTaskCpuMs = Math.max(out.extLongestTaskCpuMs, t.inParse.cpuUs / 1000);
      out.extByKind.scripting += t.inParse.us / 1000;
    } else if (t.ext) {
      // The browser's own work in the task (BROWSER_OWN) is not the extension's.
      const own = ms - t.browser.us / 1000;
      out.extTasks++;
      out.extTaskMs += own;
      const cpu = Math.max(0, t.cpuUs - t.probeUs - t.browser.cpuUs) / 1000;
      out.extTaskCpuMs += cpu;
      out.extLongestTaskCpuMs = Math.max(out.extLongestTaskCpuMs, cpu);
      out.extLongestTaskMs = Math.max(out.extLongestTaskMs, own);
      out.extLongestTaskWithBrowserMs = Math.max(out.extLongestTaskWithBrowserMs, ms);
      out.extBrowserMs += t.browser.us / 1000;
      for (const k of KINDS) out.extByKind[k] += t.byKind[k] - t.browser.byKind[k];
    }
  }
  if (out.scriptStartTs === null && extSamples[0]) out.scriptStartTs = extSamples[0].ts;

  // ---- First highlight in the viewport, from the probe's mark.
  const hl = events.filter((e) => e.name === FIRST_HL_MARK && onMain(e)).sort((a, b) => a.ts - b.ts)[0];
  if (hl && out.scriptStartTs !== null) out.firstViewportHlMs = Math.max(0, (hl.ts - out.scriptStartTs) / 1000);

  // ---- Long animation frames (from the probe's PerformanceObserver), mapped onto the trace.
  if (timeOriginTs !== null) {
    const extTasks = tasks.filter((t) => t.ext);
    for (const f of loafs) {
      if (f.duration <= LONG_MS) continue;
      const a = timeOriginTs + f.start * 1000;
      const b = a + f.duration * 1000;
      if (b < startTs || a > endTs) continue;
      out.loafs++;
      const over = extTasks.filter((t) => t.ts < b && t.end > a);
      if (over.length) {
        out.extLoafs++;
        out.extLongestLoafMs = Math.max(out.extLongestLoafMs, f.duration);
        // Only a frame whose extension code is all its document-start stage's (page-start.js, run while the page is
        // parsed) can be the page's own: there, the extension's time is its evaluation in the parser's task and its
        // continuations. Any later code of ours in a frame makes it ours: frames that paint our highlight changes have
        // no code of ours in them unless a callback of ours runs there, so their paint cannot be told apart.
        const docStartMs = over.reduce((sum, t) => sum + (t.inParse ? t.inParse.us : Math.min(t.end, b) - Math.max(t.ts, a)), 0) / 1000;
        // The browser's own work in the frame (BROWSER_OWN, in any of its tasks): a frame that would not be long
        // without it is not caused by the extension, whatever callback of ours ran in it.
        const browserMs = tasks.reduce((sum, t) => sum + t.browser.spans.reduce((s2, [x, y]) => s2 + Math.max(0, Math.min(y, b) - Math.max(x, a)), 0), 0) / 1000;
        const laterCode = over.some((t) => t.laterCode);
        if ((laterCode && f.duration - browserMs > LONG_MS) || (!laterCode && (f.duration - docStartMs <= LONG_MS || docStartMs > LONG_MS))) {
          out.extCausedLoafs++;
          out.extCausedLongestLoafMs = Math.max(out.extCausedLongestLoafMs, f.duration);
        }
      }
    }
  }
  return out;
}

/** The extension frame nearest the top of a sample's stack (as name@line:col), or null. Memoised per node. */
function extFrame(p: { nodes: Map<number, ProfileNode>; ext: Map<number, string | null> }, id: number): string | null {
  const known = p.ext.get(id);
  if (known !== undefined) return known;
  const n = p.nodes.get(id);
  let v: string | null = null;
  if (n) {
    if (isExtUrl(n.callFrame.url)) {
      const path = n.callFrame.url!.replace(/^chrome-extension:\/\/[^/]+\//, '');
      v = `${n.callFrame.functionName || '(anonymous)'} ${path}:${(n.callFrame.lineNumber ?? 0) + 1}:${(n.callFrame.columnNumber ?? 0) + 1}`;
    } else if (n.parent !== undefined) {
      const up = extFrame(p, n.parent);
      // Native/builtin callees of the extension's code (Range, Highlight.add, RegExp…) count as its time.
      v = up === null ? null : n.callFrame.url ? null : `${up} → ${n.callFrame.functionName || '(native)'}`;
      if (v && v.split(' → ').length > 2) v = up;
    }
  }
  p.ext.set(id, v);
  return v;
}

/**
 * The loads of one variant in a folder of saved traces (BENCH_TRACE_DIR: `<variant>-….json`), each read
 * with `read`; a trace it cannot read (null) is left out. For the trace tools (first-marks.ts,
 * first-stage-cost.ts).
 */
export function tracedLoads<T>(dir: string, variant: string, read: (events: TraceEvent[]) => T | null): T[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${variant}-`) && f.endsWith('.json'))
    .map((f) => read(JSON.parse(readFileSync(join(dir, f), 'utf8')) as TraceEvent[]))
    .filter((l): l is T => l !== null);
}
