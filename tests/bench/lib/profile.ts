/**
 * Summarises a V8 CPU profile (CDP Profiler.stop) by self time: which functions the time went to, and which
 * source module each belongs to (read from esbuild's `// path/to/module.ts` comments in the bundle).
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTimeRow {
  fn: string;
  module: string;
  selfMs: number;
  share: number;
  totalMs: number;
}

/** Line ranges of the bundle's modules: esbuild writes `  // glossary/matcher.ts` before each module's code. */
export function moduleMap(bundle: string): (line0: number) => string {
  const starts: Array<{ line: number; module: string }> = [];
  const lines = bundle.split('\n');
  lines.forEach((l, i) => {
    const m = /^\s*\/\/ ((?:node_modules|entrypoints|glossary|components|tests)\/\S+\.(?:ts|tsx|js|mjs|cjs|json))$/.exec(l);
    if (m) starts.push({ line: i, module: m[1]!.replace(/^node_modules\//, 'npm:') });
  });
  return (line0: number) => {
    let found = '(bundle)';
    for (const s of starts) {
      if (s.line <= line0) found = s.module;
      else break;
    }
    return found;
  };
}

/** Self time per function (and total time incl. callees), biggest first. */
export function summariseProfile(profile: CpuProfile, bundleUrl: string, moduleOf: (line0: number) => string, top = 20): {
  /** Sampled time, idle included. */
  totalMs: number;
  /** Sampled time without (idle): the shares are of this. */
  busyMs: number;
  rows: SelfTimeRow[];
  byModule: Array<{ module: string; selfMs: number; share: number }>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the interval after a sample to it.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const keyOf = (n: CpuProfileNode) => {
    const cf = n.callFrame;
    const name = cf.functionName || '(anonymous)';
    if (cf.url === bundleUrl) return { key: `${name}@${cf.lineNumber}`, fn: name, module: moduleOf(cf.lineNumber) };
    if (!cf.url) return { key: name, fn: name, module: name.startsWith('(') ? name : '(native)' };
    return { key: `${name}@${cf.url}:${cf.lineNumber}`, fn: name, module: cf.url };
  };
  const rows = new Map<string, SelfTimeRow>();
  const modules = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const { key, fn, module } = keyOf(n);
    const row = rows.get(key) ?? { fn, module, selfMs: 0, share: 0, totalMs: 0 };
    row.selfMs += ms;
    rows.set(key, row);
    modules.set(module, (modules.get(module) ?? 0) + ms);
    totalMs += ms;
    // Total (inclusive) time: count this sample once for every distinct function on its stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!);
      if (seen.has(k.key)) continue;
      seen.add(k.key);
      const r = rows.get(k.key) ?? { fn: k.fn, module: k.module, selfMs: 0, share: 0, totalMs: 0 };
      r.totalMs += ms;
      rows.set(k.key, r);
    }
  }
  const list = [...rows.values()].filter((r) => r.selfMs > 0 && r.fn !== '(idle)');
  const busy = list.reduce((s, r) => s + r.selfMs, 0);
  for (const r of list) r.share = busy > 0 ? r.selfMs / busy : 0;
  list.sort((a, b) => b.selfMs - a.selfMs);
  const byModule = [...modules]
    .filter(([m]) => m !== '(idle)')
    .map(([module, selfMs]) => ({ module, selfMs, share: busy > 0 ? selfMs / busy : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs, busyMs: busy, rows: list.slice(0, top), byModule };
}
