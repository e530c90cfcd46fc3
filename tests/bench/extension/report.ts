/**
 * bench:extension numbers → per-page medians, group geometric means, targets (PASS/MISS), a text table and
 * the "Extension page-load bench" section of tests/bench/RESULTS.md (between markers; the rest of the file,
 * written by `npm run bench`, is left as it is).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { geomean, median as medianOf } from '../lib/report';
import { KINDS, type Kind, type LoadAnalysis } from './analyse';


/** The main-thread costs a trace gives for a page load or for the storm (see analyse.ts). */
type TraceCosts = Pick<LoadAnalysis, 'busyMs' | 'byKind' | 'extTasks' | 'extTaskMs' | 'extLongestTaskMs' | 'extJsMs' | 'extByKind'>;

export type Variant = 'none' | 'termlight' | 'reference';

export interface LoadRecord extends TraceCosts {
  /** Missing in results written before session 22 (analyse.ts, BROWSER_OWN). */
  extLongestTaskWithBrowserMs?: number;
  extBrowserMs?: number;
  extLongestTaskCpuMs?: number;
  firstViewportHlMs: number | null;
  loafs: number;
  extLoafs: number;
  extLongestLoafMs: number;
  /** Missing in results written before session 21. */
  extCausedLoafs?: number;
  extCausedLongestLoafMs?: number;
  windowMs: number;
  highlights: number;
  loadMs: number;
  heapBytes: number;
  nodes: number;
  extFunctions: Array<{ fn: string; ms: number }>;
}

export interface StormRecord {
  variant: Variant;
  mutations: number;
  seconds: number;
  busyMs: number;
  byKind: Record<Kind, number>;
  extTasks: number;
  extTaskMs: number;
  extLongestTaskMs: number;
  extJsMs: number;
  loafs: number;
  extLoafs: number;
  extLongestLoafMs: number;
  /** Missing in results written before session 21. */
  extCausedLoafs?: number;
  extCausedLongestLoafMs?: number;
  caughtUp: boolean;
  extFunctions: Array<{ fn: string; ms: number }>;
}

export interface PageRecords {
  id: string;
  group: string;
  source: string;
  htmlBytes: number;
  termlight: LoadRecord[];
  reference: LoadRecord[];
  none: LoadRecord[];
  /** The "none" load cut at the termlight / reference load's settle time, round by round. */
  noneAtTermlight: LoadRecord[];
  noneAtReference: LoadRecord[];
  error?: string;
}

export interface ExtBenchResults {
  date: string;
  corpus: string;
  environment: Record<string, unknown>;
  settings: Record<string, unknown>;
  pages: PageRecords[];
  storm: StormRecord[] | null;
  durationSec: number;
}

/** The median of the finite values (a load that measured nothing is left out). */
export function median(xs: number[]): number {
  return medianOf(xs.filter((x) => Number.isFinite(x)));
}


/** Added times under 1 ms are noise: geometric means and ratios use at least 1 ms. */
const FLOOR_MS = 1;
const atLeast = (x: number) => Math.max(FLOOR_MS, x);

export interface PageSummary {
  id: string;
  group: string;
  htmlKB: number;
  noneMs: number;
  /** Median over rounds of (variant − none cut at the same time), ms. */
  tlAddedMs: number;
  refAddedMs: number;
  tlOverRef: number;
  tlAddedByKind: Record<Kind, number>;
  refAddedByKind: Record<Kind, number>;
  tlExtTaskMs: number;
  tlExtTasks: number;
  tlExtLongestMs: number;
  /** The same with the browser's own work in the tasks counted (analyse.ts, BROWSER_OWN). */
  tlExtLongestWithBrowserMs: number;
  tlExtJsMs: number;
  tlExtByKind: Record<Kind, number>;
  refExtTaskMs: number;
  refExtLongestMs: number;
  tlFirstHlMs: number | null;
  refFirstHlMs: number | null;
  tlLoafs: number;
  tlExtLoafs: number;
  tlExtLongestLoafMs: number;
  tlExtCausedLoafs: number;
  tlExtCausedLongestLoafMs: number;
  refExtLoafs: number;
  tlHeapAddedMB: number;
  refHeapAddedMB: number;
  tlHighlights: number;
  refHighlights: number;
  tlFunctions: Array<{ fn: string; ms: number }>;
}

