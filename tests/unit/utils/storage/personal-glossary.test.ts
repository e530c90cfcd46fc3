import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossary } from '../../../../glossary/index';
import { createMatcher } from '../../../../glossary/matcher';
import {
  addPersonalTerm,
  clearPersonalTerms,
  importGlossaryFile,
  isPersonalId,
  loadPersonalTerms,
  newPersonalId,
  parsePersonalTerms,
  personalMatchEntries,
  personalTermsItem,
  personalToDisplayEntry,
  removePersonalTerm,
  updatePersonalTerm,
  watchPersonalTerms,
  type PersonalTerm,
} from '../../../../utils/storage/personal-glossary';
import { serializeGlossaryFile } from '../../../../utils/files/glossary-file';
import { LIMITS } from '../../../../utils/storage/personal-term-rules';

// A built-in entry with at least two aliases, whatever the shipped glossary holds today.
const BUILT_IN = glossary.entries.find((e) => e.aliases.length >= 2 && !/[A-Z]{2}/.test(e.aliases.join(' ')))!;
const BUILT_IN_ALIAS = BUILT_IN.aliases[1]!;

const LIPITOR = { term: 'Lipitor', aliases: ['atorvastatin'], definition: 'A cholesterol pill.' };
const PORT = { term: 'Port', aliases: [], definition: 'A small device under the skin.', note: 'Ask the nurse to flush it.' };

const stored = () => fakeBrowser.storage.local.get(null);
/** The whole local area as text: "nothing changed" means byte for byte. */
const snapshot = async () => JSON.stringify(await stored());

function ok<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storage', () => {
  it('is the local area only, under personalTerms, and empty to begin with', async () => {
    expect(personalTermsItem.key).toBe('personalTerms');
    expect(await loadPersonalTerms()).toEqual({ ok: true, terms: [] });
    await addPersonalTerm(LIPITOR, 1000);
    expect(Object.keys(await stored())).toEqual(['personalTerms']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads stored terms, ignoring fields it does not know', async () => {
    const term = { id: 'personal-port-1', ...PORT, updatedAt: 5, colour: 'blue' };
    await fakeBrowser.storage.local.set({ personalTerms: [term] });
    expect(await loadPersonalTerms()).toEqual({ ok: true, terms: [{ id: 'personal-port-1', ...PORT, updatedAt: 5 }] });
  });

  it('reports damaged storage and never writes over it', async () => {
    const valid = { id: 'personal-port-1', ...PORT, updatedAt: 5 };
    const damaged: Array<[unknown, RegExp]> = [
      ['not a list', /they are not a list/],
      [{ terms: [] }, /they are not a list/],
      [[valid, 'text'], /term 2 is not a term/],
      [[{ ...valid, id: 'Port 1' }], /term 1 has no valid id/],
      [[valid, { ...valid, term: 'Other' }], /term 2 has the same id as another term/],
      [[{ ...valid, updatedAt: 'today' }], /term 1 has no valid date/],
      [[{ ...valid, definition: '' }], /term 1: The explanation \(definition\) is missing\./],
      [Array.from({ length: LIMITS.terms + 1 }, (_, i) => ({ ...valid, id: `personal-t-${i}` })), /more than 500/],
    ];
    for (const [value, why] of damaged) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ personalTerms: value, enabled: false });
      const before = await snapshot();

      const state = await loadPersonalTerms();
      expect(state.ok).toBe(false);
      expect(!state.ok && state.error).toMatch(why);
      expect(!state.ok && state.error).toMatch(/could not be read .*They have not been changed or deleted\.$/);

      const storageError = [{ field: '(storage)', message: expect.stringMatching(why) }];
      expect(await addPersonalTerm(LIPITOR)).toEqual({ ok: false, errors: storageError });
      expect(await updatePersonalTerm('personal-port-1', LIPITOR)).toEqual({ ok: false, errors: storageError });
      expect(await removePersonalTerm('personal-port-1')).toEqual({ ok: false, errors: storageError });
      for (const mode of ['merge', 'replace'] as const) {
        const result = await importGlossaryFile(serializeGlossaryFile([LIPITOR], 'json'), { format: 'json', mode });
        expect(result).toEqual({ ok: false, errors: [{ line: 0, ...storageError[0] }] });
      }
      expect(await snapshot()).toBe(before);
    }
  });

  it('starts again only when asked to', async () => {
    await fakeBrowser.storage.local.set({ personalTerms: 'damaged', enabled: false });
    await clearPersonalTerms();
    expect(await stored()).toEqual({ enabled: false });
    expect(await loadPersonalTerms()).toEqual({ ok: true, terms: [] });
  });

  it('reports every change to watchers, validated', async () => {
    const seen: unknown[] = [];
    const unwatch = watchPersonalTerms((s) => seen.push(s));
    const term = ok(await addPersonalTerm(LIPITOR, 7));
    await fakeBrowser.storage.local.set({ personalTerms: 42 });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toEqual({ ok: true, terms: [term] });
    expect(seen[1]).toMatchObject({ ok: false });
    unwatch();
  });
});

