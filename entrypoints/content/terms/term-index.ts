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
  range: AbstractRange;
}

export interface TermIndexListener {
  added(terms: FoundTerm[]): void;
  removed(terms: FoundTerm[]): void;
  /** A batch of changes is complete: show it now (listeners may hold additions back until then). */
  flush?(): void;
}

export class TermIndex {
  private byNode = new Map<Text, FoundTerm[]>();
  private counts = new Map<string, number>();
  /** When each node was last set (see mark and sweep). */
  private setAt = new Map<Text, number>();
  private seq = 0;

  constructor(private readonly listener: TermIndexListener) {}

  /** Records the matches of one text node (offsets relative to that node), replacing older ones. */
  set(node: Text, matches: TermMatch[]): void {
    this.remove(node);
    if (matches.length === 0) return;
    const found = matches.map((match) => ({
      node,
      match,
      range: new StaticRange({
        startContainer: node,
        startOffset: match.start,
        endContainer: node,
        endOffset: match.end,
      }),
    }));
    this.byNode.set(node, found);
    this.setAt.set(node, ++this.seq);
    for (const f of found) this.counts.set(f.match.id, (this.counts.get(f.match.id) ?? 0) + 1);
    this.listener.added(found);
  }

  remove(node: Text): void {
    const old = this.byNode.get(node);
    if (!old) return;
    this.byNode.delete(node);
    this.setAt.delete(node);
    for (const f of old) {
      const left = (this.counts.get(f.match.id) ?? 1) - 1;
      if (left > 0) this.counts.set(f.match.id, left);
      else this.counts.delete(f.match.id);
    }
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
    if (all.length) this.listener.removed(all);
  }
}