function kindMedians(a: LoadRecord[], b: LoadRecord[]): Record<Kind, number> {
  const out = {} as Record<Kind, number>;
  for (const k of KINDS) out[k] = median(a.map((x, i) => x.byKind[k] - (b[i]?.byKind[k] ?? NaN)));
  return out;
}

export function summarisePage(p: PageRecords): PageSummary {
  const tlAdded = p.termlight.map((t, i) => t.busyMs - (p.noneAtTermlight[i]?.busyMs ?? NaN));
  const refAdded = p.reference.map((t, i) => t.busyMs - (p.noneAtReference[i]?.busyMs ?? NaN));
  const tlAddedMs = median(tlAdded);
  const refAddedMs = median(refAdded);
  const first = (rs: LoadRecord[]) => {
    const xs = rs.map((r) => r.firstViewportHlMs).filter((x): x is number => x !== null);
    return xs.length ? median(xs) : null;
  };
  const extByKind = {} as Record<Kind, number>;
  for (const k of KINDS) extByKind[k] = median(p.termlight.map((r) => r.extByKind[k]));
  const fns = new Map<string, number[]>();
  for (const r of p.termlight) for (const f of r.extFunctions) fns.set(f.fn, [...(fns.get(f.fn) ?? []), f.ms]);
  return {
    id: p.id,
    group: p.group,
    htmlKB: p.htmlBytes / 1024,
    noneMs: median(p.none.map((r) => r.busyMs)),
    tlAddedMs,
    refAddedMs,
    tlOverRef: atLeast(tlAddedMs) / atLeast(refAddedMs),
    tlAddedByKind: kindMedians(p.termlight, p.noneAtTermlight),
    refAddedByKind: kindMedians(p.reference, p.noneAtReference),
    tlExtTaskMs: median(p.termlight.map((r) => r.extTaskMs)),
    tlExtTasks: median(p.termlight.map((r) => r.extTasks)),
    tlExtLongestMs: median(p.termlight.map((r) => r.extLongestTaskMs)),
    tlExtLongestWithBrowserMs: median(p.termlight.map((r) => r.extLongestTaskWithBrowserMs ?? r.extLongestTaskMs)),
    tlExtJsMs: median(p.termlight.map((r) => r.extJsMs)),
    tlExtByKind: extByKind,
    refExtTaskMs: median(p.reference.map((r) => r.extTaskMs)),
    refExtLongestMs: median(p.reference.map((r) => r.extLongestTaskMs)),
    tlFirstHlMs: first(p.termlight),
    refFirstHlMs: first(p.reference),
    tlLoafs: median(p.termlight.map((r) => r.loafs)),
    tlExtLoafs: Math.max(0, ...p.termlight.map((r) => r.extLoafs)),
    tlExtLongestLoafMs: Math.max(0, ...p.termlight.map((r) => r.extLongestLoafMs)),
    tlExtCausedLoafs: Math.max(0, ...p.termlight.map((r) => r.extCausedLoafs ?? r.extLoafs)),
    tlExtCausedLongestLoafMs: Math.max(0, ...p.termlight.map((r) => r.extCausedLongestLoafMs ?? r.extLongestLoafMs)),
    refExtLoafs: Math.max(0, ...p.reference.map((r) => r.extLoafs)),
    tlHeapAddedMB: median(p.termlight.map((r, i) => r.heapBytes - (p.none[i]?.heapBytes ?? NaN))) / 2 ** 20,
    refHeapAddedMB: median(p.reference.map((r, i) => r.heapBytes - (p.none[i]?.heapBytes ?? NaN))) / 2 ** 20,
    tlHighlights: median(p.termlight.map((r) => r.highlights)),
    refHighlights: median(p.reference.map((r) => r.highlights)),
    tlFunctions: [...fns].map(([fn, ms]) => ({ fn, ms: median(ms) })).sort((a, b) => b.ms - a.ms).slice(0, 8),
  };
}

export interface GroupSummary {
  group: string;
  pages: number;
  tlAddedGeo: number;
  refAddedGeo: number;
  tlOverRefGeo: number;
  tlAddedSum: number;
  refAddedSum: number;
  tlWorse: number;
  tlAddedByKindSum: Record<Kind, number>;
  tlExtByKindSum: Record<Kind, number>;
  tlExtJsSum: number;
  tlExtTaskSum: number;
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  pass: boolean | null;
}

