/**
 * Self time per trace event name on the renderer's main thread, from a Chromium trace (browser.startTracing):
 * tells how much of a period went to script, style, layout, paint… (e.g. while Termlight's pass yields).
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface TraceSummary {
  /** Main-thread busy time (top-level events) in the window, ms. */
  busyMs: number;
  windowMs: number;
  rows: Array<{ name: string; selfMs: number; count: number }>;
}

/**
 * `from`/`to` are trace timestamps (µs) bounding the period of interest; by default the whole trace.
 * The main thread is the renderer thread named CrRendererMain with the most events.
 */
export function summariseTrace(json: Buffer | string, from?: number, to?: number): TraceSummary {
  const data = JSON.parse(json.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(data) ? data : (data.traceEvents ?? []);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const counts = new Map<string, number>();
  for (const e of events) if (e.ph === 'X') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = mains.map((m) => `${m.pid}:${m.tid}`).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
  if (!main) return { busyMs: 0, windowMs: 0, rows: [] };

  const xs = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && typeof e.dur === 'number')
    .filter((e) => (from === undefined || e.ts >= from) && (to === undefined || e.ts <= to))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, { selfMs: number; count: number }>();
  const stack: Array<{ e: TraceEvent; end: number; childUs: number }> = [];
  let busyUs = 0;
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const row = self.get(top.e.name) ?? { selfMs: 0, count: 0 };
      row.selfMs += Math.max(0, top.e.dur! - top.childUs) / 1000;
      row.count++;
      self.set(top.e.name, row);
    }
  };
  for (const e of xs) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.childUs += e.dur!;
    else busyUs += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, childUs: 0 });
  }
  close(Infinity);
  const first = xs[0]?.ts ?? 0;
  const last = xs.reduce((m, e) => Math.max(m, e.ts + e.dur!), first);
  return {
    busyMs: busyUs / 1000,
    windowMs: (last - first) / 1000,
    rows: [...self].map(([name, r]) => ({ name, ...r })).sort((a, b) => b.selfMs - a.selfMs),
  };
}