describe('add', () => {
  it('stores a tidy term with a stable id and the time', async () => {
    const term = ok(await addPersonalTerm({ ...LIPITOR, term: ' Lipitor ', aliases: ['atorvastatin', 'lipitor'] }, 1234));
    expect(term).toEqual({ id: 'personal-lipitor-1', ...LIPITOR, updatedAt: 1234 });
    expect(await stored()).toEqual({ personalTerms: [term] });
  });

  it('keeps the note only when there is one', async () => {
    const port = ok(await addPersonalTerm(PORT, 1));
    const lipitor = ok(await addPersonalTerm({ ...LIPITOR, note: '   ' }, 2));
    expect(port.note).toBe(PORT.note);
    expect('note' in lipitor).toBe(false);
  });

  it('rejects a term with a problem and stores nothing', async () => {
    const result = await addPersonalTerm({ term: '', aliases: [], definition: '' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'term', message: 'The term is missing.' },
        { field: 'definition', message: 'The explanation (definition) is missing.' },
      ],
    });
    expect(await stored()).toEqual({});
  });

  it("rejects words Termlight's own glossary explains already, naming the field", async () => {
    // Capitalised differently: still the same words.
    const capitalised = BUILT_IN_ALIAS[0]!.toUpperCase() + BUILT_IN_ALIAS.slice(1);
    const asTerm = await addPersonalTerm({ term: capitalised, aliases: [], definition: 'x' });
    expect(asTerm).toEqual({
      ok: false,
      errors: [{ field: 'term', message: expect.stringContaining(`is already in Termlight's own glossary (as “${BUILT_IN.term}”)`) }],
    });
    const asAlias = await addPersonalTerm({ term: 'Something new', aliases: ['other', BUILT_IN_ALIAS], definition: 'x' });
    expect(asAlias).toEqual({
      ok: false,
      errors: [{ field: 'aliases', message: `“${BUILT_IN_ALIAS}” is already in Termlight's own glossary (as “${BUILT_IN.term}”), so Termlight explains it already.` }],
    });
    expect(await stored()).toEqual({});
  });

  it('rejects words another personal term has', async () => {
    ok(await addPersonalTerm(LIPITOR));
    const before = await snapshot();
    expect(await addPersonalTerm({ term: 'Atorvastatin', aliases: [], definition: 'x' })).toEqual({
      ok: false,
      errors: [{ field: 'term', message: '“Atorvastatin” is already one of your terms (“Lipitor”).' }],
    });
    expect(await addPersonalTerm({ term: 'Zocor', aliases: ['lipitors'], definition: 'x' })).toEqual({
      ok: false,
      errors: [{ field: 'aliases', message: '“lipitors” is already one of your terms (“Lipitor”).' }],
    });
    expect(await snapshot()).toBe(before);
  });

  it('stops at the most terms there can be', async () => {
    const many = Array.from({ length: LIMITS.terms }, (_, i) => ({ id: `personal-t-${i}`, term: `t ${i}`, aliases: [], definition: 'x', updatedAt: 1 }));
    await fakeBrowser.storage.local.set({ personalTerms: many });
    const result = await addPersonalTerm(LIPITOR);
    expect(result).toEqual({ ok: false, errors: [{ field: '(list)', message: expect.stringMatching(/the most there can be/) }] });
  });
});