export interface Summary {
  pages: PageSummary[];
  groups: GroupSummary[];
  targets: Target[];
  storm: { termlight?: StormRecord; reference?: StormRecord; none?: StormRecord } | null;
}

export const LIMITS = { fixedMs: 10, firstHlMs: 50, bigAddedMs: 1000, longMs: 50 };

export function summarise(r: ExtBenchResults): Summary {
  const pages = r.pages.filter((p) => !p.error && p.termlight.length && p.none.length).map(summarisePage);
  const groups: GroupSummary[] = [];
  for (const g of ['real', 'medical', 'synthetic', 'fixture']) {
    const ps = pages.filter((p) => p.group === g);
    if (ps.length === 0) continue;
    const sumKinds = (f: (p: PageSummary) => Record<Kind, number>) => {
      const out = {} as Record<Kind, number>;
      for (const k of KINDS) out[k] = ps.reduce((s, p) => s + (Number.isFinite(f(p)[k]) ? f(p)[k] : 0), 0);
      return out;
    };
    groups.push({
      group: g,
      pages: ps.length,
      tlAddedGeo: geomean(ps.map((p) => atLeast(p.tlAddedMs))),
      refAddedGeo: geomean(ps.map((p) => atLeast(p.refAddedMs))),
      tlOverRefGeo: geomean(ps.map((p) => p.tlOverRef)),
      tlAddedSum: ps.reduce((s, p) => s + p.tlAddedMs, 0),
      refAddedSum: ps.reduce((s, p) => s + p.refAddedMs, 0),
      tlWorse: ps.filter((p) => p.tlOverRef > 1).length,
      tlAddedByKindSum: sumKinds((p) => p.tlAddedByKind),
      tlExtByKindSum: sumKinds((p) => p.tlExtByKind),
      tlExtJsSum: ps.reduce((s, p) => s + p.tlExtJsMs, 0),
      tlExtTaskSum: ps.reduce((s, p) => s + p.tlExtTaskMs, 0),
    });
  }
  const f0 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(0));
  const targets: Target[] = [];
  for (const g of ['real', 'medical', 'synthetic']) {
    const gs = groups.find((x) => x.group === g && x.group !== 'fixture');
    const syntheticCorpus = g === 'synthetic' ? pages.filter((p) => p.group === 'synthetic') : null;
    targets.push({
      name: `added main thread ≤ reference (${g})`,
      goal: 'termlight ≤ reference, geometric mean of the pages',
      value: gs
        ? `${f0(gs.tlAddedGeo)} vs ${f0(gs.refAddedGeo)} ms (${gs.tlOverRefGeo.toFixed(2)}×; worse on ${gs.tlWorse}/${gs.pages} pages)` +
          (syntheticCorpus ? '' : '')
        : 'not measured',
      pass: gs ? gs.tlAddedGeo <= gs.refAddedGeo : null,
    });
  }
  const empty = pages.find((p) => p.id.includes('near-empty'));
  targets.push({
    name: 'fixed cost, near-empty page',
    goal: `≤ ${LIMITS.fixedMs} ms of extension tasks`,
    value: empty ? `${empty.tlExtTaskMs.toFixed(1)} ms in ${empty.tlExtTasks} tasks (+${empty.tlAddedMs.toFixed(0)} ms main thread)` : 'not measured',
    pass: empty ? empty.tlExtTaskMs <= LIMITS.fixedMs : null,
  });
  const corpus = pages.filter((p) => p.group !== 'fixture' && p.tlFirstHlMs !== null);
  const worstHl = [...corpus].sort((a, b) => b.tlFirstHlMs! - a.tlFirstHlMs!)[0];
  const overHl = corpus.filter((p) => p.tlFirstHlMs! > LIMITS.firstHlMs).length;
  targets.push({
    name: 'first viewport highlight, every corpus page',
    goal: `≤ ${LIMITS.firstHlMs} ms after the content script starts`,
    value: worstHl
      ? `median ${median(corpus.map((p) => p.tlFirstHlMs!)).toFixed(0)} ms, worst ${worstHl.tlFirstHlMs!.toFixed(0)} ms (${worstHl.id}); ${overHl}/${corpus.length} pages over`
      : 'no page had a highlight in the viewport',
    pass: worstHl ? overHl === 0 : null,
  });
  const big = pages.find((p) => p.group === 'synthetic' && !p.id.startsWith('fixture/'));
  targets.push({
    name: '5 MB page: added main thread',
    goal: `≤ ${LIMITS.bigAddedMs} ms`,
    value: big ? `${big.tlAddedMs.toFixed(0)} ms (reference ${big.refAddedMs.toFixed(0)} ms)` : 'not measured',
    pass: big ? big.tlAddedMs <= LIMITS.bigAddedMs : null,
  });
  /** `caused`: the frames caused by its code (analyse.ts); `withCode`: every frame its code ran in, shown beside them. */
  const longTarget = (
    name: string,
    longest: number | undefined,
    withCode: { n: number; ms: number } | undefined,
    caused: { n: number; ms: number } | undefined,
    /** The longest task with the browser's own work in it counted (analyse.ts, BROWSER_OWN), shown when it differs. */
    withBrowser?: number,
  ) => ({
    name,
    goal: `no extension task and no long animation frame caused by its code over ${LIMITS.longMs} ms`,
    value:
      longest === undefined || !withCode || !caused
        ? 'not measured'
        : `longest extension task ${longest.toFixed(0)} ms${withBrowser !== undefined && withBrowser.toFixed(0) !== longest.toFixed(0) ? ` (${withBrowser.toFixed(0)} ms with the browser's page-text capture in it)` : ''}; ${caused.n} LoAF > ${LIMITS.longMs} ms caused by its code${caused.n ? ` (longest ${caused.ms.toFixed(0)} ms)` : ''}, ${withCode.n} with its code in them${withCode.n ? ` (longest ${withCode.ms.toFixed(0)} ms)` : ''}`,
    pass: longest === undefined || !caused ? null : longest <= LIMITS.longMs && caused.n === 0,
  });
  const frames = (n: number | undefined, ms: number | undefined) => (n === undefined ? undefined : { n, ms: ms ?? 0 });
  targets.push(longTarget('5 MB page: long tasks', big?.tlExtLongestMs, frames(big?.tlExtLoafs, big?.tlExtLongestLoafMs), frames(big?.tlExtCausedLoafs, big?.tlExtCausedLongestLoafMs), big?.tlExtLongestWithBrowserMs));
  const stormT = r.storm?.find((s) => s.variant === 'termlight');
  targets.push(
    longTarget(
      `mutation storm (${r.storm ? '10 s' : '–'}): long tasks`,
      stormT?.extLongestTaskMs,
      frames(stormT?.extLoafs, stormT?.extLongestLoafMs),
      frames(stormT ? (stormT.extCausedLoafs ?? stormT.extLoafs) : undefined, stormT?.extCausedLongestLoafMs ?? stormT?.extLongestLoafMs),
    ),
  );
  const every = pages.find((p) => p.id.includes('every-node'));
  targets.push(longTarget('every-node page: long tasks', every?.tlExtLongestMs, frames(every?.tlExtLoafs, every?.tlExtLongestLoafMs), frames(every?.tlExtCausedLoafs, every?.tlExtCausedLongestLoafMs), every?.tlExtLongestWithBrowserMs));
  const storm = r.storm
    ? {
        termlight: r.storm.find((s) => s.variant === 'termlight'),
        reference: r.storm.find((s) => s.variant === 'reference'),
        none: r.storm.find((s) => s.variant === 'none'),
      }
    : null;
  return { pages, groups, targets, storm };
}

