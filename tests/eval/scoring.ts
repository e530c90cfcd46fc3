/**
 * Pure scoring functions for the hand-labelled term evaluation (tests/eval/terms.ts).
 * No I/O: the CLI reads the corpus and the annotations, these functions compare spans.
 *
 * Offsets are UTF-16 code units into the text as `scanFile` sees it (see tests/eval/README.md).
 */

export interface Span {
  start: number;
  end: number;
}

/** A hand label: this span of the text refers to this glossary entry. */
export interface GoldLabel extends Span {
  /** The surface text, so a changed corpus file is caught instead of silently mis-scored. */
  text: string;
  id: string;
  /**
   * An everyday word that means the entry only in context ("radiation" for radiation therapy,
   * "trial" for clinical trial, "nodes" for lymph nodes). A term matcher without context cannot
   * find these safely; they are scored on their own line as well as in the total.
   */
  generic?: boolean;
}

/** A scanner match (the fields of the CLI's ScanResult that scoring needs). */
export interface Predicted extends Span {
  text: string;
  id: string;
}

export interface FileScore extends Totals {
  gold: number;
  predicted: number;
  /** Predictions whose span and id equal a gold label. */
  exact: number;
  /** Gold labels found by a prediction with the same id and an overlapping span (one prediction per label). */
  lenientGold: number;
  /** Predictions that overlap a gold label with the same id. */
  lenientPredicted: number;
  /** Gold labels not found exactly (span and id). */
  misses: GoldLabel[];
  /** Predictions that are not exactly a gold label. */
  falseHits: Predicted[];
  /** Of the misses, those without any overlapping prediction of the same id. */
  lenientMisses: GoldLabel[];
  /** Of the false hits, those without any overlapping gold label of the same id. */
  lenientFalseHits: Predicted[];
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** True when the span lies entirely inside one of the regions. */
export function insideAny(span: Span, regions: readonly Span[]): boolean {
  return regions.some((r) => span.start >= r.start && span.end <= r.end);
}

/**
 * The regions that are scored: the labelled regions minus the ignored spans (text a reader never
 * sees as prose, such as Markdown link targets). Returned sorted and without empty pieces.
 */
export function scoredRegions(labelled: readonly Span[], ignored: readonly Span[]): Span[] {
  const cuts = [...ignored].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const region of [...labelled].sort((a, b) => a.start - b.start)) {
    let start = region.start;
    for (const cut of cuts) {
      if (cut.end <= start || cut.start >= region.end) continue;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < region.end) out.push({ start, end: region.end });
  }
  return out;
}

/**
 * Spans of a Markdown file that are not reading text: YAML front matter, link and image
 * targets "](…)", image alt text "![…]" and HTML comments. A browser shows none of them as words,
 * so neither labels nor predictions inside them are scored. (Bare URLs stay: a reader sees them.)
 */
export function markdownIgnoredSpans(text: string): Span[] {
  const spans: Span[] = [];
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (front) spans.push({ start: 0, end: front[0].length });
  const patterns = [/!\[[^\]]*\]/g, /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, /<!--[\s\S]*?-->/g];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      // A link target starts after "]": the bracket itself ends the (scored) link text.
      const skip = m[0].startsWith(']') ? 1 : 0;
      spans.push({ start: m.index + skip, end: m.index + m[0].length });
    }
  }
  return mergeSpans(spans);
}

/** Sorts spans and merges the ones that overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

const key = (s: Span & { id: string }) => `${s.start}:${s.end}:${s.id}`;

/**
 * Scores one file. Only predictions inside the scored regions count (a prediction that crosses
 * a region edge is counted when it overlaps the region, so a hit that runs past the labelled
 * text is not silently dropped). Gold labels are expected to lie inside the regions.
 */
