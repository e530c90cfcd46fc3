/**
 * Items waiting to be shown, by where they are on the page (vertical spans in page pixels),
 * so the ones near what the reader sees can be taken out cheaply. Pure logic, no DOM: the
 * highlight side (near-viewport.ts) measures and decides when to ask.
 */

/** Height of one bucket, in CSS px. */
export const BUCKET_PX = 1000;
/** Spans taller than this many buckets (a whole-page wrapper) are not held back at all. */
export const MAX_BUCKETS_PER_ITEM = 8;

/** The page-pixel band worth painting: the viewport and `margin` viewports above and below it. */
export function bandAround(scrollTop: number, viewportHeight: number, margin: number): [number, number] {
  return [scrollTop - margin * viewportHeight, scrollTop + (1 + margin) * viewportHeight];
}

export class ViewportBuckets<T> {
  private readonly buckets = new Map<number, Set<T>>();
  /**
   * Each held item's buckets, so removing one is cheap: first bucket × MAX_BUCKETS_PER_ITEM + how
   * many more it spans, one number instead of an array per item (the 5 MB page holds 47,000).
   */
  private readonly where = new Map<T, number>();

  get size(): number {
    return this.where.size;
  }

  has(item: T): boolean {
    return this.where.has(item);
  }

  /** Holds `item`, spanning [top, bottom) in page px. False (not held) when it spans too much to hold back. */
  hold(item: T, top: number, bottom: number): boolean {
    const first = Math.floor(top / BUCKET_PX);
    const last = Math.floor(Math.max(top, bottom - 1) / BUCKET_PX);
    if (last - first >= MAX_BUCKETS_PER_ITEM) return false;
    for (let b = first; b <= last; b++) {
      let set = this.buckets.get(b);
      if (!set) this.buckets.set(b, (set = new Set()));
      set.add(item);
    }
    this.where.set(item, first * MAX_BUCKETS_PER_ITEM + (last - first));
    return true;
  }

  /** Forgets a held item; false when it was not held. */
  drop(item: T): boolean {
    const at = this.where.get(item);
    if (at === undefined) return false;
    this.where.delete(item);
    const first = Math.floor(at / MAX_BUCKETS_PER_ITEM);
    const last = first + (at - first * MAX_BUCKETS_PER_ITEM);
    for (let b = first; b <= last; b++) {
      const set = this.buckets.get(b)!;
      set.delete(item);
      if (set.size === 0) this.buckets.delete(b);
    }
    return true;
  }

  /** Takes out (and returns) every held item in a bucket that meets [top, bottom). */
  take(top: number, bottom: number): T[] {
    const out: T[] = [];
    const first = Math.floor(top / BUCKET_PX);
    const last = Math.floor(Math.max(top, bottom - 1) / BUCKET_PX);
    for (let b = first; b <= last; b++) {
      const set = this.buckets.get(b);
      if (!set) continue;
      for (const item of [...set]) if (this.drop(item)) out.push(item);
    }
    return out;
  }

  /** Takes out (and returns) every held item for which `test` holds. */
  takeIf(test: (item: T) => boolean): T[] {
    const out = [...this.where.keys()].filter(test);
    for (const item of out) this.drop(item);
    return out;
  }

  /** Takes out every held item (to measure them again, or to stop holding back). */
  takeAll(): T[] {
    const out = [...this.where.keys()];
    this.where.clear();
    this.buckets.clear();
    return out;
  }
}
