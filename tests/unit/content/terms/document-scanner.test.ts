// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import shipped from '../../../../glossary/generated/match-pack.json';
import { readMatchBinary } from '../../../../glossary/match-binary';
import { packedIds, packedTrie, unpackExclusions, unpackReadings, type MatchPack } from '../../../../glossary/match-pack';
import { createMatcher, type Matcher } from '../../../../glossary/matcher';
import type { TermMatch } from '../../../../glossary/types';
import { createDocumentScanner } from '../../../../entrypoints/content/terms/document-scanner';
import type { FarWalk } from '../../../../entrypoints/content/terms/far-text';
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
    deferred: 0,
    spellingLoaded: () => null,
  } as unknown as Matcher;
  return { matcher, asked };
}

/** The texts of the nodes an iterator holds (it is used up). */
const textsOf = (nodes: Iterator<Text>) => [...{ [Symbol.iterator]: () => nodes }].map((t) => t.data);

/**
 * A full scan from the screen, the caret found at the start of the element `startId`'s text, with `far` (its
 * `defer` kept): the texts the matcher was asked about and the walk handed over.
 */
async function scanFromCaret(startId: string, far: { eagerChars: number; nearChars?: number }): Promise<{ asked: string[]; walk: FarWalk }> {
  const doc = document as unknown as { caretPositionFromPoint?: () => { offsetNode: Node; offset: number } };
  doc.caretPositionFromPoint = () => ({ offsetNode: document.getElementById(startId)!.firstChild!, offset: 0 });
  try {
    const { matcher, asked } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    let walk: FarWalk | null = null;
    const defer = async (w: FarWalk) => void (walk = w);
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {}, far: { ...far, defer } });
    await scanner.scanAll(true);
    return { asked, walk: walk! };
  } finally {
    delete doc.caretPositionFromPoint;
  }
}

