/**
 * Pure scoring for the coverage eval (tests/eval/coverage.ts): how many of the jargon items a
 * blind reader listed for a page does Termlight explain with the right entry? No I/O.
 *
 * An item counts as explained on a page when at least one of its occurrences is covered by a
 * Termlight match whose entry a judge has called right for that item. Matches whose entry was
 * judged wrong are reported apart: a wrong explanation is worse than none.
 */
import type { Span } from './scoring';

export interface JargonItem {
  /** The item as the page writes it (case may differ). */
  text: string;
  kind: string;
  /** The lister's few words of what it means here, for the judge. */
  means?: string;
}

export interface JargonList {
  /** Path of the page relative to the corpus folder, e.g. "medical/nci__types-cervical-stages.md". */
  page: string;
  listedBy: string;
  items: JargonItem[];
}

/**
 * right: the card explains what the item means here. partial: the card is correct but explains
 * only part of it (a broader or narrower entry), so the item does not count as explained.
 * wrong: the card explains something else: worse than nothing.
 */
export type Verdict = 'right' | 'partial' | 'wrong';

/** Keys: "<item>|<entry id>" for every page, or "<page>|<item>|<entry id>" for one page. */
export type Judgements = Record<string, Verdict>;

export interface Match extends Span {
  id: string;
}

export type ItemStatus = 'explained' | 'wrong' | 'unjudged' | 'partial' | 'missed' | 'absent';

export interface ItemResult {
  item: JargonItem;
  key: string;
  status: ItemStatus;
  occurrences: number;
  /** Entry ids of matches that overlap an occurrence, in order of first sight. */
  entries: string[];
  /** (entry id, matched text) pairs that still need a verdict. */
  unjudged: { id: string; matched: string; at: number }[];
}

/** The form items are compared and judged by: lower case, single spaces, straight quotes. */
export function itemKey(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Where `needle` occurs in `text` as a whole word or phrase (case-insensitive; a following plural
 * "s"/"es" is allowed), outside the ignored spans.
 */
export function occurrences(text: string, needle: string, ignored: Span[] = []): Span[] {
  const out: Span[] = [];
  // Any white space (a no-break space too) counts as a space; one for one, so offsets hold.
  const hay = text.toLowerCase().replace(/\s/gu, ' ');
  const n = needle.toLowerCase().replace(/\s/gu, ' ');
  if (n === '') return out;
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) {
    const before = i > 0 ? text[i - 1]! : '';
    if (before && WORDISH.test(before) && WORDISH.test(n[0]!)) continue;
    let end = i + n.length;
    const rest = hay.slice(end, end + 3);
    if (/^es(?![\p{L}\p{N}])/u.test(rest)) end += 2;
    else if (/^s(?![\p{L}\p{N}])/u.test(rest)) end += 1;
    const after = end < text.length ? text[end]! : '';
    if (after && WORDISH.test(after) && WORDISH.test(n[n.length - 1]!)) continue;
    if (ignored.some((s) => i < s.end && end > s.start)) continue;
    out.push({ start: i, end });
  }
  return out;
}

export function verdictFor(judgements: Judgements, page: string, key: string, id: string): Verdict | undefined {
  return judgements[`${page}|${key}|${id}`] ?? judgements[`${key}|${id}`];
}

/** Scores one page's list against Termlight's matches on that page's text. */
export function scorePage(
  list: JargonList,
  text: string,
  matches: Match[],
  judgements: Judgements,
  ignored: Span[] = [],
): ItemResult[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  return list.items.map((item) => {
    const key = itemKey(item.text);
    const spans = occurrences(text, item.text, ignored);
    const entries: string[] = [];
    const unjudged: ItemResult['unjudged'] = [];
    let right = false;
    let wrong = false;
    let partial = false;
    for (const occ of spans) {
      for (const m of sorted) {
        if (m.start >= occ.end) break;
        if (m.end <= occ.start) continue;
        if (!entries.includes(m.id)) entries.push(m.id);
        const v = verdictFor(judgements, list.page, key, m.id);
        if (v === 'right') right = true;
        else if (v === 'wrong') wrong = true;
        else if (v === 'partial') partial = true;
        else if (!unjudged.some((u) => u.id === m.id)) unjudged.push({ id: m.id, matched: text.slice(m.start, m.end), at: m.start });
      }
    }
    const status: ItemStatus =
      spans.length === 0
        ? 'absent'
        : right
          ? 'explained'
          : unjudged.length > 0
            ? 'unjudged'
            : wrong
              ? 'wrong'
              : partial
                ? 'partial'
                : 'missed';
    return { item, key, status, occurrences: spans.length, entries, unjudged: right ? [] : unjudged };
  });
}

export interface Share {
  explained: number;
  total: number;
}

export const share = (s: Share) => (s.total === 0 ? 0 : s.explained / s.total);

export interface CoverageSummary {
  /** Every (page, item) pair. */
  pairs: Share;
  /** Distinct items over all pages: explained only if explained on every page that lists it. */
  distinct: Share;
  byKind: Map<string, Share>;
  /** Distinct items not explained, with the pages that list them (most pages first). */
  missed: { key: string; kind: string; pages: string[]; status: ItemStatus }[];
  wrong: { key: string; page: string; entries: string[] }[];
  unjudged: number;
}

export function summarize(pages: { page: string; results: ItemResult[] }[]): CoverageSummary {
  const pairs: Share = { explained: 0, total: 0 };
  const perItem = new Map<string, { kind: string; ok: boolean; pages: string[]; status: ItemStatus }>();
  const wrong: CoverageSummary['wrong'] = [];
  let unjudged = 0;
  for (const { page, results } of pages) {
    for (const r of results) {
      if (r.status === 'absent') continue;
      pairs.total++;
      const ok = r.status === 'explained';
      if (ok) pairs.explained++;
      if (r.status === 'wrong') wrong.push({ key: r.key, page, entries: r.entries });
      if (r.status === 'unjudged') unjudged++;
      const seen = perItem.get(r.key);
      if (!seen) perItem.set(r.key, { kind: r.item.kind, ok, pages: ok ? [] : [page], status: r.status });
      else {
        seen.ok &&= ok;
        if (!ok) {
          seen.pages.push(page);
          seen.status = r.status;
        }
      }
    }
  }
  const distinct: Share = { explained: 0, total: 0 };
  const byKind = new Map<string, Share>();
  const missed: CoverageSummary['missed'] = [];
  for (const [key, v] of perItem) {
    distinct.total++;
    const k = byKind.get(v.kind) ?? { explained: 0, total: 0 };
    k.total++;
    if (v.ok) {
      distinct.explained++;
      k.explained++;
    } else missed.push({ key, kind: v.kind, pages: v.pages, status: v.status });
    byKind.set(v.kind, k);
  }
  missed.sort((a, b) => b.pages.length - a.pages.length || a.key.localeCompare(b.key));
  return { pairs, distinct, byKind, missed, wrong, unjudged };
}
