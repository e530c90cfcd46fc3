/**
 * The content script's reader bundles the pack without the entries' names and gets them later from
 * its names file (glossary/match-data.ts): marking flags work at once, names only once handed over,
 * and what waits for them is told when they arrive.
 */
import { describe, expect, it } from 'vitest';
import shipped from '../../../glossary/generated/match-pack.json';
import { createMatchData, matchEntry, matchNamesReady, hasMatchNames } from '../../../glossary/match-data';
import { namesOf, unpackEntries, withoutNames, type MatchPack } from '../../../glossary/match-pack';

const whole = shipped as MatchPack;

describe('match data whose names come later', () => {
  it('answers marking flags at once, and names only after they are handed over', async () => {
    const access = createMatchData(withoutNames(whole));
    expect(access.hasNames()).toBe(false);
    expect(access.flags('cervical-cancer')).toEqual({ everyday: true });
    expect(access.flags('pembrolizumab')).toEqual(createMatchData(whole).flags('pembrolizumab'));
    expect(access.flags('no-such-entry')).toBeUndefined();
    expect(() => access.entry('cervical-cancer')).toThrow(/not loaded yet/);

    let told = false;
    const waiting = access.namesReady.then(() => (told = true));
    await Promise.resolve();
    expect(told).toBe(false);

    access.provideNames(namesOf(whole));
    await waiting;
    expect(told).toBe(true);
    expect(access.hasNames()).toBe(true);
    expect(access.entry('cervical-cancer')?.term).toBe(unpackEntries(whole).entries.find((e) => e.id === 'cervical-cancer')?.term);
    expect(access.data.entries).toEqual(unpackEntries(whole).entries);
  });

  it('keeps the first names it was given', () => {
    const access = createMatchData(withoutNames(whole));
    access.provideNames(namesOf(whole));
    access.provideNames({ terms: 'x', expansions: '', aliases: '' });
    expect(access.entry('cervical-cancer')).toBeDefined();
  });

  it('outside the reader (here, extension pages, tools) the shipped pack is whole from the start', async () => {
    expect(hasMatchNames()).toBe(true);
    await matchNamesReady;
    expect(matchEntry('cervical-cancer')?.id).toBe('cervical-cancer');
  });
});
