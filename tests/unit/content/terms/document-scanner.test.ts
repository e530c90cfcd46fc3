// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Matcher } from '../../../../glossary/matcher';
import type { TermMatch } from '../../../../glossary/types';
import { createDocumentScanner } from '../../../../entrypoints/content/terms/document-scanner';
import { TermIndex, type FoundTerm } from '../../../../entrypoints/content/terms/term-index';

class FakeStaticRange {
  constructor(readonly init: unknown) {}
}
(globalThis as { StaticRange?: unknown }).StaticRange ??= FakeStaticRange;

/** Finds "biopsy" wherever it is, and counts the texts it was asked about. */
function fakeMatcher() {
  const asked: string[] = [];
  const matcher = {
    find(text: string): TermMatch[] {
      asked.push(text);
      const out: TermMatch[] = [];
      for (let at = text.indexOf('biopsy'); at >= 0; at = text.indexOf('biopsy', at + 1)) out.push({ id: 'biopsy', start: at, end: at + 6, fuzzy: false });
      return out;
    },
  } as unknown as Matcher;
  return { matcher, asked };
}

describe('createDocumentScanner', () => {
  it('keeps the terms of text that has not changed since it was matched, and matches what changed', async () => {
    document.body.innerHTML = '<p id="a">A biopsy.</p><p id="b">Another biopsy.</p><p id="c">No term.</p>';
    const { matcher, asked } = fakeMatcher();
    const added: FoundTerm[] = [];
    const removed: FoundTerm[] = [];
    const index = new TermIndex({ added: (t) => added.push(...t), removed: (t) => removed.push(...t) });
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {} });
    await scanner.scanAll(false);
    expect(added).toHaveLength(2);
    const b = document.getElementById('b')!.firstChild as Text;
    b.data = 'A new biopsy here.';
    asked.length = 0;
    added.length = 0;
    await scanner.scanAll(false);
    // "A biopsy." kept as it was (not matched again, its range not replaced); "No term." has no terms to keep.
    expect(asked.sort()).toEqual(['A new biopsy here.', 'No term.']);
    expect(removed.map((t) => t.node.data)).toEqual(['A new biopsy here.']);
    expect(added.map((t) => [t.node.data, t.match.start])).toEqual([['A new biopsy here.', 6]]);
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 2 }]);
  });

  it('matches an unchanged text again when a neighbouring text node now cuts its word', async () => {
    document.body.innerHTML = '<p id="a">see biopsy</p>';
    const { matcher } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {} });
    await scanner.scanAll(false);
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 1 }]);
    // The page adds "like" right after: "biopsy" now runs on into the next text node ("biopsylike").
    document.getElementById('a')!.append('like');
    await scanner.scanAll(false);
    expect(index.termCounts()).toEqual([]);
  });

  it('with `far`, matches the first eagerChars characters and hands the rest over unread; a new full scan forgets what it holds back', async () => {
    document.body.innerHTML = '<p>First biopsy.</p><p>Second biopsy.</p><p>Third biopsy.</p>';
    const { matcher, asked } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    let rest: Text[] = [];
    const far = {
      eagerChars: 20,
      defer: async (nodes: Iterator<Text>) => {
        rest = [...{ [Symbol.iterator]: () => nodes }];
      },
    };
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {}, far });
    await scanner.scanAll(false);
    // 13 + 14 characters: the second node takes the scan past 20, the third is left for `defer`.
    expect(asked).toEqual(['First biopsy.', 'Second biopsy.']);
    expect(rest.map((t) => t.data)).toEqual(['Third biopsy.']);
    await scanner.scan(rest);
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 3 }]);
    await scanner.scanAll(false);
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 2 }]);
  });
});
