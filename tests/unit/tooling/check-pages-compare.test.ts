import { describe, expect, test } from 'vitest';
import { BOX_TOLERANCE, compareDom, compareLayout, extraItems } from '../../robustness/compare';
import type { PageSnapshot } from '../../robustness/snapshot';

function snap(lines: string[], boxes: PageSnapshot['boxes'] = []): PageSnapshot {
  return { lines, boxes };
}

describe('compareDom (check:pages)', () => {
  const page = ['0 <html>', '1 <body>', '2 #text 5:ab:"hello"', 'focus: body#'];

  test('identical pages: nothing to report', () => {
    expect(compareDom(snap(page), snap(page), snap(page))).toEqual({ differences: [], unstable: false });
  });

  test('a change Termlight made is reported with the node before and after', () => {
    const changed = [...page.slice(0, 2), '2 <mark>', ...page.slice(3)];
    const { differences } = compareDom(snap(page), snap(page), snap(changed));
    expect(differences).toHaveLength(1);
    expect(differences[0]!.detail).toContain('2 #text 5:ab:"hello" → 2 <mark>');
  });

  test('a node the page changes by itself (the two plain loads differ there) is not blamed', () => {
    const clock = (t: string) => ['0 <html>', `1 #text 5:${t}`, 'focus: body#'];
    expect(compareDom(snap(clock('10:00')), snap(clock('10:01')), snap(clock('10:02'))).differences).toEqual([]);
  });

  test('but a change elsewhere on such a page still is', () => {
    const a = ['0 <html>', '1 #text 5:10:00', '1 <p>'];
    const b = ['0 <html>', '1 #text 5:10:01', '1 <p>'];
    const t = ['0 <html>', '1 #text 5:10:02', '1 <p class="x">'];
    expect(compareDom(snap(a), snap(b), snap(t)).differences).toHaveLength(1);
  });

  test('an added node is reported as a count and the first place the pages part', () => {
    const t = [...page.slice(0, 3), '1 <termlight-popover>', ...page.slice(3)];
    const { differences } = compareDom(snap(page), snap(page), snap(t));
    expect(differences[0]!.detail).toMatch(/^\+1 nodes; first change at node 3: without focus: body# \| with 1 <termlight-popover>/);
  });

  test('the same nodes in another order (a page script racing the parser) are a note, not a change', () => {
    const a = ['0 <body>', '1 <p>', '1 <iframe name="x">', 'focus: body#'];
    const t = ['0 <body>', '1 <iframe name="x">', '1 <p>', 'focus: body#'];
    expect(compareDom(snap(a), snap(a), snap(t))).toEqual({ differences: [], unstable: false, reordered: true });
    const changed = ['0 <body>', '1 <iframe name="y">', '1 <p>', 'focus: body#'];
    expect(compareDom(snap(a), snap(a), snap(changed)).differences).toHaveLength(1);
  });

  test('a page whose node count changes by itself is unstable unless Termlight matches one plain load', () => {
    const b = [...page, 'extra'];
    expect(compareDom(snap(page), snap(b), snap(b))).toEqual({ differences: [], unstable: false });
    expect(compareDom(snap(page), snap(b), snap([...page, 'other', 'more']))).toEqual({ differences: [], unstable: true });
  });
});

describe('compareLayout (check:pages)', () => {
  const lines = ['0 <body>', '1 <p>', '1 <p>'];
  const boxes: PageSnapshot['boxes'] = [
    [0, 0, 0, 800, 100],
    [1, 0, 0, 800, 20],
    [2, 0, 20, 800, 20],
  ];
  const moved = (dy: number): PageSnapshot['boxes'] => boxes.map(([i, x, y, w, h]) => (i === 2 ? [i, x, y + dy, w, h] : [i, x, y, w, h]));

  test(`moves up to ${BOX_TOLERANCE} px are rounding; more is a layout shift`, () => {
    expect(compareLayout(snap(lines, boxes), snap(lines, boxes), snap(lines, moved(BOX_TOLERANCE)))).toEqual([]);
    const shift = compareLayout(snap(lines, boxes), snap(lines, boxes), snap(lines, moved(3)));
    expect(shift).toHaveLength(1);
    expect(shift[0]!.detail).toContain('1 element box(es) moved: 1 <p> 0,20 800×20 → 0,23 800×20');
  });

  test('an element that moves between the two plain loads (an animation) is not blamed', () => {
    expect(compareLayout(snap(lines, boxes), snap(lines, moved(7)), snap(lines, moved(12)))).toEqual([]);
  });
});

describe('extraItems (check:pages)', () => {
  test('only what the Termlight load has beyond both plain loads, counting repeats', () => {
    expect(extraItems(['a', 'b'], ['a', 'a'], ['a', 'a', 'a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(extraItems([], [], [])).toEqual([]);
  });
});