// ------------------------------------------------------------------------------------------------ rendering
const n0 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0));
const n1 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const n2 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));
const mark = (p: boolean | null) => (p === null ? 'n/a' : p ? 'PASS' : 'MISS');
const kindLine = (k: Record<Kind, number>) => KINDS.map((x) => `${x} ${n0(k[x])}`).join(', ');

function stormLines(s: Summary['storm']): string[] {
  if (!s) return [];
  const row = (x: StormRecord | undefined, none: StormRecord | undefined) =>
    x
      ? `${x.variant}: ${x.mutations} mutations in ${x.seconds.toFixed(1)} s; main thread ${n0(x.busyMs)} ms` +
        (none && x !== none ? ` (+${n0(x.busyMs - none.busyMs)})` : '') +
        (x.variant === 'none' ? '' : `; extension tasks ${n0(x.extTaskMs)} ms in ${x.extTasks}, longest ${n1(x.extLongestTaskMs)} ms; LoAF > 50 ms with its code ${x.extLoafs}`) +
        `; LoAF > 50 ms ${x.loafs}` +
        (x.variant === 'none' ? '' : `; highlights caught up: ${x.caughtUp ? 'yes' : 'no'}`)
      : '';
  return [row(s.termlight, s.none), row(s.reference, s.none), row(s.none, s.none)].filter(Boolean);
}

