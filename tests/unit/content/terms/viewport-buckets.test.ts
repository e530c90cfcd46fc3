import { describe, expect, it } from 'vitest';
import { bandAround, BUCKET_PX, MAX_BUCKETS_PER_ITEM, ViewportBuckets } from '../../../../entrypoints/content/terms/viewport-buckets';

describe('bandAround', () => {
  it('is the viewport with `margin` viewports above and below', () => {
    expect(bandAround(5000, 800, 1.5)).toEqual([3800, 7000]);
    expect(bandAround(0, 800, 1)).toEqual([-800, 1600]);
  });
});

describe('ViewportBuckets', () => {
  it('gives back the items near a band, once, and keeps the far ones', () => {
    const b = new ViewportBuckets<string>();
    b.hold('top', 100, 120);
    b.hold('middle', 5_200, 5_220);
    b.hold('bottom', 40_000, 40_020);
    expect(b.take(4_500, 6_000)).toEqual(['middle']);
    expect(b.take(4_500, 6_000)).toEqual([]);
    expect(b.size).toBe(2);
    expect(b.has('bottom')).toBe(true);
    expect(b.take(0, 50)).toEqual(['top']);
  });

  it('finds an item spanning several buckets from any of them, and only once', () => {
    const b = new ViewportBuckets<string>();
    expect(b.hold('tall', 900, 900 + 3 * BUCKET_PX)).toBe(true);
    expect(b.take(2_500, 2_600)).toEqual(['tall']);
    expect(b.take(0, 10_000)).toEqual([]);
  });

  it('refuses to hold an item taller than its limit (a whole-page wrapper is painted at once)', () => {
    const b = new ViewportBuckets<string>();
    expect(b.hold('page', 0, (MAX_BUCKETS_PER_ITEM + 1) * BUCKET_PX)).toBe(false);
    expect(b.size).toBe(0);
  });

  it('drops, takes by a test, and takes all', () => {
    const b = new ViewportBuckets<number>();
    for (let i = 0; i < 10; i++) b.hold(i, i * 3_000, i * 3_000 + 10);
    expect(b.drop(3)).toBe(true);
    expect(b.drop(3)).toBe(false);
    expect(b.takeIf((n) => n % 2 === 0)).toEqual([0, 2, 4, 6, 8]);
    expect(b.takeAll().sort()).toEqual([1, 5, 7, 9]);
    expect(b.size).toBe(0);
    expect(b.take(-1e9, 1e9)).toEqual([]);
  });
});

describe('ViewportBuckets above the page top', () => {
  it('holds and drops items with negative positions (content above the document start)', () => {
    const b = new ViewportBuckets<string>();
    expect(b.hold('above', -2_500, -2_400)).toBe(true);
    expect(b.hold('across', -300, 1_200)).toBe(true);
    expect(b.take(-3_000, -2_000)).toEqual(['above']);
    expect(b.drop('across')).toBe(true);
    expect(b.take(-1e6, 1e6)).toEqual([]);
    expect(b.size).toBe(0);
  });
});
