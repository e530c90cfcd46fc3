/**
 * The benchmark's in-page script, bundled by esbuild (tests/bench/lib/bundle.ts) as a factory that
 * tests/bench/run.ts calls before every run of every approach: each run starts from fresh module state
 * (Termlight's defaultMatcher() is built anew, as it is in each page the extension runs in), and every
 * approach is measured the same way.
 *
 * Approaches (each returns its timings and how many highlights it found):
 *   floor      a TreeWalker(SHOW_TEXT) reading every visible text node's data: the least any scanner must do
 *   termlight  the shipped full pass: createDocumentScanner(...).scanAll(), imported from entrypoints/content
 *   regex      one case-insensitive alternation of all aliases (longest first, \b…\b) over each text node,
 *              StaticRanges registered with the Highlight API
 *   markjs     mark.js marking the same aliases, whole words (mutates the DOM: the runner reloads after)
 *   fuse       Fuse.js searched once per word over all aliases (time-capped)
 */
import Fuse from 'fuse.js';
import Mark from 'mark.js';
import { createDocumentScanner, firstVisibleText } from '../../../entrypoints/content/terms/document-scanner';
import { orderedTextNodes } from '../../../entrypoints/content/scan/scan-in-slices';
import { tokenKey, TOKEN_RE } from '../../../glossary/normalise';
import { FUZZY_MIN_LENGTH } from '../../../glossary/fuzzy';
import { createHighlightLayer, HIGHLIGHT_NAME } from '../../../entrypoints/content/terms/highlights';
import { definitionReader, PageDefinitions } from '../../../entrypoints/content/terms/page-definitions';
import { TermIndex, type FoundTerm } from '../../../entrypoints/content/terms/term-index';
import { defaultMatcher } from '../../../glossary/default-matcher';
import { glossary } from '../../../glossary/index';
import { createMatcher, type Matcher } from '../../../glossary/matcher';
import exclusions from '../../../glossary/generated/fuzzy-exclusions.json';
import { syntheticEntries } from './synthetic-terms';

const now = () => performance.now();

/** Text whose parent is one of these is not visible text (the floor and regex skip it, like mark.js does). */
const INVISIBLE_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'TITLE']);

/** Every alias and expansion of the shipped glossary (what regex, mark.js and Fuse look for). */
export function glossaryAliases(): string[] {
  const out = new Set<string>();
  for (const e of glossary.entries) {
    for (const a of e.aliases) out.add(a);
    if (e.expansion) out.add(e.expansion);
  }
  return [...out];
}

function clearHighlights() {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.clear();
}

// ----------------------------------------------------------------------------------------------- floor
export function floor() {
  const t0 = now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode() as Text | null; n !== null; n = walker.nextNode() as Text | null) {
    const parent = n.parentNode;
    if (parent !== null && INVISIBLE_PARENTS.has(parent.nodeName)) continue;
    chars += n.data.length;
    nodes++;
  }
  return { ms: now() - t0, chars, nodes };
}

// ----------------------------------------------------------------------------------------------- termlight
export interface TermlightOptions {
  /**
   * Build a fresh matcher of the glossary grown with synthetic entries to this many entries in total
   * (0: the real glossary alone, fresh). Default: the shipped shared matcher, whose caches a page's
   * earlier passes have already filled, so the growth check never compares against it.
   */
  growTo?: number;
  /** Keep the index alive on globalThis (for the heap measurement). */
  keep?: boolean;
  /**
   * Diagnosis only (`--diagnose`), never in the comparison: `fuzzy: false` builds the matcher without spelling
   * correction; `layer: 'none'` gives the index a listener that paints nothing, `layer: 'at-end'` one that
   * registers all ranges in one Highlight after the pass (the shipped layer adds them to the registered
   * Highlight in growing batches as the pass goes).
   */
  fuzzy?: false;
  layer?: 'shipped' | 'none' | 'at-end';
  /** Diagnosis only: `false` leaves out reading the page's own definitions (the shipped pass reads them). */
  definitions?: false;
}

