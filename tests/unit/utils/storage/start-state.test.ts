import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseStartState } from '../../../../utils/storage/start-state';
import { readStart } from '../../../../utils/storage/start-read';
import { DEFAULT_COMFORT } from '../../../../utils/storage/settings-store';

/** The start state as the content script gets it: the first stage's read (start-read.ts), parsed by its reader. */
const readStartState = async () => parseStartState(await readStart().current());

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readStartState: what the content script reads before it starts', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readStartState()).toEqual({
      settings: { enabled: true, disabledSites: [] },
      comfort: { ...DEFAULT_COMFORT },
      personal: { ok: true, terms: [] },
    });
  });

  it('reads every stored setting and the personal terms in one storage call', async () => {
    const term = { id: 'personal-zorbex', term: 'Zorbex', aliases: [], definition: 'My medicine.', updatedAt: 1 };
    await fakeBrowser.storage.local.set({
      enabled: false,
      disabledSites: ['example.org', 7],
      highlightStyle: 'soft',
      firstMentionOnly: true,
      hoverDelay: 'long',
      textSize: 150,
      personalTerms: [term],
    });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const state = await readStartState();
    expect(get).toHaveBeenCalledTimes(1);
    expect(state.settings).toEqual({ enabled: false, disabledSites: ['example.org'] });
    expect(state.comfort).toEqual({ highlightStyle: 'soft', firstMentionOnly: true, hoverDelay: 'long', textSize: 150 });
    expect(state.personal.ok && state.personal.terms.map((t) => t.id)).toEqual(['personal-zorbex']);
  });

  it('reads a damaged value as its default, and damaged personal terms as an error', async () => {
    await fakeBrowser.storage.local.set({ enabled: 'yes', hoverDelay: 'forever', personalTerms: 'not a list' });
    const state = await readStartState();
    expect(state.settings.enabled).toBe(true);
    expect(state.comfort.hoverDelay).toBe(DEFAULT_COMFORT.hoverDelay);
    expect(state.personal.ok).toBe(false);
  });
});
