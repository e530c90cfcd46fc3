import { describe, expect, it } from 'vitest';
import { placePopover } from '../../../../entrypoints/content/popover/position';

const viewport = { width: 1000, height: 800 };
const size = { width: 380, height: 300 };

function overlaps(a: { left: number; top: number; width: number; height: number }, b: typeof a) {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placePopover', () => {
  it('goes below the term when there is room, aligned with its left edge', () => {
    const anchor = { left: 100, top: 100, width: 80, height: 20 };
    const p = placePopover({ anchor, size, viewport });
    expect(p).toEqual({ left: 100, top: 126, side: 'below', maxHeight: null });
  });

  it('flips above near the bottom of the viewport', () => {
    const anchor = { left: 100, top: 700, width: 80, height: 20 };
    const p = placePopover({ anchor, size, viewport });
    expect(p.side).toBe('above');
    expect(p.top + size.height).toBeLessThanOrEqual(anchor.top);
  });

  it('slides left to stay inside the viewport', () => {
    const anchor = { left: 950, top: 100, width: 40, height: 20 };
    const p = placePopover({ anchor, size, viewport });
    expect(p.left + size.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(p.left).toBeGreaterThanOrEqual(8);
  });

  it('never covers the term, even in a tiny viewport: it caps the height instead', () => {
    const small = { width: 400, height: 300 };
    for (let top = 0; top < 280; top += 20) {
      const anchor = { left: 10, top, width: 60, height: 20 };
      const p = placePopover({ anchor, size, viewport: small });
      const height = p.maxHeight ?? size.height;
      expect(overlaps({ left: p.left, top: p.top, width: size.width, height }, anchor)).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.top + height).toBeLessThanOrEqual(small.height);
    }
  });
});
