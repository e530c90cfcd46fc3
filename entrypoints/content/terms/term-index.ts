/**
 * What was found where: the matches of each scanned text node, their ranges, and
 * counts per glossary entry. The single source of truth for highlights, hit-testing
 * and the popup's "on this page" list.
 */
import type { TermMatch } from '../../../glossary/types';

export interface FoundTerm {
  node: Text;
  match: TermMatch;
  /** StaticRange: cheap for the browser, since it is not updated on every DOM change. */
  readonly range: AbstractRange;
}

/**
 * A found term whose StaticRange is made the first time it is asked for (and then kept, so it is
 * the same object each time: the highlight layers add and delete by identity). Most terms of a long
 * page are never painted (near-viewport.ts holds back the far ones) nor hovered, and each StaticRange
 * is a browser-heap object: making 30,000–45,000 of them during the scan set off the browser's
 * garbage collection inside scan slices (45–208 ms single tasks on the bench's every-node and 5 MB pages).
 */
class IndexedTerm implements FoundTerm {
  private made: AbstractRange | null = null;

  constructor(
    readonly node: Text,
    readonly match: TermMatch,
  ) {}

  /** The range if it was made, without making it. */
  get madeRange(): AbstractRange | null {
    return this.made;
  }

  get range(): AbstractRange {
    return (this.made ??= new StaticRange({
      startContainer: this.node,
      startOffset: this.match.start,
      endContainer: this.node,
      endOffset: this.match.end,
    }));
  }
}

/**
 * A found term's range if it was ever asked for, else null, without making it. A term whose range was never
 * made was never painted (a layer adds ranges by asking for them), so its removal has nothing to take out:
 * asking for the range there made a StaticRange per removed term only to drop it (a flood's rescans remove
 * the terms of every changed node, most of them never painted by a layer that paints only some).
 */
export function rangeIfMade(term: FoundTerm): AbstractRange | null {
  return term instanceof IndexedTerm ? term.madeRange : term.range;
}

export interface TermIndexListener {
  added(terms: FoundTerm[]): void;
  removed(terms: FoundTerm[]): void;
  /**
   * A batch of changes is complete: show it (listeners may hold additions back until then); with `now`,
   * at once (the reader is looking at it), else at the next paint moment (highlights.ts).
   */
  flush?(now?: boolean): void;
}

export class TermIndex {
  private byNode = new Map<Text, FoundTerm[]>();
  private counts = new Map<string, number>();
  /** When each node was last set (see mark and sweep). */
  private setAt = new Map<Text, number>();
  /** What each node's matches were found in, when the scanner said (see readFrom). */
  private source = new Map<Text, { text: string; edges: number }>();
  private seq = 0;
  private changes = 0;

  /** Grows with every change of what was found (a node's terms set, replaced or removed): see watch-mutations' foundVersion. */
  get version(): number {
    return this.changes;
  }

  constructor(private readonly listener: TermIndexListener) {}

  /**
   * Records the matches of one text node (offsets relative to that node), replacing older ones.
   * `from`: the text they were found in and the state of its edges (document-scanner.ts), so a
   * rescan can tell the node has not changed since (readFrom).
   */
  set(node: Text, matches: TermMatch[], from?: { text: string; edges: number }): void {
    const old = this.byNode.get(node);
    // A scan's matches are new objects: those nodes are replaced as a whole, with nothing more to work out.
    if (!old || !old.some((f) => matches.includes(f.match))) return this.replace(node, matches, from);
    // The same match objects keep their found terms (and ranges): the page-only pass adds a taught
    // short form to a node's matches, and replacing all of them took every painted one out of its
    // Highlight and put it back, a repaint of the whole page each time (and a new measurement of
    // each held one, near-viewport.ts). Only what changed is told to the listener.
    const before = new Map(old.map((f) => [f.match, f]));
    const found = matches.map((match) => before.get(match) ?? new IndexedTerm(node, match));
    const kept = new Set(found);
    const gone = old.filter((f) => !kept.has(f));
    const fresh = found.filter((f) => !before.has(f.match));
    this.byNode.set(node, found);
    this.setAt.set(node, ++this.seq);
    if (gone.length || fresh.length) this.changes++;
    if (from) this.source.set(node, from);
    else this.source.delete(node);
    this.count(gone, -1);
    this.count(fresh, 1);
    if (gone.length) this.listener.removed(gone);
    if (fresh.length) this.listener.added(fresh);
  }