export function scoreFile(gold: readonly GoldLabel[], predictedAll: readonly Predicted[], regions: readonly Span[]): FileScore {
  const predicted = predictedAll.filter((p) => regions.some((r) => overlaps(p, r)));
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(predicted.map(key));
  const exactHits = predicted.filter((p) => goldKeys.has(key(p)));
  const sameIdOverlap = (a: Span & { id: string }, b: Span & { id: string }) => a.id === b.id && overlaps(a, b);

  // Lenient: a one-to-one pairing, so one long prediction cannot count for two labels.
  const used = new Set<number>();
  let lenientGold = 0;
  const lenientMisses: GoldLabel[] = [];
  for (const g of gold) {
    const exactIndex = predicted.findIndex((p, i) => !used.has(i) && key(p) === key(g));
    const index = exactIndex >= 0 ? exactIndex : predicted.findIndex((p, i) => !used.has(i) && sameIdOverlap(p, g));
    if (index >= 0) {
      used.add(index);
      lenientGold++;
    } else lenientMisses.push(g);
  }
  return {
    gold: gold.length,
    predicted: predicted.length,
    exact: exactHits.length,
    lenientGold,
    lenientPredicted: used.size,
    misses: gold.filter((g) => !predKeys.has(key(g))),
    falseHits: predicted.filter((p) => !goldKeys.has(key(p))),
    lenientMisses,
    lenientFalseHits: predicted.filter((_, i) => !used.has(i)),
  };
}

export interface Totals {
  gold: number;
  predicted: number;
  exact: number;
  lenientGold: number;
  lenientPredicted: number;
  /** Predictions that are no gold label but that a judge found right (see judgeFalseHits). */
  judgedRight?: number;
  /** Of those, the ones that overlap no gold label of their entry (lenient scoring has not counted them). */
  judgedRightLenient?: number;
  /** Gold labels missed exactly but covered by a prediction a judge found right. */
  superseded?: number;
}

export function addTotals(scores: readonly Totals[]): Totals {
  const t: Totals = { gold: 0, predicted: 0, exact: 0, lenientGold: 0, lenientPredicted: 0, judgedRight: 0, judgedRightLenient: 0, superseded: 0 };
  for (const s of scores) {
    t.gold += s.gold;
    t.predicted += s.predicted;
    t.exact += s.exact;
    t.lenientGold += s.lenientGold;
    t.lenientPredicted += s.lenientPredicted;
    t.judgedRight! += s.judgedRight ?? 0;
    t.judgedRightLenient! += s.judgedRightLenient ?? s.judgedRight ?? 0;
    t.superseded! += s.superseded ?? 0;
  }
  return t;
}

/**
 * Precision and recall; an empty denominator counts as perfect (nothing to get wrong). A
 * prediction a judge found right counts as correct, and a gold label it covers as found.
 */
export function precisionRecall(t: Totals): { exact: { p: number; r: number }; lenient: { p: number; r: number } } {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const right = t.judgedRight ?? 0;
  const superseded = t.superseded ?? 0;
  return {
    exact: { p: ratio(t.exact + right, t.predicted), r: ratio(t.exact + superseded, t.gold) },
    // A judged-right highlight that overlaps a label of its entry is counted by lenient scoring
    // already: adding it again made lenient precision pass 1.
    lenient: { p: ratio(t.lenientPredicted + (t.judgedRightLenient ?? right), t.predicted), r: ratio(t.lenientGold + superseded, t.gold) },
  };
}

export interface Judged {
  /** False hits a judge found right: the highlight explains this text with the right entry. */
  right: Predicted[];
  /** False hits a judge found wrong. */
  wrong: Predicted[];
  /** False hits no one has judged yet. */
  unjudged: Predicted[];
  /** Misses covered by a prediction judged right (a more precise entry explains the text now). */
  superseded: GoldLabel[];
}

/**
 * The hand labels were made for a smaller glossary; entries added since find text no label names.
 * Each such prediction is judged instead (right entry for this text, or not), and a gold label that
 * a right, more precise prediction covers ("platinum-based chemotherapy" over "chemotherapy")
 * counts as found: the reader gets a right explanation for it.
 */
export function judgeFalseHits(score: FileScore, verdictOf: (p: Predicted) => Verdict | undefined): Judged {
  const right: Predicted[] = [];
  const wrong: Predicted[] = [];
  const unjudged: Predicted[] = [];
  for (const p of score.falseHits) {
    const v = verdictOf(p);
    (v === 'ok' ? right : v === 'false' ? wrong : unjudged).push(p);
  }
  const superseded = score.misses.filter((g) => right.some((p) => overlaps(p, g)));
  return { right, wrong, unjudged, superseded };
}