/** Listeners for the diagnosis variants (the shipped one is createHighlightLayer()). */
function diagnosisLayer(kind: 'none' | 'at-end') {
  const ranges: AbstractRange[] = [];
  return {
    added(terms: FoundTerm[]) {
      if (kind === 'at-end') for (const t of terms) ranges.push(t.range);
    },
    removed() {},
    finish() {
      if (kind !== 'at-end') return;
      const highlight = new Highlight(); // filled before it is registered: nothing to repaint until then
      for (const r of ranges) highlight.add(r);
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    },
  };
}

export async function termlight(options: TermlightOptions = {}) {
  clearHighlights();
  const t0 = now();
  let matcher: Matcher;
  if (options.growTo !== undefined) {
    const extra = syntheticEntries(Math.max(0, options.growTo - glossary.entries.length));
    matcher = createMatcher([...glossary.entries, ...extra], { fuzzyExclusions: exclusions as string[] });
  } else if (options.fuzzy === false) {
    matcher = createMatcher(glossary.entries, { fuzzy: false });
  } else {
    matcher = defaultMatcher();
  }
  const constructMs = now() - t0;

  // The same yield as scan-in-slices.ts's default (a MessageChannel message), wrapped to time the busy slices.
  let busyMs = 0;
  let slices = 0;
  let maxSliceMs = 0;
  let sliceStart = 0;
  const endSlice = () => {
    const d = now() - sliceStart;
    busyMs += d;
    slices++;
    if (d > maxSliceMs) maxSliceMs = d;
  };
  const yieldToPage = () =>
    new Promise<void>((resolve) => {
      endSlice();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        sliceStart = now();
        resolve();
      };
      channel.port2.postMessage(null);
    });

  const controller = new AbortController();
  const diagnosis = options.layer && options.layer !== 'shipped' ? diagnosisLayer(options.layer) : null;
  const index = new TermIndex(diagnosis ?? createHighlightLayer());
  const start = now();
  sliceStart = start;
  // As the content script's session does: the page's own definitions are read during the pass.
  const defs = new PageDefinitions(matcher);
  const afterNode = options.definitions === false ? undefined : definitionReader(defs);
  const scanner = createDocumentScanner({ doc: document, matcher, index, signal: controller.signal, yieldToPage, afterNode });
  await scanner.scanAll();
  diagnosis?.finish();
  const wallMs = now() - start;
  endSlice();
  // The page's own definitions, read after the scan as the content script does: timed apart.
  const busyBeforeDefs = busyMs;
  const defsStart = now();
  sliceStart = defsStart;
  await defs.readQueued(controller.signal, yieldToPage);
  const definitionsWallMs = now() - defsStart;
  endSlice();
  const definitionsBusyMs = busyMs - busyBeforeDefs;
  busyMs = busyBeforeDefs;
  if (options.keep) (globalThis as Record<string, unknown>).__termlightKept = { matcher, index };
  const found = index.all();
  return {
    constructMs,
    wallMs,
    busyMs,
    slices,
    maxSliceMs,
    highlights: CSS.highlights.get(HIGHLIGHT_NAME)?.size ?? found.length,
    fuzzy: found.filter((f) => f.match.fuzzy).length,
    pageDefinitions: defs.size,
    definitionsWallMs,
    definitionsBusyMs,
    entries: Math.max(options.growTo ?? 0, glossary.entries.length),
  };
}

// ----------------------------------------------------------------------------------------------- regex
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildAliasRegExp(aliases: string[]): RegExp {
  const alternation = [...aliases].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(`\\b(?:${alternation})\\b`, 'gi');
}

export function regex() {
  clearHighlights();
  const t0 = now();
  const re = buildAliasRegExp(glossaryAliases());
  const constructMs = now() - t0;
  const start = now();
  const highlight = new Highlight();
  CSS.highlights.set('bench-regex', highlight);
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n !== null; n = walker.nextNode() as Text | null) {
    const parent = n.parentNode;
    if (parent !== null && INVISIBLE_PARENTS.has(parent.nodeName)) continue;
    const text = n.data;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      highlight.add(new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }));
    }
  }
  return { constructMs, ms: now() - start, highlights: highlight.size };
}