describe('update and remove', () => {
  it('changes a term in place, keeping its id even when the term changes', async () => {
    const port = ok(await addPersonalTerm(PORT, 1));
    const lipitor = ok(await addPersonalTerm(LIPITOR, 2));
    const changed = ok(await updatePersonalTerm(lipitor.id, { term: 'Lipitor (atorvastatin)', aliases: ['Lipitor', 'atorvastatin'], definition: 'Changed.' }, 3));
    expect(changed).toEqual({ id: 'personal-lipitor-1', term: 'Lipitor (atorvastatin)', aliases: ['Lipitor', 'atorvastatin'], definition: 'Changed.', updatedAt: 3 });
    expect(await stored()).toEqual({ personalTerms: [port, changed] });
  });

  it('checks conflicts against the others, not against itself', async () => {
    ok(await addPersonalTerm(PORT));
    const lipitor = ok(await addPersonalTerm(LIPITOR));
    ok(await updatePersonalTerm(lipitor.id, { ...LIPITOR, definition: 'Same words, new explanation.' }));
    const before = await snapshot();
    expect(await updatePersonalTerm(lipitor.id, { ...LIPITOR, aliases: ['ports'] })).toEqual({
      ok: false,
      errors: [{ field: 'aliases', message: '“ports” is already one of your terms (“Port”).' }],
    });
    expect(await updatePersonalTerm('personal-gone-1', LIPITOR)).toEqual({
      ok: false,
      errors: [{ field: '(list)', message: 'This term is no longer in your list.' }],
    });
    expect(await snapshot()).toBe(before);
  });

  it('removes one term', async () => {
    const port = ok(await addPersonalTerm(PORT));
    const lipitor = ok(await addPersonalTerm(LIPITOR));
    expect(ok(await removePersonalTerm(port.id))).toEqual(port);
    expect(await stored()).toEqual({ personalTerms: [lipitor] });
    expect((await removePersonalTerm(port.id)).ok).toBe(false);
  });

  it('makes ids from the term: personal-<slug>-<n>', () => {
    expect(newPersonalId('Lipitor', new Set())).toBe('personal-lipitor-1');
    expect(newPersonalId('Lipitor', new Set(['personal-lipitor-1', 'personal-lipitor-2']))).toBe('personal-lipitor-3');
    expect(newPersonalId('  Œdème (legs) ', new Set())).toBe('personal-oedeme-legs-1');
    expect(newPersonalId('化疗', new Set())).toBe('personal-term-1');
    expect(newPersonalId('a'.repeat(80), new Set())).toBe(`personal-${'a'.repeat(40)}-1`);
  });
});

