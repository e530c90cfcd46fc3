// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { explainNotice, quoteSelection, MAX_QUOTED_CHARS } from '../../../../entrypoints/content/keyboard/explain-notice';
import { findExplainTarget, startingTerm } from '../../../../entrypoints/content/keyboard/explain-target';
import { stepForKey } from '../../../../entrypoints/content/popover/Popover';
import { TermIndex, type FoundTerm } from '../../../../entrypoints/content/terms/term-index';
import { sortInDocumentOrder } from '../../../../entrypoints/content/terms/term-order';

class FakeStaticRange {
  constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}
(globalThis as { StaticRange?: unknown }).StaticRange ??= FakeStaticRange;

const m = (start: number, end: number, id: string) => ({ start, end, id, fuzzy: false });

function setup() {
  document.body.innerHTML =
    '<p id="a">Ask about immunotherapy and PD-L1 today.</p><p id="b">Bring a notebook.</p><p id="c">Chemotherapy too.</p><input id="f" value="prognosis">';
  const text = (id: string) => document.getElementById(id)!.firstChild as Text;
  const index = new TermIndex({ added() {}, removed() {} });
  index.set(text('a'), [m(10, 23, 'immunotherapy'), m(28, 33, 'pd-l1')]);
  index.set(text('c'), [m(0, 12, 'chemotherapy')]);
  const sorted = sortInDocumentOrder(index.all());
  const select = (id: string, start: number, end = start) => {
    const r = document.createRange();
    r.setStart(text(id), start);
    r.setEnd(text(id), end);
    const s = document.getSelection()!;
    s.removeAllRanges();
    s.addRange(r);
  };
  const find = (over: { inView?: (t: FoundTerm) => boolean; caretInView?: boolean; lookup?: (s: string) => string | null } = {}) =>
    findExplainTarget({
      doc: document,
      sorted,
      lookup: over.lookup ?? (() => null),
      isInView: over.inView ?? (() => true),
      isAbove: () => false,
      isCaretInView: () => over.caretInView ?? true,
    });
  return { sorted, select, find, text };
}

const idOf = (t: ReturnType<ReturnType<typeof setup>['find']>) => (t.kind === 'term' ? t.term.match.id : t.kind);

describe('what the keyboard command explains', () => {
  it('a selected term, or the first term a selection touches', () => {
    const { select, find } = setup();
    select('a', 28, 33); // "PD-L1"
    expect(idOf(find())).toBe('pd-l1');
    select('a', 14, 18); // inside "immunotherapy"
    expect(idOf(find())).toBe('immunotherapy');
    select('a', 0, 40); // the whole sentence
    expect(idOf(find())).toBe('immunotherapy');
  });

  it('selected text that only touches a term at its edge is not that term', () => {
    const { select, find } = setup();
    select('a', 23, 28); // " and " between the two terms
    expect(find()).toMatchObject({ kind: 'unknown', text: 'and' });
  });

  it('a selected word the scan did not mark but the glossary knows', () => {
    const { select, find } = setup();
    select('b', 8, 16); // "notebook"
    expect(find({ lookup: (s) => (s === 'notebook' ? 'x-notebook' : null) })).toMatchObject({ kind: 'word', id: 'x-notebook', text: 'notebook' });
  });

  it('selected text that is not a term: says so, quoting it', () => {
    const { select, find } = setup();
    select('b', 8, 16);
    expect(find()).toMatchObject({ kind: 'unknown', text: 'notebook' });
  });

  it('a text cursor on screen: the term at it, else the next one, else the last one', () => {
    const { select, find } = setup();
    select('a', 12); // inside "immunotherapy"
    expect(idOf(find())).toBe('immunotherapy');
    select('a', 33); // right after "PD-L1"
    expect(idOf(find())).toBe('pd-l1');
    select('b', 3); // between paragraphs with terms
    expect(idOf(find())).toBe('chemotherapy');
    select('c', 16); // after the last term
    expect(idOf(find())).toBe('chemotherapy');
  });

  it('a text cursor that is off screen, or no selection: the first term on screen', () => {
    const { select, find, sorted } = setup();
    select('a', 12);
    const onlyChemo = (t: FoundTerm) => t === sorted[2];
    expect(idOf(find({ caretInView: false, inView: onlyChemo }))).toBe('chemotherapy');
    document.getSelection()!.removeAllRanges();
    expect(idOf(find({ inView: onlyChemo }))).toBe('chemotherapy');
    expect(idOf(find())).toBe('immunotherapy');
  });

  it('text selected in a form field is never read', () => {
    const { find } = setup();
    const field = document.getElementById('f') as HTMLInputElement;
    field.focus();
    field.setSelectionRange(0, 9);
    expect(find().kind).toBe('editable');
    // A field that merely has the cursor does not stop the command.
    field.setSelectionRange(3, 3);
    expect(find().kind).toBe('term');
  });

  it('no terms on the page and nothing selected', () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    expect(
      findExplainTarget({ doc: document, sorted: [], lookup: () => null, isInView: () => true, isAbove: () => false, isCaretInView: () => true }),
    ).toEqual({ kind: 'none' });
  });
});