// ----------------------------------------------------------------------------------------------- mark.js
/** mark.js with whole-word matching: `accuracy: exactly`, word limiters = common punctuation. */
export const MARK_OPTIONS = {
  separateWordSearch: false,
  caseSensitive: false,
  accuracy: {
    value: 'exactly',
    limiters: [',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '"', "'", '/', '-', '\u2013', '\u2014', '\u2019', '\u201c', '\u201d'],
  },
  // Text already marked is not marked again (longest keyword first, as mark.js orders them).
  exclude: ['noscript', 'textarea', 'template', 'mark[data-markjs]'],
} as const;

/**
 * mark.js over all aliases. `mark(aliases)` handles one keyword after the other, longest first, each a full
 * pass over the page's text; this does exactly that, one `mark(keyword)` call at a time, so the run can stop
 * after `budgetMs` (mark.js is synchronous) and report how many keywords it got through.
 */
export function markjs(budgetMs: number) {
  const keywords = glossaryAliases().sort((a, b) => b.length - a.length);
  const instance = new Mark(document.body);
  let highlights = 0;
  let done = 0;
  let capped = false;
  const start = now();
  for (const keyword of keywords) {
    let finished = false;
    instance.mark(keyword, {
      ...MARK_OPTIONS,
      done: (total: number) => {
        highlights += total;
        finished = true;
      },
    });
    if (!finished) throw new Error('mark.js did not finish synchronously');
    done++;
    if (done < keywords.length && now() - start > budgetMs) {
      capped = true;
      break;
    }
  }
  return { ms: now() - start, highlights, keywords: done, totalKeywords: keywords.length, capped };
}

// ----------------------------------------------------------------------------------------------- naive Fuse.js
/** Fuse.js over all aliases, `search(word)` for every word of the page, stopping after `budgetMs`. */
export function fuse(budgetMs: number) {
  const t0 = now();
  const index = new Fuse(glossaryAliases(), { includeScore: true, threshold: 0.3 });
  const constructMs = now() - t0;

  // Words are counted first (not timed), so a capped run can say how far it got.
  const texts: Text[] = [];
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let totalWords = 0;
  const WORD = /[\p{L}\p{N}]+/gu;
  for (let n = walker.nextNode() as Text | null; n !== null; n = walker.nextNode() as Text | null) {
    const parent = n.parentNode;
    if (parent !== null && INVISIBLE_PARENTS.has(parent.nodeName)) continue;
    texts.push(n);
    totalWords += n.data.match(WORD)?.length ?? 0;
  }

  clearHighlights();
  const highlight = new Highlight();
  CSS.highlights.set('bench-fuse', highlight);
  const start = now();
  const deadline = start + budgetMs;
  let words = 0;
  let capped = false;
  outer: for (const n of texts) {
    const text = n.data;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
      if (index.search(m[0], { limit: 1 }).length > 0) {
        highlight.add(new StaticRange({ startContainer: n, startOffset: m.index, endContainer: n, endOffset: m.index + m[0].length }));
      }
      words++;
      if ((words & 15) === 0 && now() > deadline) {
        capped = true;
        break outer;
      }
    }
  }
  const ms = now() - start;
  return { constructMs, ms, words, totalWords, capped, highlights: highlight.size };
}

// ----------------------------------------------------------------------------------------------- breakdown
/**
 * Diagnosis only: the stages of Termlight's pass timed one by one with the shipped functions, without slicing.
 * Also counts the distinct words that reach spelling correction (each costs one candidate search).
 */
