import { describe, expect, it } from 'vitest';
import { createHealthPageGate, HEALTH_PAGE_MIN_TERMS, markedOnPage, needsHealthPage } from '../../../glossary/health-page';
import { matchData, matchEntry } from '../../../glossary/match-data';
import type { MatchEntry } from '../../../glossary/types';

// A small made-up glossary: two words with an everyday meaning, one everyday word, six plain terms.
const entries = new Map<string, Pick<MatchEntry, 'everyday' | 'generalSense'>>([
  ['colon', { generalSense: true }],
  ['mutation', { generalSense: true }],
  ['surgery', { everyday: true }],
  ['pd-l1', {}],
  ['chemoradiation', {}],
  ['brachytherapy', {}],
  ['pembrolizumab', {}],
  ['cisplatin', {}],
  ['paclitaxel', {}],
]);
const entryOf = (id: string) => entries.get(id);
const exact = (id: string) => ({ id, fuzzy: false });

describe('health-page gate', () => {
  it('holds an everyday-meaning word back until the page names enough medical concepts', () => {
    const gate = createHealthPageGate(entryOf, 3);
    expect(gate.admits(exact('colon'))).toBe(false);
    expect(gate.note([exact('pd-l1'), exact('chemoradiation')])).toBe(false);
    expect(gate.admits(exact('colon'))).toBe(false);
    expect(gate.note([exact('brachytherapy')])).toBe(true);
    expect(gate.open).toBe(true);
    expect(gate.admits(exact('colon'))).toBe(true);
    // Opening is reported once.
    expect(gate.note([exact('pembrolizumab')])).toBe(false);
  });

  it('plain terms are always admitted, even before the gate opens', () => {
    const gate = createHealthPageGate(entryOf, 3);
    expect(gate.admits(exact('pd-l1'))).toBe(true);
    expect(gate.admits({ id: 'reader-own-term', fuzzy: false })).toBe(true);
  });

  it('counts distinct concepts: one term repeated, everyday words, ambiguous words and corrections do not open it', () => {
    const gate = createHealthPageGate(entryOf, 3);
    gate.note([exact('pd-l1'), exact('pd-l1'), exact('pd-l1'), exact('surgery'), exact('mutation'), exact('colon')]);
    gate.note([{ id: 'chemoradiation', fuzzy: true }, { id: 'brachytherapy', fuzzy: true }]);
    expect(gate.open).toBe(false);
  });

  it('a spelling correction needs a page about health, whatever its entry', () => {
    expect(needsHealthPage({ id: 'pd-l1', fuzzy: true }, entryOf)).toBe(true);
    expect(needsHealthPage(exact('pd-l1'), entryOf)).toBe(false);
    expect(needsHealthPage(exact('colon'), entryOf)).toBe(true);
  });

  it('opens in two steps: everyday-meaning words after 3 concepts, spelling corrections after 5', () => {
    const gate = createHealthPageGate(entryOf, 3, 5);
    const fuzzy = { id: 'brachytherapy', fuzzy: true };
    expect(gate.note([exact('pd-l1'), exact('chemoradiation'), exact('brachytherapy')])).toBe(true);
    expect(gate.admits(exact('colon'))).toBe(true);
    expect(gate.admits(fuzzy)).toBe(false);
    expect(gate.note([exact('cisplatin')])).toBe(false);
    expect(gate.note([exact('pembrolizumab')])).toBe(true);
    expect(gate.admits(fuzzy)).toBe(true);
    expect(gate.note([exact('paclitaxel')])).toBe(false);
    // A whole page: the correction is marked only when the page names five concepts.
    const three = [fuzzy, exact('pd-l1'), exact('chemoradiation'), exact('cisplatin')];
    expect(markedOnPage(three, entryOf, 3)).toEqual([false, true, true, true]);
    expect(markedOnPage([...three, exact('paclitaxel'), exact('pembrolizumab')], entryOf, 3)[0]).toBe(true);
  });

  it('marks a whole page at once: the ambiguous word only on the page about health', () => {
    const news = [exact('colon'), exact('pd-l1'), exact('surgery')];
    expect(markedOnPage(news, entryOf, 3)).toEqual([false, true, false]);
    // Order does not matter for a whole page: the colon comes first and is still marked.
    const health = [exact('colon'), exact('pd-l1'), exact('chemoradiation'), exact('brachytherapy')];
    expect(markedOnPage(health, entryOf, 3)).toEqual([true, true, true, true]);
  });

  it('with the shipped glossary: the flag reaches the match data, and the default needs several concepts', () => {
    expect(HEALTH_PAGE_MIN_TERMS).toBeGreaterThan(1);
    const flagged = matchData.entries.filter((e) => e.generalSense === true);
    expect(flagged.length).toBeGreaterThan(0);
    for (const e of flagged) {
      expect(e.everyday, e.id).toBeUndefined();
      expect(needsHealthPage(exact(e.id), matchEntry)).toBe(true);
    }
  });
});