  /** set() for a node seen for the first time, or emptied. */
  private replace(node: Text, matches: TermMatch[], from?: { text: string; edges: number }): void {
    this.remove(node);
    if (matches.length === 0) return;
    if (from) this.source.set(node, from);
    const found: FoundTerm[] = matches.map((match) => new IndexedTerm(node, match));
    this.changes++;
    this.byNode.set(node, found);
    this.setAt.set(node, ++this.seq);
    this.count(found, 1);
    this.listener.added(found);
  }

  private count(terms: readonly FoundTerm[], by: 1 | -1): void {
    for (const f of terms) {
      const n = (this.counts.get(f.match.id) ?? 0) + by;
      if (n > 0) this.counts.set(f.match.id, n);
      else this.counts.delete(f.match.id);
    }
  }

  remove(node: Text): void {
    const old = this.byNode.get(node);
    if (!old) return;
    this.byNode.delete(node);
    this.setAt.delete(node);
    this.source.delete(node);
    this.changes++;
    this.count(old, -1);
    this.listener.removed(old);
  }

  /** Tells the listener a scan is complete, so everything found is shown. */
  flush(): void {
    this.listener.flush?.();
  }

  /** A point in the index's history, taken when a full scan starts (see sweep). */
  mark(): number {
    return this.seq;
  }

  /**
   * After a full scan: drops the nodes it did not read and nothing has set since `mark`. Their
   * text changed into something the scan no longer reads (one character after a split, a skipped
   * subtree) while their changes were folded into that scan, so what they held is stale. Nodes
   * set meanwhile (a batch of changes scanned alongside) are current and stay.
   */
  sweep(read: ReadonlySet<Text>, mark: number): void {
    for (const [node, at] of [...this.setAt]) if (at <= mark && !read.has(node)) this.remove(node);
  }

  /** Drops the nodes inside `root` (an element that became an editor). */
  forgetInside(root: Node): void {
    for (const node of [...this.byNode.keys()]) if (root.contains(node)) this.remove(node);
  }

  /** Drops nodes the page has removed from the document. */
  prune(): void {
    for (const node of [...this.byNode.keys()]) if (!node.isConnected) this.remove(node);
  }

  /** The terms found in one text node. */
  termsIn(node: Text): readonly FoundTerm[] {
    return this.byNode.get(node) ?? [];
  }

  /**
   * True when `node` holds matches found in exactly this text with these edges and nothing has
   * replaced them since: a rescan can keep them instead of matching the text again and replacing
   * every range (on a page that keeps changing, most of a full rescan's nodes are unchanged).
   */
  readFrom(node: Text, text: string, edges: () => number): boolean {
    const from = this.source.get(node);
    return from !== undefined && from.text === text && from.edges === edges();
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  /** Terms in `node` whose span contains the caret offset (end inclusive: see hit-test). */
  at(node: Node, offset: number): FoundTerm[] {
    const found = this.byNode.get(node as Text);
    if (!found) return [];
    return found.filter((f) => f.match.start <= offset && offset <= f.match.end);
  }

  /** Every found term in document order of scanning. */
  all(): FoundTerm[] {
    return [...this.byNode.values()].flat();
  }

  /** How often each entry occurs, most frequent first. */
  termCounts(): Array<{ id: string; count: number }> {
    return [...this.counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  }

  clear(): void {
    const all = this.all();
    this.byNode.clear();
    this.counts.clear();
    this.setAt.clear();
    this.source.clear();
    this.changes++;
    if (all.length) this.listener.removed(all);
  }
}
