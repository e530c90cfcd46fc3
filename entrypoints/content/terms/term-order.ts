/**
 * Found terms in reading (document) order: for moving to the next or previous term from the
 * keyboard, for finding the term at or after the text cursor, and for "first mention only".
 * The index keeps terms per text node in scan order (the visible part of the page first), so
 * order is worked out here from the DOM, never assumed.
 */
import type { FoundTerm } from './term-index';

// Node.DOCUMENT_POSITION_*: numbers, so this module needs no DOM globals to load.
const PRECEDING = 2;
const FOLLOWING = 4;

/** Negative when `a` comes before `b` in the document, positive after, 0 for the same span. */
export function compareTerms(a: FoundTerm, b: FoundTerm): number {
  if (a.node === b.node) return a.match.start - b.match.start || a.match.end - b.match.end;
  const position = a.node.compareDocumentPosition(b.node);
  if (position & FOLLOWING) return -1;
  if (position & PRECEDING) return 1;
  return 0;
}

/** A sorted copy: nodes are compared with each other once, terms inside a node by offset. */
export function sortInDocumentOrder(terms: readonly FoundTerm[]): FoundTerm[] {
  const byNode = new Map<Text, FoundTerm[]>();
  for (const t of terms) {
    const list = byNode.get(t.node);
    if (list) list.push(t);
    else byNode.set(t.node, [t]);
  }
  const nodes = [...byNode.keys()].sort((a, b) => {
    const position = a.compareDocumentPosition(b);
    return position & FOLLOWING ? -1 : position & PRECEDING ? 1 : 0;
  });
  return nodes.flatMap((node) => byNode.get(node)!.sort(compareTerms));
}

/**
 * The first index in `sorted` for which `isAtOrAfter` holds, assuming it is false for a prefix and
 * true for the rest (binary search); `sorted.length` when it never holds.
 */
export function firstIndexWhere<T>(sorted: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The terms after (`step` 1) or before (`step` -1) `current`, nearest first. `current` need not be
 * in the list (the page may have been rescanned since it was shown): position is by document order.
 */
export function termsFrom(sorted: readonly FoundTerm[], current: FoundTerm, step: 1 | -1): FoundTerm[] {
  if (step === 1) return sorted.slice(firstIndexWhere(sorted, (t) => compareTerms(t, current) > 0));
  return sorted.slice(0, firstIndexWhere(sorted, (t) => compareTerms(t, current) >= 0)).reverse();
}

/** The first found term of each entry, in document order: what "first mention only" marks. */
export function firstMentions(terms: readonly FoundTerm[]): FoundTerm[] {
  const first = new Map<string, FoundTerm>();
  for (const t of terms) {
    const seen = first.get(t.match.id);
    if (!seen || compareTerms(t, seen) < 0) first.set(t.match.id, t);
  }
  return [...first.values()];
}