/** Why a prediction is wrong, from the gold labels it overlaps. */
export function falseHitCause(hit: Predicted, gold: readonly GoldLabel[]): string {
  const near = gold.filter((g) => overlaps(g, hit));
  if (near.some((g) => g.id === hit.id)) return `span: gold is "${near.find((g) => g.id === hit.id)!.text}"`;
  if (near.length) return `wrong entry: gold is ${near.map((g) => `"${g.text}"→${g.id}`).join(', ')}`;
  return 'not a glossary term here';
}

/** Why a label was missed, from the predictions it overlaps. */
export function missCause(miss: GoldLabel, predicted: readonly Predicted[]): string {
  const near = predicted.filter((p) => overlaps(p, miss));
  if (near.some((p) => p.id === miss.id)) return `span: found "${near.find((p) => p.id === miss.id)!.text}"`;
  if (near.length) return `wrong entry: found ${near.map((p) => `"${p.text}"→${p.id}`).join(', ')}`;
  return miss.generic ? 'not found (context-dependent word)' : 'not found';
}

/** Problems with the annotations themselves: surface text that no longer matches, labels outside regions, overlaps. */
export function checkLabels(text: string, gold: readonly GoldLabel[], regions: readonly Span[]): string[] {
  const problems: string[] = [];
  const sorted = [...gold].sort((a, b) => a.start - b.start);
  for (const [i, g] of sorted.entries()) {
    const actual = text.slice(g.start, g.end);
    if (actual !== g.text) problems.push(`label ${g.start}-${g.end} "${g.text}" now points at "${actual}"`);
    if (!insideAny(g, regions)) problems.push(`label ${g.start}-${g.end} "${g.text}" is outside the scored regions`);
    const next = sorted[i + 1];
    if (next && overlaps(g, next)) problems.push(`labels ${g.start}-${g.end} and ${next.start}-${next.end} overlap`);
  }
  return problems;
}

/** About `width` characters either side of a span, on one line, with the span in [[…]]. */
export function context(text: string, span: Span, width = 60): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, span.start - width), span.start));
  const after = flat(text.slice(span.end, span.end + width));
  return `${before}[[${flat(text.slice(span.start, span.end))}]]${after}`;
}

// ---------------------------------------------------------------------------------------------
// False positives on ordinary pages (tests/eval/false-positives.ts)

/** Words of visible text: maximal runs of letters and digits (the matcher's tokens). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

/**
 * The key a judgement is stored under: page, offset into its visible text, highlighted text and the
 * entry shown. The entry is part of it because a verdict judges a card: when the glossary changes
 * which entry a highlight shows, the old verdict no longer applies and it must be judged again.
 */
export const judgementKey = (page: string, start: number, text: string, id: string): string => `${page}|${start}|${text}|${id}`;

export type Verdict = 'ok' | 'false';

export interface PageHighlight {
  page: string;
  start: number;
  end: number;
  text: string;
  id: string;
}

export interface FalsePositiveSummary {
  words: number;
  highlights: number;
  ok: PageHighlight[];
  falseHits: PageHighlight[];
  unjudged: PageHighlight[];
  /** Judgement keys that match no highlight any more (the page text or the glossary changed). */
  stale: string[];
  /** False highlights per 100,000 words of visible text. */
  falsePer100k: number;
}

export function summariseFalsePositives(
  highlights: readonly PageHighlight[],
  judgements: Readonly<Record<string, Verdict>>,
  words: number,
): FalsePositiveSummary {
  const ok: PageHighlight[] = [];
  const falseHits: PageHighlight[] = [];
  const unjudged: PageHighlight[] = [];
  const seen = new Set<string>();
  for (const h of highlights) {
    const key = judgementKey(h.page, h.start, h.text, h.id);
    seen.add(key);
    const verdict = judgements[key];
    if (verdict === 'ok') ok.push(h);
    else if (verdict === 'false') falseHits.push(h);
    else unjudged.push(h);
  }
  return {
    words,
    highlights: highlights.length,
    ok,
    falseHits,
    unjudged,
    stale: Object.keys(judgements).filter((k) => !seen.has(k)),
    falsePer100k: words === 0 ? 0 : (falseHits.length / words) * 100_000,
  };
}