describe('import', () => {
  const file = (entries: object[], format: 'json' | 'csv' = 'json') =>
    format === 'json' ? JSON.stringify(entries, null, 2) : serializeGlossaryFile(entries as never, 'csv');

  it('adds every term of a valid file at once (merge)', async () => {
    const port = ok(await addPersonalTerm(PORT, 1));
    const result = await importGlossaryFile(file([LIPITOR, { term: 'Cycle', aliases: [], definition: 'One round of treatment.' }], 'csv'), {
      format: 'csv',
      mode: 'merge',
      now: 9,
    });
    expect(result).toEqual({ ok: true, added: 2, removed: 0 });
    expect(await stored()).toEqual({
      personalTerms: [
        port,
        { id: 'personal-lipitor-1', ...LIPITOR, updatedAt: 9 },
        { id: 'personal-cycle-1', term: 'Cycle', aliases: [], definition: 'One round of treatment.', updatedAt: 9 },
      ],
    });
  });

  it('changes nothing when one row is bad: storage stays byte-identical', async () => {
    ok(await addPersonalTerm(PORT, 1));
    await fakeBrowser.storage.local.set({ enabled: false });
    const before = await snapshot();
    const text = 'term,aliases,definition,note\nLipitor,atorvastatin,A medicine.,\nCycle,,,\nDose,,How much.,\n';
    const result = await importGlossaryFile(text, { format: 'csv', mode: 'merge' });
    expect(result).toEqual({ ok: false, errors: [{ line: 3, column: 8, field: 'definition', message: 'The explanation (definition) is missing.' }] });
    expect(await snapshot()).toBe(before);
    // The same in replace mode, which would otherwise remove the saved term.
    expect((await importGlossaryFile(text, { format: 'csv', mode: 'replace' })).ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it('reports conflicts with built-in and saved terms by line, and changes nothing', async () => {
    ok(await addPersonalTerm(PORT, 1));
    const before = await snapshot();
    const text = file([LIPITOR, { term: 'Ports', definition: 'x' }, { term: 'New', aliases: [BUILT_IN_ALIAS], definition: 'y' }]);
    const result = await importGlossaryFile(text, { format: 'json', mode: 'merge' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 9, field: 'term', message: '“Ports” is already one of your terms (“Port”).' },
        { line: 13, field: 'aliases', message: expect.stringContaining(`“${BUILT_IN_ALIAS}” is already in Termlight's own glossary`) },
      ],
    });
    expect(await snapshot()).toBe(before);
  });

  it('replaces all saved terms, keeping the id of a term the file has too', async () => {
    const port = ok(await addPersonalTerm(PORT, 1));
    ok(await addPersonalTerm(LIPITOR, 1));
    const result = await importGlossaryFile(file([{ term: 'PORT', definition: 'New words.' }, { term: 'Cycle', definition: 'A round.' }]), {
      format: 'json',
      mode: 'replace',
      now: 5,
    });
    expect(result).toEqual({ ok: true, added: 2, removed: 2 });
    expect(await stored()).toEqual({
      personalTerms: [
        { id: port.id, term: 'PORT', aliases: [], definition: 'New words.', updatedAt: 5 },
        { id: 'personal-cycle-1', term: 'Cycle', aliases: [], definition: 'A round.', updatedAt: 5 },
      ],
    });
  });

  it('keeps to the most terms there can be when merging', async () => {
    const many = Array.from({ length: LIMITS.terms - 1 }, (_, i) => ({ id: `personal-t-${i}`, term: `t ${i}`, aliases: [], definition: 'x', updatedAt: 1 }));
    await fakeBrowser.storage.local.set({ personalTerms: many });
    const before = await snapshot();
    const result = await importGlossaryFile(file([LIPITOR, PORT]), { format: 'json', mode: 'merge' });
    expect(result).toEqual({ ok: false, errors: [{ line: 0, field: '(file)', message: `That would make ${LIMITS.terms + 1} terms. The most is ${LIMITS.terms}.` }] });
    expect(await snapshot()).toBe(before);
    expect((await importGlossaryFile(file([LIPITOR, PORT]), { format: 'json', mode: 'replace' })).ok).toBe(true);
  });

  it('round-trips: what is exported imports back the same', async () => {
    ok(await addPersonalTerm(PORT, 1));
    ok(await addPersonalTerm({ ...LIPITOR, definition: 'A medicine, "given by mouth".\nEvery 3 weeks.' }, 1));
    const state = await loadPersonalTerms();
    const saved = state.ok ? state.terms : [];
    for (const format of ['json', 'csv'] as const) {
      const text = serializeGlossaryFile(saved, format);
      expect(await importGlossaryFile(text, { format, mode: 'replace', now: 1 })).toEqual({ ok: true, added: 2, removed: 2 });
      expect(await loadPersonalTerms()).toEqual({ ok: true, terms: saved });
    }
  });
});

describe('for the content script', () => {
  const terms: PersonalTerm[] = [
    { id: 'personal-lipitor-1', ...LIPITOR, updatedAt: 1 },
    // Stored before the built-in glossary gained one of its words, and sharing one with Lipitor.
    { id: 'personal-old-1', term: 'Old', aliases: [BUILT_IN_ALIAS, 'atorvastatin', 'still mine'], definition: 'x', updatedAt: 1 },
    { id: 'personal-gone-1', term: BUILT_IN_ALIAS, aliases: [], definition: 'x', updatedAt: 1 },
  ];

  it('gives matcher entries for the term and other names, without words someone else has', () => {
    expect(personalMatchEntries(terms)).toEqual([
      { id: 'personal-lipitor-1', aliases: ['Lipitor', 'atorvastatin'] },
      { id: 'personal-old-1', aliases: ['Old', 'still mine'] },
    ]);
  });

  it('matches like built-ins when added after them', () => {
    const matcher = createMatcher([...glossary.entries, ...personalMatchEntries(terms)], { fuzzy: false });
    const text = `Ask about LIPITOR, atorvastatins and ${BUILT_IN_ALIAS}.`;
    expect(matcher.find(text).map((m) => [text.slice(m.start, m.end), m.id])).toEqual([
      ['LIPITOR', 'personal-lipitor-1'],
      ['atorvastatins', 'personal-lipitor-1'],
      [BUILT_IN_ALIAS, BUILT_IN.id],
    ]);
  });

  it('gives a display entry marked personal', () => {
    expect(personalToDisplayEntry({ id: 'personal-port-1', ...PORT, updatedAt: 1 })).toEqual({
      id: 'personal-port-1',
      term: 'Port',
      aliases: [],
      definition: PORT.definition,
      note: PORT.note,
      personal: true,
    });
    expect('note' in personalToDisplayEntry(terms[0]!)).toBe(false);
  });

  it('uses ids no built-in entry can have', () => {
    expect(glossary.entries.filter((e) => isPersonalId(e.id))).toEqual([]);
    expect(isPersonalId('personal-port-1')).toBe(true);
  });
});

describe('parsePersonalTerms', () => {
  it('reads nothing stored as no terms', () => {
    expect(parsePersonalTerms(undefined)).toEqual({ ok: true, terms: [] });
    expect(parsePersonalTerms(null)).toEqual({ ok: true, terms: [] });
  });
});
