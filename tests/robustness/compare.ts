/**
 * Pure comparison of page snapshots: what differs with Termlight that does not also differ between two
 * loads without it. A page that changes by itself (clocks, random ids, carousels) gets the benefit of the
 * doubt only where it changed by itself: the positions where the two plain loads disagree.
 */
import type { PageSnapshot } from './snapshot';

export interface Difference {
  kind: 'dom' | 'layout';
  detail: string;
}

/** Indices where two equally long lists differ. */
function differingIndices<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) out.push(i);
  return out;
}

/** The first index from the start and from the end where two lists of different length part ways. */
function firstParting(a: readonly string[], b: readonly string[]): { index: number; a: string; b: string } {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return { index: i, a: a[i] ?? '(end)', b: b[i] ?? '(end)' };
}

const MAX_LISTED = 5;

function listed(indices: number[], describe: (i: number) => string): string {
  const shown = indices.slice(0, MAX_LISTED).map(describe).join('; ');
  return indices.length > MAX_LISTED ? `${shown}; … ${indices.length - MAX_LISTED} more` : shown;
}

/**
 * DOM differences caused by Termlight: `withTermlight` against `plainA`, ignoring positions where
 * `plainA` and `plainB` differ. When the plain loads differ in node count, the page rebuilds itself and
 * only an exact match with either plain load clears Termlight; anything else is reported as `unstable`.
 */
export interface DomComparison {
  differences: Difference[];
  /** The plain loads differ in node count: only an exact match with one of them could clear Termlight. */
  unstable: boolean;
  /**
   * The same nodes, in another order: a page script that waits for timers while the page is parsed put its
   * own nodes elsewhere. Termlight never moves page nodes, and nothing was added, removed or changed.
   */
  reordered?: boolean;
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const x of b) {
    const left = counts.get(x) ?? 0;
    if (left === 0) return false;
    counts.set(x, left - 1);
  }
  return true;
}

export function compareDom(plainA: PageSnapshot, plainB: PageSnapshot, withTermlight: PageSnapshot): DomComparison {
  const a = plainA.lines;
  const b = plainB.lines;
  const t = withTermlight.lines;
  if (t.length === a.length && t.every((line, i) => line === a[i])) return { differences: [], unstable: false };
  if (a.length !== b.length) {
    const matchesB = t.length === b.length && t.every((line, i) => line === b[i]);
    return { differences: [], unstable: !matchesB };
  }
  if (t.length !== a.length) {
    const part = firstParting(a, t);
    return {
      differences: [
        {
          kind: 'dom',
          detail: `${t.length - a.length > 0 ? '+' : ''}${t.length - a.length} nodes; first change at node ${part.index}: without ${part.a} | with ${part.b}`,
        },
      ],
      unstable: false,
    };
  }
  const noise = new Set(differingIndices(a, b, (x, y) => x === y));
  const blamed = differingIndices(a, t, (x, y) => x === y).filter((i) => !noise.has(i));
  if (blamed.length === 0) return { differences: [], unstable: false };
  if (sameMultiset(a, t)) return { differences: [], unstable: false, reordered: true };
  return {
    differences: [{ kind: 'dom', detail: `${blamed.length} node(s) changed: ${listed(blamed, (i) => `${a[i]} → ${t[i]}`)}` }],
    unstable: false,
  };
}

/** Largest move or resize (px) still counted as the same box: rounding and sub-pixel text layout. */
export const BOX_TOLERANCE = 1;

/**
 * Element boxes that moved or changed size with Termlight, ignoring elements that also differ between the
 * two plain loads. Only meaningful when the DOMs line up (same lines), so it needs equal box lists.
 */
export function compareLayout(plainA: PageSnapshot, plainB: PageSnapshot, withTermlight: PageSnapshot): Difference[] {
  const a = plainA.boxes;
  const b = plainB.boxes;
  const t = withTermlight.boxes;
  if (a.length !== t.length || a.length !== b.length) return [];
  const same = (x: readonly number[], y: readonly number[]) =>
    x[0] === y[0] && x.slice(1).every((v, i) => Math.abs(v - y[i + 1]!) <= BOX_TOLERANCE);
  const noise = new Set(differingIndices(a, b, same));
  const moved = differingIndices(a, t, same).filter((i) => !noise.has(i));
  if (moved.length === 0) return [];
  const line = (i: number) => plainA.lines[a[i]![0]] ?? '?';
  const box = (x: readonly number[]) => `${x[1]},${x[2]} ${x[3]}×${x[4]}`;
  return [{ kind: 'layout', detail: `${moved.length} element box(es) moved: ${listed(moved, (i) => `${line(i).slice(0, 80)} ${box(a[i]!)} → ${box(t[i]!)}`)}` }];
}

/** Items of `withTermlight` that appear in neither plain list (as many times as they are extra). */
export function extraItems(plainA: readonly string[], plainB: readonly string[], withTermlight: readonly string[]): string[] {
  const allowance = new Map<string, number>();
  const count = (list: readonly string[]) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const ca = count(plainA);
  const cb = count(plainB);
  for (const key of new Set([...ca.keys(), ...cb.keys()])) allowance.set(key, Math.max(ca.get(key) ?? 0, cb.get(key) ?? 0));
  const out: string[] = [];
  for (const x of withTermlight) {
    const left = allowance.get(x) ?? 0;
    if (left > 0) allowance.set(x, left - 1);
    else out.push(x);
  }
  return out;
}