describe('startingTerm', () => {
  it('prefers the first term on screen, then the first below it, then the last above it', () => {
    const { sorted } = setup();
    expect(startingTerm(sorted, (t) => t === sorted[1], () => false)).toBe(sorted[1]);
    expect(startingTerm(sorted, () => false, (t) => t !== sorted[2])).toBe(sorted[2]);
    expect(startingTerm(sorted, () => false, () => true)).toBe(sorted[2]);
    expect(startingTerm([], () => true, () => false)).toBeNull();
  });
});

describe('notices', () => {
  it('quote the selection as text, shortened', () => {
    expect(quoteSelection('  a\n  notebook ')).toBe('a notebook');
    const long = quoteSelection('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(explainNotice({ kind: 'unknown', text: '<b>x</b>', rect: null }).text).toContain('“<b>x</b>”');
  });

  it('say why nothing is explained, for every case', () => {
    expect(explainNotice({ kind: 'none' }).title).toBe('No words to explain here');
    expect(explainNotice({ kind: 'editable', rect: null }).text).toMatch(/never reads what is in boxes you type in/);
  });
});

describe('keys in the popover', () => {
  const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
    stepForKey({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
  it('] and Alt+↓ go to the next term, [ and Alt+↑ to the previous one', () => {
    expect(key(']')).toBe(1);
    expect(key('ArrowDown', { altKey: true })).toBe(1);
    expect(key('[')).toBe(-1);
    expect(key('ArrowUp', { altKey: true })).toBe(-1);
  });
  it('leaves other keys alone (plain arrows scroll the card; Ctrl/⌘ combinations are the browser\'s)', () => {
    expect(key('ArrowDown')).toBeNull();
    expect(key(']', { ctrlKey: true })).toBeNull();
    expect(key('[', { metaKey: true })).toBeNull();
    expect(key('n')).toBeNull();
  });
});

describe('looking up a selected word that was not marked', () => {
  it('takes only a selection that is the term itself, give or take spaces and punctuation', async () => {
    const { wholeMatchId } = await import('../../../../entrypoints/content/keyboard/explain-command');
    const { defaultMatcher } = await import('../../../../glossary/default-matcher');
    const matcher = defaultMatcher({ fuzzy: false });
    expect(wholeMatchId(matcher, 'PD-L1')).toBe('pd-l1');
    expect(wholeMatchId(matcher, ' “immunotherapy”, ')).toBe('immunotherapy');
    expect(wholeMatchId(matcher, 'ask about PD-L1')).toBeNull();
    expect(wholeMatchId(matcher, 'notebook')).toBeNull();
  });
});
