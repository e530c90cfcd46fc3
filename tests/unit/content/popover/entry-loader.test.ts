import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessage } from '../../../../entrypoints/background';
import { cachedEntry, loadEntries, loadEntry, loadFor, setEntrySource, type EntrySource } from '../../../../entrypoints/content/popover/entry-loader';
import { getEntry, glossary } from '../../../../glossary/index';
import type { GlossaryEntry } from '../../../../glossary/types';

/** The whole glossary, handed over directly (what the background does), counting requests. */
function glossarySource() {
  const asked: string[][] = [];
  const source: EntrySource = async (ids) => {
    asked.push(ids);
    return ids.map((id) => getEntry(id)).filter((e): e is GlossaryEntry => e !== undefined);
  };
  return { source, asked };
}

const withRelated = glossary.entries.find((e) => e.related.length >= 2)!;

afterEach(() => setEntrySource(null));

describe('loadEntries', () => {
  it('loads entries once and keeps them', async () => {
    const { source, asked } = glossarySource();
    setEntrySource(source);
    expect(cachedEntry('pd-l1')).toBeUndefined();
    expect(await loadEntries(['pd-l1', 'pd-1', 'pd-l1'])).toBe(true);
    expect(cachedEntry('pd-l1')).toEqual(getEntry('pd-l1'));
    expect(await loadEntries(['pd-1', 'pd-l1'])).toBe(true);
    expect(asked).toEqual([['pd-l1', 'pd-1']]);
  });

  it('asks once for an entry two popovers want at the same time', async () => {
    const { source, asked } = glossarySource();
    setEntrySource(source);
    const [a, b] = await Promise.all([loadEntries(['pd-l1']), loadEntries(['pd-l1', 'pd-1'])]);
    expect([a, b]).toEqual([true, true]);
    expect(asked).toEqual([['pd-l1'], ['pd-1']]);
  });

  it('resolves to false when the source fails, and asks again next time', async () => {
    let fail = true;
    const source = vi.fn<EntrySource>(async (ids) => {
      if (fail) throw new Error('Extension context invalidated.');
      return ids.map((id) => getEntry(id)!);
    });
    setEntrySource(source);
    expect(await loadEntries(['pd-l1'])).toBe(false);
    expect(cachedEntry('pd-l1')).toBeUndefined();
    fail = false;
    expect(await loadEntries(['pd-l1'])).toBe(true);
    expect(cachedEntry('pd-l1')?.definition).toBe(getEntry('pd-l1')!.definition);
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing the source sends that was not asked for', async () => {
    setEntrySource(async () => [getEntry('pd-l1')!, getEntry('pd-1')!]);
    await loadEntries(['pd-l1']);
    expect(cachedEntry('pd-1')).toBeUndefined();
  });
});

describe('loadEntry and loadFor', () => {
  it('loads the entry, then the entries its related terms open', async () => {
    const { source } = glossarySource();
    setEntrySource(source);
    expect(await loadEntry(withRelated.id)).toBe(true);
    expect(cachedEntry(withRelated.id)).toBeDefined();
    await vi.waitFor(() => {
      for (const id of withRelated.related) expect(cachedEntry(id), id).toEqual(getEntry(id));
    });
  });

  it('loads only for glossary cards: the others carry their own text', async () => {
    const { source, asked } = glossarySource();
    setEntrySource(source);
    await loadFor({ kind: 'notice', title: 'No term here', text: 'Select a word.' });
    await loadFor({ kind: 'page', words: { term: 'ABC', text: 'a b c', conflict: false } });
    expect(asked).toEqual([]);
    await loadFor({ kind: 'glossary', entryId: 'pd-l1', onPage: null });
    expect(asked[0]).toEqual(['pd-l1']);
  });
});

describe('through the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the background answers with full entries, validated on arrival', async () => {
    // The fake browser passes replies through sendResponse only.
    fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const reply = answerMessage(message);
      if (!reply) return undefined;
      void reply.then(sendResponse);
      return true;
    }) as never);
    expect(await loadEntries([withRelated.id, 'no-such-entry'])).toBe(true);
    expect(cachedEntry(withRelated.id)).toEqual(getEntry(withRelated.id));
    expect(cachedEntry('no-such-entry')).toBeUndefined();
  });

  it('nothing answers (an old content script after an update): false, no throw', async () => {
    expect(await loadEntries(['pd-l1'])).toBe(false);
  });

  it('a malformed reply is not trusted', async () => {
    fakeBrowser.runtime.onMessage.addListener(((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ entries: [{ ...getEntry('pd-l1'), definition: 42 }] });
      return true;
    }) as never);
    expect(await loadEntries(['pd-l1'])).toBe(false);
    expect(cachedEntry('pd-l1')).toBeUndefined();
  });

  it('the background answers nothing but entry requests', () => {
    expect(answerMessage({ type: 'termlight:page-terms' })).toBeUndefined();
    expect(answerMessage({ type: 'termlight:entries', ids: [42] })).toBeUndefined();
  });
});