export function renderText(r: ExtBenchResults, s: Summary): string {
  const lines: string[] = [];
  lines.push(`bench:extension — ${r.date}, ${r.environment.browser ?? ''}, ${r.settings.rounds} rounds, ${s.pages.length} pages, ${r.durationSec.toFixed(0)} s`);
  lines.push('');
  lines.push(`${'page'.padEnd(58)} ${'none'.padStart(6)} ${'+tl'.padStart(6)} ${'+ref'.padStart(6)} ${'tl/ref'.padStart(6)} ${'tlExt'.padStart(6)} ${'tlMax'.padStart(6)} ${'refExt'.padStart(6)} ${'1stHl'.padStart(6)} ${'hl tl/ref'.padStart(13)}`);
  for (const p of s.pages) {
    lines.push(
      `${p.id.slice(0, 58).padEnd(58)} ${n0(p.noneMs).padStart(6)} ${n0(p.tlAddedMs).padStart(6)} ${n0(p.refAddedMs).padStart(6)} ${n2(p.tlOverRef).padStart(6)} ` +
        `${n0(p.tlExtTaskMs).padStart(6)} ${n0(p.tlExtLongestMs).padStart(6)} ${n0(p.refExtTaskMs).padStart(6)} ${n0(p.tlFirstHlMs).padStart(6)} ${`${n0(p.tlHighlights)}/${n0(p.refHighlights)}`.padStart(13)}`,
    );
  }
  for (const p of r.pages.filter((x) => x.error)) lines.push(`${p.id.padEnd(58)} ERROR ${p.error}`);
  lines.push('');
  lines.push('group      pages  +tl geo  +ref geo  tl/ref geo  worse  +tl sum  +ref sum');
  for (const g of s.groups) {
    lines.push(`${g.group.padEnd(10)} ${String(g.pages).padStart(5)} ${n1(g.tlAddedGeo).padStart(8)} ${n1(g.refAddedGeo).padStart(9)} ${n2(g.tlOverRefGeo).padStart(11)} ${String(g.tlWorse).padStart(6)} ${n0(g.tlAddedSum).padStart(8)} ${n0(g.refAddedSum).padStart(9)}`);
    lines.push(`           termlight added by kind: ${kindLine(g.tlAddedByKindSum)}; in its own tasks: ${kindLine(g.tlExtByKindSum)} (its JS sampled ${n0(g.tlExtJsSum)})`);
  }
  lines.push(...stormLines(s.storm));
  lines.push('');
  for (const t of s.targets) lines.push(`${mark(t.pass).padEnd(5)} ${t.name}: ${t.value}   [goal ${t.goal}]`);
  return lines.join('\n');
}

const BEGIN = '<!-- bench:extension begin (written by `npm run bench:extension`; keep the markers) -->';
const END = '<!-- bench:extension end -->';

/** Replaces the section between the markers, or appends it. */
export function writeResultsSection(file: string, section: string) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const block = `${BEGIN}\n${section.trim()}\n${END}\n`;
  const a = old.indexOf(BEGIN);
  const b = old.indexOf(END);
  const next = a >= 0 && b > a ? old.slice(0, a) + block + old.slice(b + END.length).replace(/^\n/, '') : `${old.replace(/\s*$/, '')}\n\n${block}`;
  writeFileSync(file, next);
}

