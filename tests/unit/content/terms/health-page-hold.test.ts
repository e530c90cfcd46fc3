import { describe, expect, it } from 'vitest';
import { createHealthPageGate } from '../../../../glossary/health-page';
import { holdUntilHealthPage } from '../../../../entrypoints/content/terms/health-page-hold';
import type { FoundTerm } from '../../../../entrypoints/content/terms/term-index';

const general = new Set(['colon']);
const entryOf = (id: string) => (general.has(id) ? { generalSense: true as const } : {});
const term = (id: string): FoundTerm => ({ node: {} as Text, match: { id, start: 0, end: 1, fuzzy: false }, range: {} as AbstractRange });

function setup() {
  const passed: string[] = [];
  const removed: string[] = [];
  let opened = 0;
  const gate = createHealthPageGate(entryOf, 2);
  const hold = holdUntilHealthPage(
    { added: (ts) => passed.push(...ts.map((t) => t.match.id)), removed: (ts) => removed.push(...ts.map((t) => t.match.id)) },
    gate,
    () => opened++,
  );
  return { hold, passed, removed, opened: () => opened };
}

describe('holdUntilHealthPage', () => {
  it('passes plain terms at once, holds the ambiguous ones, then releases them when the page shows it is about health', () => {
    const { hold, passed, opened } = setup();
    const colon = term('colon');
    hold.added([colon, term('pd-l1')]);
    expect(passed).toEqual(['pd-l1']);
    hold.added([term('tmb')]);
    expect(passed).toEqual(['pd-l1', 'colon', 'tmb']);
    expect(opened()).toBe(1);
    hold.added([term('colon')]);
    expect(passed.at(-1)).toBe('colon');
    expect(opened()).toBe(1);
  });

  it('releases held spelling corrections at the second step, and says so each time', () => {
    const { hold, passed, opened } = setup();
    const fuzzy: FoundTerm = { node: {} as Text, match: { id: 'tmb', start: 0, end: 1, fuzzy: true }, range: {} as AbstractRange };
    hold.added([fuzzy, term('colon'), term('a'), term('b')]);
    // Two concepts open the first step (setup's gate): the everyday-meaning word, not the correction.
    expect(passed).toEqual(['colon', 'a', 'b']);
    expect(opened()).toBe(1);
    hold.added([term('c'), term('d')]);
    expect(passed).toEqual(['colon', 'a', 'b', 'c', 'd']);
    hold.added([term('e')]);
    expect(passed.slice(-2)).toEqual(['tmb', 'e']);
    expect(opened()).toBe(2);
  });

  it('a held term that leaves the page is dropped, not passed on or removed downstream', () => {
    const { hold, passed, removed } = setup();
    const colon = term('colon');
    hold.added([colon]);
    hold.removed([colon]);
    expect(removed).toEqual([]);
    hold.added([term('pd-l1'), term('tmb')]);
    expect(passed).toEqual(['pd-l1', 'tmb']);
  });

  it('removal of a passed term goes downstream', () => {
    const { hold, removed } = setup();
    const t = term('pd-l1');
    hold.added([t]);
    hold.removed([t]);
    expect(removed).toEqual(['pd-l1']);
  });

  it('does not count terms found before the spelling tables were in towards the gate (they are matched again)', () => {
    const passed: string[] = [];
    const unsure = new Set<FoundTerm>();
    const gate = createHealthPageGate(entryOf, 2);
    const hold = holdUntilHealthPage({ added: (ts) => passed.push(...ts.map((t) => t.match.id)), removed() {} }, gate, () => {}, (t) => !unsure.has(t));
    const early = [term('pd-l1'), term('tmb')];
    for (const t of early) unsure.add(t);
    const colon = term('colon');
    hold.added([...early, colon]);
    // Painted (they are exact), but the page has not shown it is about health yet: colon waits.
    expect(passed).toEqual(['pd-l1', 'tmb']);
    expect(gate.open).toBe(false);
    hold.removed([...early, colon]);
    // Matched again with the tables: now they count.
    hold.added([term('pd-l1'), term('tmb'), term('colon')]);
    expect(gate.open).toBe(true);
    expect(passed).toEqual(['pd-l1', 'tmb', 'pd-l1', 'tmb', 'colon']);
  });
});