export async function breakdown() {
  clearHighlights();
  const t: Record<string, number> = {};
  let t0 = now();
  const first = firstVisibleText(document);
  t.firstVisibleTextMs = now() - t0;
  t0 = now();
  const nodes = [...orderedTextNodes(document.body ?? document.documentElement, first)];
  t.walkMs = now() - t0;
  t0 = now();
  let chars = 0;
  for (const n of nodes) chars += n.data.length;
  t.readMs = now() - t0;
  t0 = now();
  const matcher = createMatcher(glossary.entries, { fuzzyExclusions: exclusions as string[] });
  t.buildMatcherMs = now() - t0;
  t0 = now();
  const found = nodes.map((n) => matcher.find(n.data));
  t.findColdMs = now() - t0;
  t0 = now();
  for (const n of nodes) matcher.find(n.data);
  t.findCachedMs = now() - t0;
  const plain = createMatcher(glossary.entries, { fuzzy: false });
  t0 = now();
  for (const n of nodes) plain.find(n.data);
  t.findColdNoFuzzyMs = now() - t0;
  t0 = now();
  const index = new TermIndex(createHighlightLayer());
  nodes.forEach((n, i) => {
    if (found[i]!.length) index.set(n, found[i]!);
  });
  t.indexAndHighlightMs = now() - t0;
  t0 = now();
  const defs = new PageDefinitions(matcher);
  const read = definitionReader(defs);
  nodes.forEach((n, i) => read(n, found[i]!));
  await defs.readQueued(new AbortController().signal, () => Promise.resolve());
  t.pageDefinitionsMs = now() - t0;
  t.pageDefinitions = defs.size;

  // Which distinct tokens reach spelling correction (the matcher caches per raw token).
  const vocab = new Set(matcher.vocabulary);
  const excluded = new Set(exclusions as string[]);
  const raws = new Set<string>();
  let tokens = 0;
  for (const n of nodes) {
    for (const m of n.data.matchAll(new RegExp(TOKEN_RE.source, TOKEN_RE.flags))) {
      tokens++;
      raws.add(m[0]);
    }
  }
  let fuzzyLookups = 0;
  for (const raw of raws) {
    const key = tokenKey(raw);
    if (key.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(key) && !vocab.has(key) && !excluded.has(key)) fuzzyLookups++;
  }
  return { ...t, nodes: nodes.length, chars, tokens, distinctTokens: raws.size, fuzzyLookups, highlights: found.reduce((s, f) => s + f.length, 0) };
}

// ----------------------------------------------------------------------------------------------- checks
/** Blocks the main thread for `ms` (to check that the long-task observer reports it). */
export function busyWait(ms: number) {
  const end = now() + ms;
  while (now() < end) {
    /* spin */
  }
}

export function environment() {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    highlightApi: typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS,
    longtask: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    longAnimationFrame: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
    userAgent: navigator.userAgent,
    aliases: glossaryAliases().length,
    entries: glossary.entries.length,
  };
}

/** Starts collecting long tasks and long animation frames; `stop()` returns them (times in ms). */
export function observeLongTasks() {
  const tasks: Array<{ start: number; duration: number }> = [];
  const frames: Array<{ start: number; duration: number; blockingDuration: number; renderMs: number }> = [];
  const taskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  taskObserver.observe({ type: 'longtask' });
  type Loaf = PerformanceEntry & { blockingDuration?: number; renderStart?: number };
  const addFrames = (entries: PerformanceEntry[]) => {
    for (const e of entries as Loaf[]) {
      const end = e.startTime + e.duration;
      frames.push({
        start: e.startTime,
        duration: e.duration,
        blockingDuration: e.blockingDuration ?? 0,
        // Rendering (style, layout, paint, highlight painting) at the end of the frame.
        renderMs: e.renderStart ? end - e.renderStart : 0,
      });
    }
  };
  let frameObserver: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    frameObserver = new PerformanceObserver((list) => addFrames(list.getEntries()));
    frameObserver.observe({ type: 'long-animation-frame' });
  }
  return {
    async stop() {
      // Entries are delivered after the task ends: let a few frames pass.
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => setTimeout(r, 100));
      for (const e of taskObserver.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
      if (frameObserver) addFrames(frameObserver.takeRecords());
      taskObserver.disconnect();
      frameObserver?.disconnect();
      return { tasks, frames };
    },
  };
}

export const api = { floor, termlight, regex, markjs, fuse, breakdown, busyWait, environment, observeLongTasks, clearHighlights };
export type BenchApi = typeof api;