export function renderMarkdownSection(r: ExtBenchResults, s: Summary): string {
  const L: string[] = [];
  const env = r.environment;
  L.push('## Extension page-load bench (`npm run bench:extension`)');
  L.push('');
  L.push(
    `${r.date.slice(0, 10)}, ${env.browser ?? 'Chromium'} headless, ${env.machine ?? ''}; source ${env.source ?? '?'}; ` +
      `${r.settings.rounds} rounds; ${s.pages.length} pages; reference extension with ${env.referenceAliases ?? '?'} aliases; ` +
      `load average ${Number(env.loadAverageAtStart ?? NaN).toFixed(2)} → ${Number(env.loadAverageAtEnd ?? NaN).toFixed(2)}; ${Math.round(r.durationSec / 60)} min.`,
  );
  L.push('');
  L.push('### Method');
  L.push('');
  L.push(
    '- Every page is loaded in three persistent Chromium profiles: **none** (no extension), **termlight** (`.output/chrome-mv3`, rebuilt by the bench) and ' +
      '**reference**, an extension the bench writes at run time from `glossary/generated/match.json`: at `document_idle`, one case-insensitive alternation RegExp of all aliases ' +
      '(longest first) over a TreeWalker read of the body, every match a Range in one `Highlight` registered at the end. No settings, storage, messages or mutation watching.',
  );
  L.push(
    '- Each load is traced with CDP `Tracing` (devtools.timeline, toplevel, blink.user_timing and the V8 sampling profiler) from the page\'s time origin until it has settled ' +
      `(highlights unchanged for ${r.settings.quietMs} ms and two 50 ms timers in a row under 10 ms late; an extension gets up to 1 s to register a first highlight; a Termlight build that counts its reads in flight (\`readingForTests\` in its content scripts' isolated world, read over CDP) also waits until that count is zero). Other hosts fail at DNS (\`--host-resolver-rules\`) in every variant.`,
  );
  L.push(
    '- **Main-thread time** = the page main thread\'s outermost trace events (tasks), the bench\'s own probe excluded. **Added** = a variant\'s time − the *none* load\'s time cut at the same moment of page time ' +
      '(none runs last in each round and waits as long as the longer extension load), so a page\'s own timers weigh the same. Medians of the rounds per page; group figures are geometric means over pages (added values floored at 1 ms).',
  );
  L.push(
    '- **Extension tasks** = tasks in which the extension\'s code ran: an event naming a `chrome-extension://` script, or a V8 sample (≈ every 200 µs) with one of its frames on the stack ' +
      '(the samples are needed: code after `await chrome.storage…` runs in “Receive mojo message”/microtask tasks with no script URL). Whole task time counts, style and layout it forced included. *other* = task overhead, IPC and JavaScript that runs with no trace event of its own (promise continuations after storage and message replies): the sampled-JS column says how much of it is the extension\'s code.',
  );
  L.push(
    '- **First viewport highlight** = from the extension\'s first script event (its EvaluateScript) to the frame in which an init script in the page (main world, polling `CSS.highlights` every 5 ms, any highlight name, each range looked at once) first finds a registered highlight range with a box in the 1280×800 viewport (the mark is put in the next animation frame). ' +
      '**Long animation frames** come from a `long-animation-frame` PerformanceObserver in the same init script, mapped onto the trace; one “has the extension\'s code” when an extension task overlaps it, and is “caused by” it unless the extension\'s only code in it is its document-start stage (page-start.js, run while the page is parsed) and the frame would be long without that stage\'s time in it (its evaluation in the page\'s parser task, as for extension tasks, and its continuations): the long-task targets count those (since session 21; before, every frame with its code in it, the page\'s own parsing frame included). **Memory** = `JSHeapUsedSize` after a forced GC (the renderer\'s V8 heap, content-script world included) minus none\'s.',
  );
  L.push(
    '- Termlight\'s content script comes in two files since session 6: `content-scripts/content.js`, a small first stage injected in every frame, and `reader.js`, which the first stage ' +
      'imports as a module (a per-session `chrome-extension://` address) in frames worth reading whose text could hold a term (since session 7: a generated filter of the glossary\'s words; ' +
      'the near-empty page loads no reader); since session 11 the reader imports the glossary entries\' names (`reader-names.js`) after its first marks are painted. All count as the extension\'s code by their URL, and the first viewport highlight is timed from the first stage\'s ' +
      'EvaluateScript, so the wait for the reader (fetch, compile) is inside it. Chromium compiles the reader mostly on a background thread (V8 streaming): that work is not main-thread time and is not counted.',
  );
  L.push(
    '- Extra pages: `fixture/near-empty.html` (one sentence, no terms: the fixed cost), `fixture/every-node.html` (tests/fixtures/generated text-nodes, a term in every text node), the 5 MB synthetic page of `npm run bench`, and the 10 s mutation storm ' +
      '(tests/fixtures/generated mutation-storm, 10,000 changes/s; traced while it runs, once per variant).',
  );
  if (r.settings.baseline) {
    L.push(
      `- This run also loaded every page with another build of Termlight (\`--baseline ${r.settings.baseline}\`), in the same rounds (right before or right after this build's load, alternating; ` +
        '*none* waited as long as the longest of the four); the tables are this build\'s, its before → after is printed at the end of the run and stored as `baseline` in the results JSON.',
    );
  }
  L.push('');
  L.push('### Targets');
  L.push('');
  L.push('| target | goal | value | |');
  L.push('|---|---|---|---|');
  for (const t of s.targets) L.push(`| ${t.name} | ${t.goal} | ${t.value} | **${mark(t.pass)}** |`);
  L.push('');
  L.push('### By group (added main-thread ms over no extension)');
  L.push('');
  L.push('| group | pages | termlight (geo) | reference (geo) | termlight/reference (geo) | pages where termlight costs more | termlight sum | reference sum |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of s.groups) L.push(`| ${g.group} | ${g.pages} | ${n1(g.tlAddedGeo)} | ${n1(g.refAddedGeo)} | ${n2(g.tlOverRefGeo)} | ${g.tlWorse} | ${n0(g.tlAddedSum)} | ${n0(g.refAddedSum)} |`);
  L.push('');
  L.push('Where termlight\'s time goes (sums over the group\'s pages of per-page medians, ms):');
  L.push('');
  L.push(`| group | added: ${KINDS.join(' / ')} | in termlight\'s own tasks: ${KINDS.join(' / ')} | its JS (sampled) |`);
  L.push('|---|---|---|---:|');
  for (const g of s.groups) L.push(`| ${g.group} | ${KINDS.map((k) => n0(g.tlAddedByKindSum[k])).join(' / ')} | ${KINDS.map((k) => n0(g.tlExtByKindSum[k])).join(' / ')} | ${n0(g.tlExtJsSum)} |`);
  if (s.storm) {
    L.push('');
    L.push('### Mutation storm');
    L.push('');
    for (const l of stormLines(s.storm)) L.push(`- ${l}`);
  }
  const special = s.pages.filter((p) => p.group === 'fixture' || p.group === 'synthetic');
  const top = [...s.pages].filter((p) => p.group !== 'fixture' && p.group !== 'synthetic').sort((a, b) => b.tlAddedMs - a.tlAddedMs).slice(0, 12);
  L.push('');
  L.push('### Pages');
  L.push('');
  L.push('The special pages, then the 12 corpus pages where termlight adds the most (all pages: `tests/bench/results/extension-latest.json`).');
  L.push('');
  L.push('| page | none ms | +termlight | +reference | tl/ref | tl ext tasks (longest) | ref ext tasks | 1st viewport hl tl / ref | LoAF>50 with tl code | heap +MB tl / ref | highlights tl / ref |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of [...special, ...top]) {
    L.push(
      `| ${p.id} | ${n0(p.noneMs)} | ${n0(p.tlAddedMs)} | ${n0(p.refAddedMs)} | ${n2(p.tlOverRef)} | ${n0(p.tlExtTaskMs)} (${n0(p.tlExtLongestMs)}) | ${n0(p.refExtTaskMs)} | ${n0(p.tlFirstHlMs)} / ${n0(p.refFirstHlMs)} | ${p.tlExtLoafs} | ${n1(p.tlHeapAddedMB)} / ${n1(p.refHeapAddedMB)} | ${n0(p.tlHighlights)} / ${n0(p.refHighlights)} |`,
    );
  }
  const big = s.pages.find((p) => p.group === 'synthetic' && !p.id.startsWith('fixture/'));
  if (big?.tlFunctions.length) {
    L.push('');
    L.push(`Termlight's busiest functions on ${big.id} (sampled, minified bundle names, ms): ${big.tlFunctions.map((f) => `\`${f.fn}\` ${n0(f.ms)}`).join(', ')}.`);
  }
  return L.join('\n');
}
