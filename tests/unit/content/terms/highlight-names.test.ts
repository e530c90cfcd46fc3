import { describe, expect, it, vi } from 'vitest';
import { createHighlightNames, highlightNames, randomHighlightName } from '../../../../entrypoints/content/terms/highlight-names';
import { HIGHLIGHT_NAME, PAGE_HIGHLIGHT_NAME } from '../../../../entrypoints/content/terms/highlights';
import { STYLE_NAMES } from '../../../../entrypoints/content/terms/mark-style';
import { isHighlightNames } from '../../../../utils/page-styles/highlight-css';

describe('highlight names', () => {
  it('are valid, distinct names the background accepts, and new for every page load', () => {
    const a = createHighlightNames();
    const b = createHighlightNames();
    expect(isHighlightNames(a)).toBe(true);
    expect(isHighlightNames(b)).toBe(true);
    expect(Object.values(b).filter((n) => Object.values(a).includes(n))).toEqual([]);
  });

  it('share no fixed part: first letters and lengths vary', () => {
    const many = Array.from({ length: 200 }, () => randomHighlightName());
    expect(new Set(many.map((n) => n[0])).size).toBeGreaterThan(10);
    expect(new Set(many.map((n) => n.length))).toEqual(new Set([8, 9, 10, 11, 12, 13, 14, 15, 16]));
    for (const n of many) expect(n).toMatch(/^[a-z][a-z0-9]{7,15}$/);
  });

  it('come from the random source they are given', () => {
    const zeros = (b: Uint8Array) => b.fill(0);
    expect(randomHighlightName(zeros)).toBe('aaaaaaaa');
  });

  it('are what the layers, the mark styles and the hovered term register under', () => {
    expect(HIGHLIGHT_NAME).toBe(highlightNames.terms);
    expect(PAGE_HIGHLIGHT_NAME).toBe(highlightNames.page);
    expect(STYLE_NAMES.underline).toEqual({ terms: highlightNames.terms, page: highlightNames.page });
    expect(STYLE_NAMES.soft).toEqual({ terms: highlightNames.soft, page: highlightNames['page-soft'] });
    expect(Object.values(highlightNames).join(' ')).not.toMatch(/termlight/);
  });
});

describe('one page load, two bundles', () => {
  it('the content script first stage and the reader it loads share one set of names and one request', async () => {
    // Each bundle has its own copy of the module; a fresh import stands for the second copy.
    vi.resetModules();
    const again = await import('../../../../entrypoints/content/terms/highlight-names');
    expect(again.highlightNames).toBe(highlightNames);
  });
});