/** A scanner with the shipped matcher (its capitals rule reads a node's line), counting the texts the matcher was asked about. */
function lineReadingScanner() {
  const pack = shipped as MatchPack;
  const base = createMatcher([], { fuzzy: false, readings: unpackReadings(pack)! }, packedTrie(pack));
  const asked: string[] = [];
  const matcher = { ...base, find: (text: string, around?: Parameters<Matcher['find']>[1]) => (asked.push(text), base.find(text, around)) } as Matcher;
  const index = new TermIndex({ added() {}, removed() {} });
  const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {} });
  return { asked, index, scanner };
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
      defer: async (walk: FarWalk) => {
        rest = [...{ [Symbol.iterator]: () => walk.below }, ...{ [Symbol.iterator]: () => walk.rest }];
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

  it('with `far` and nearChars, a long page is read only near the screen: the text walked past goes first, unread, in order', async () => {
    // 13 characters a node: 6 nodes hold 78, more than eagerChars (40).
    document.body.innerHTML = [1, 2, 3, 4, 5, 6].map((n) => `<p>Para${n} biopsy.</p>`).join('');
    const { matcher, asked } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    let walk: FarWalk | null = null;
    const far = { eagerChars: 40, nearChars: 20, defer: async (w: FarWalk) => void (walk = w) };
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {}, far });
    await scanner.scanAll(false);
    // The second node takes the scan past 20: the rest is handed over, the nodes it walked past first.
    expect(asked).toEqual(['Para1 biopsy.', 'Para2 biopsy.']);
    const w = walk! as FarWalk;
    expect(textsOf(w.below)).toEqual(['Para3 biopsy.', 'Para4 biopsy.', 'Para5 biopsy.', 'Para6 biopsy.']);
    expect(textsOf(w.rest)).toEqual([]);
    expect([...scanner.textRead()].map((t) => t.data)).toEqual(['Para1 biopsy.', 'Para2 biopsy.']);
    // Every term is found once that text is read (the reader scrolled near it).
    await scanner.scan([...document.querySelectorAll('p')].slice(2).map((p) => p.firstChild as Text));
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 6 }]);
  });

  it('with `far` and nearChars, a page of up to eagerChars characters is read whole, in order, as without nearChars', async () => {
    document.body.innerHTML = [1, 2, 3, 4].map((n) => `<p>Para${n} biopsy.</p>`).join('');
    const { matcher, asked } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    let handed: string[] | null = null;
    const far = {
      eagerChars: 60,
      nearChars: 20,
      defer: async (w: FarWalk) => void (handed = [...{ [Symbol.iterator]: () => w.below }, ...{ [Symbol.iterator]: () => w.rest }].map((t) => t.data)),
    };
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {}, far });
    await scanner.scanAll(false);
    expect(asked).toEqual(['Para1 biopsy.', 'Para2 biopsy.', 'Para3 biopsy.', 'Para4 biopsy.']);
    expect(handed).toEqual([]);
    expect(index.termCounts()).toEqual([{ id: 'biopsy', count: 4 }]);
  });

  it('with `far` and nearChars, text walked past after the page end (above the screen) is handed over with the rest', async () => {
    document.body.innerHTML = ['a', 'b', 'c', 'd', 'e'].map((id) => `<p id="${id}">Para-${id} biopsy.</p>`).join('');
    // The scan starts on screen, at "d": then "e", then the page's top ("a", "b", "c").
    const { asked, walk } = await scanFromCaret('d', { eagerChars: 40, nearChars: 10 });
    expect(asked).toEqual(['Para-d biopsy.']);
    expect(textsOf(walk.below)).toEqual(['Para-e biopsy.']);
    expect(textsOf(walk.rest)).toEqual(['Para-a biopsy.', 'Para-b biopsy.', 'Para-c biopsy.']);
  });

  it('with `far`, hands over the text below the scan apart from the text it reaches after the page end, and a walk from any node on', async () => {
    document.body.innerHTML = '<p id="a">Top biopsy.</p><p id="b">Start biopsy.</p><p id="c">Next biopsy.</p><p id="d">Last biopsy.</p>';
    // The scan starts on screen, at "Start" (where the caret is found).
    const { asked, walk } = await scanFromCaret('b', { eagerChars: 10 });
    expect(asked).toEqual(['Start biopsy.']);
    expect(textsOf(walk.below)).toEqual(['Next biopsy.', 'Last biopsy.']);
    expect(textsOf(walk.rest)).toEqual(['Top biopsy.']);
    expect(textsOf(walk.after(document.getElementById('c')!.firstChild as Text))).toEqual(['Last biopsy.']);
    expect(textsOf(walk.after(null))).toEqual(['Top biopsy.', 'Start biopsy.', 'Next biopsy.', 'Last biopsy.']);
  });

  it('lists the text read since the last full scan began (what the page-only pass goes over), not what is held back', async () => {
    document.body.innerHTML = '<p id="a">First biopsy.</p><p id="b">Second biopsy.</p><div id="c"><p>Third biopsy.</p></div>';
    const { matcher } = fakeMatcher();
    const index = new TermIndex({ added() {}, removed() {} });
    let held: Text[] = [];
    const far = { eagerChars: 20, defer: async (w: FarWalk) => void (held = [...{ [Symbol.iterator]: () => w.below }]) };
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {}, far });
    await scanner.scanAll(false);
    expect([...scanner.textRead()].map((t) => t.data)).toEqual(['First biopsy.', 'Second biopsy.']);
    // Held text read later (the reader scrolled near it) is listed too; removed text is not.
    await scanner.scan(held);
    document.getElementById('a')!.remove();
    expect([...scanner.textRead()].map((t) => t.data)).toEqual(['Second biopsy.', 'Third biopsy.']);
    // Text inside an element that became an editor is forgotten.
    scanner.forgetInside(document.getElementById('c')!);
    expect([...scanner.textRead()].map((t) => t.data)).toEqual(['Second biopsy.']);
  });

  it('gives the matcher the text around a node on its line: a heading in capitals split over inline elements', async () => {
    // "SLEEP AIDS" in capitals is sleep aids, however its words are split into elements; AIDS the
    // disease keeps its mark in a sentence, beside HIV, and alone in its own block.
    document.body.innerHTML = [
      '<h2 id="split"><span>SLEEP</span> AIDS</h2>',
      '<h2 id="inner">SLEEP <em>AIDS</em> AND MEMORY</h2>',
      '<h3 id="nested"><a href="#"><span>BEST</span> <span>SLEEP</span></a> <b>AIDS</b></h3>',
      '<p id="sentence">Living with <b>AIDS</b> today.</p>',
      '<h2 id="pair"><a href="#">HIV</a>/AIDS</h2>',
      '<div id="blocks"><p>SLEEP</p><p>AIDS</p></div>',
    ].join('');
    const pack = shipped as MatchPack;
    const matcher = createMatcher([], { fuzzy: false, readings: unpackReadings(pack)! }, packedTrie(pack));
    const index = new TermIndex({ added() {}, removed() {} });
    await createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal, yieldToPage: async () => {} }).scanAll(false);
    const aids = index
      .all()
      .filter((t) => t.match.id === 'aids')
      .map((t) => t.node.parentElement!.closest('[id]')!.id);
    expect(aids.sort()).toEqual(['blocks', 'pair', 'sentence']);
  });

  it('matches a node again when only the text around it on its line changes ("<span>SLEEP</span>" to "<span>Sleep</span>")', async () => {
    document.body.innerHTML = '<h2 id="h"><span id="s">SLEEP</span> AIDS</h2><p id="p">A plain line.</p>';
    const { asked, index, scanner } = lineReadingScanner();
    const aids = () => index.all().filter((t) => t.match.id === 'aids').length;
    const word = document.getElementById('s')!.firstChild as Text;
    await scanner.scanAll(false);
    expect(aids()).toBe(0);
    // The page changes the neighbour only; its watcher rescans the node that changed (watch-mutations.ts).
    word.data = 'Sleep';
    asked.length = 0;
    await scanner.scan([word]);
    expect(aids()).toBe(1);
    expect(asked).toEqual(['Sleep', ' AIDS']);
    // Back to capitals: the card for the disease goes again (a wrong card is worse than none).
    word.data = 'SLEEP';
    await scanner.scan([word]);
    expect(aids()).toBe(0);
    // A full rescan checks the line too, though the node's own text is as it was.
    word.data = 'Sleep';
    await scanner.scanAll(false);
    expect(aids()).toBe(1);
    // Nodes that never read their line are not matched again for a change elsewhere.
    asked.length = 0;
    (document.getElementById('p')!.firstChild as Text).data = 'Another plain line.';
    await scanner.scan([document.getElementById('p')!.firstChild as Text]);
    expect(asked).toEqual(['Another plain line.']);
    // A node gone from the page is forgotten.
    document.getElementById('h')!.remove();
    await scanner.scan([]);
    expect(asked).toEqual(['Another plain line.']);
  });

  it('checks a change against the lines held where it is, not every line of the page', async () => {
    document.body.innerHTML = [
      '<h2 id="one"><span id="s1">SLEEP</span> AIDS</h2>',
      '<h2 id="two"><span id="s2">SLEEP</span> AIDS</h2>',
      '<h3 id="deep"><a href="#"><span>BEST</span> <span id="s3">SLEEP</span></a> <b>AIDS</b></h3>',
    ].join('');
    const { asked, index, scanner } = lineReadingScanner();
    const aidsIn = () => index.all().filter((t) => t.match.id === 'aids').map((t) => t.node.parentElement!.closest('[id]')!.id).sort();
    const word = (id: string) => document.getElementById(id)!.firstChild as Text;
    await scanner.scanAll(false);
    expect(aidsIn()).toEqual([]);
    // Both headings change, but only the first change has reached the scanner so far: the second
    // heading's line is not read again for it (another holder), only the first one's.
    word('s1').data = 'Sleep';
    word('s2').data = 'Sleep';
    asked.length = 0;
    await scanner.scan([word('s1')]);
    expect(asked).toEqual(['Sleep', ' AIDS']);
    expect(aidsIn()).toEqual(['one']);
    // Its own change then reads the second heading's line.
    asked.length = 0;
    await scanner.scan([word('s2')]);
    expect(asked).toEqual(['Sleep', ' AIDS']);
    expect(aidsIn()).toEqual(['one', 'two']);
    // A change deep in inline elements reaches the line of the heading that holds them.
    word('s3').data = 'Sleep';
    await scanner.scan([word('s3')]);
    expect(aidsIn()).toEqual(['deep', 'one', 'two']);
    // Text near the reader read for the first time (far-text.ts) does not read the page's other lines again.
    document.body.insertAdjacentHTML('beforeend', '<p id="far">A plain line far below.</p>');
    word('s1').data = 'SLEEP';
    asked.length = 0;
    await scanner.scan([word('far')]);
    expect(asked).toEqual(['A plain line far below.']);
    expect(aidsIn()).toEqual(['deep', 'one', 'two']);
  });

  it('matches text again with spelling correction once the spelling file is in, ending with what a matcher that had it finds', async () => {
    // The content script's reader: match-data.bin first, match-spelling.bin after (glossary/match-binary.ts).
    const generated = join(__dirname, '../../../../glossary/generated');
    const read = (file: string) => {
      const b = readFileSync(join(generated, file));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    };
    const pack = shipped as MatchPack;
    const readings = unpackReadings(pack)!;
    const article = readFileSync(join(__dirname, '../../../../glossary/sources/immunotherapy-stage-4-cervical-cancer.txt'), 'utf8');
    const paragraphs = [
      'Stage IV cervical cancr is treated with immunotheraphy such as pembrolizumab.',
      'Tumor-infiltrating lymphocites are counted; ordinary words stay unmarked.',
      'Nothing medical here at all.',
      // Enough text that the scan takes more than one slice (it waits for the spelling file after its first).
      ...article.split(/\n+/).filter((p) => p.trim()),
      'Check point inhibitors and chemoterapy, at the end.',
    ];
    const html = paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
    const finalMarks = (index: TermIndex) => index.all().map((t) => [t.node.data.slice(0, 30), t.match.start, t.match.end, t.match.id, t.match.fuzzy]);

    document.body.innerHTML = html;
    const expectedIndex = new TermIndex({ added() {}, removed() {} });
    const complete = createMatcher([], { fuzzyExclusions: unpackExclusions(pack), readings }, packedTrie(pack));
    await createDocumentScanner({ doc: document, matcher: complete, index: expectedIndex, signal: new AbortController().signal }).scanAll(false);
    const expected = finalMarks(expectedIndex);
    expect(expected.some((m) => m[4] === true)).toBe(true);

    document.body.innerHTML = html;
    const binary = readMatchBinary(read('match-data.bin'));
    const matcher = createMatcher([], { readings }, binary.trie(packedIds(pack)));
    const removed: FoundTerm[] = [];
    const index = new TermIndex({ added() {}, removed: (t) => removed.push(...t) });
    const scanner = createDocumentScanner({ doc: document, matcher, index, signal: new AbortController().signal });
    const scanned = scanner.scanAll(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Before the spelling file: the first paragraph's exact terms are marked, its misspellings not yet.
    const first = document.querySelector('p')!.firstChild as Text;
    expect(index.termsIn(first).map((t) => t.match.id).length).toBeGreaterThan(0);
    expect(index.termsIn(first).some((t) => t.match.fuzzy)).toBe(false);
    expect(scanner.isUnsure(first)).toBe(true);
    binary.provideSpelling(read('match-spelling.bin'));
    await scanned;
    expect(scanner.isUnsure(first)).toBe(false);
    expect(index.termsIn(first).some((t) => t.match.fuzzy)).toBe(true);
    expect(finalMarks(index).sort()).toEqual(expected.sort());
    expect(removed.length).toBeGreaterThan(0);
  });
});
