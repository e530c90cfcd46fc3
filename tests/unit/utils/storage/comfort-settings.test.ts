import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  COMFORT_KEYS,
  DEFAULT_COMFORT,
  getComfort,
  getSettings,
  isComfortValue,
  parseComfort,
  setComfort,
  watchComfort,
} from '../../../../utils/storage/settings-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('comfort settings: defaults and stored values', () => {
  it('reads the defaults when nothing is stored (a new install, or an update that added a setting)', async () => {
    expect(await getComfort()).toEqual({ highlightStyle: 'underline', firstMentionOnly: false, hoverDelay: 'normal', textSize: 100 });
    expect(DEFAULT_COMFORT).toEqual(await getComfort());
  });

  it('keeps each setting in its own key of the local area, never sync', async () => {
    expect(COMFORT_KEYS).toEqual({
      highlightStyle: 'highlightStyle',
      firstMentionOnly: 'firstMentionOnly',
      hoverDelay: 'hoverDelay',
      textSize: 'textSize',
    });
    await setComfort('textSize', 150);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ textSize: 150 });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads what is stored, and a missing key next to stored ones still reads as its default', async () => {
    await fakeBrowser.storage.local.set({ highlightStyle: 'soft', firstMentionOnly: true });
    expect(await getComfort()).toEqual({ highlightStyle: 'soft', firstMentionOnly: true, hoverDelay: 'normal', textSize: 100 });
  });

  it('does not change the on/off settings', async () => {
    await setComfort('highlightStyle', 'off');
    expect(await getSettings()).toEqual({ enabled: true, disabledSites: [] });
  });
});

describe('comfort settings: corrupt values', () => {
  it.each([
    ['highlightStyle', 'neon'],
    ['highlightStyle', 'UNDERLINE'],
    ['highlightStyle', 1],
    ['firstMentionOnly', 'true'],
    ['firstMentionOnly', 1],
    ['hoverDelay', 'slow'],
    ['hoverDelay', 500],
    ['textSize', 120],
    ['textSize', '150'],
    ['textSize', 999],
  ])('%s = %j reads as the default, and only that setting', async (key, raw) => {
    await fakeBrowser.storage.local.set({ [key]: raw, hoverDelay: key === 'hoverDelay' ? raw : 'long' });
    const comfort = await getComfort();
    expect(comfort[key as keyof typeof comfort]).toEqual(DEFAULT_COMFORT[key as keyof typeof DEFAULT_COMFORT]);
    if (key !== 'hoverDelay') expect(comfort.hoverDelay).toBe('long');
  });

  it('is not overwritten by reading it, nor by changing another setting', async () => {
    await fakeBrowser.storage.local.set({ highlightStyle: 'neon', textSize: '150' });
    await getComfort();
    await setComfort('hoverDelay', 'long');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ highlightStyle: 'neon', textSize: '150', hoverDelay: 'long' });
  });

  it('parseComfort never throws and ignores unknown keys', () => {
    for (const raw of [{}, { extra: 1 }, { highlightStyle: null, textSize: NaN, firstMentionOnly: undefined }]) {
      expect(parseComfort(raw as never)).toEqual(DEFAULT_COMFORT);
    }
  });
});

describe('setComfort', () => {
  it('refuses a value that is not one of the choices, and stores nothing', async () => {
    await expect(setComfort('textSize', 140 as never)).rejects.toThrow(/textSize/);
    await expect(setComfort('highlightStyle', 'bold' as never)).rejects.toThrow(/highlightStyle/);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('accepts every listed choice', () => {
    for (const v of ['underline', 'soft', 'off']) expect(isComfortValue('highlightStyle', v)).toBe(true);
    for (const v of ['short', 'normal', 'long']) expect(isComfortValue('hoverDelay', v)).toBe(true);
    for (const v of [100, 125, 150]) expect(isComfortValue('textSize', v)).toBe(true);
    for (const v of [true, false]) expect(isComfortValue('firstMentionOnly', v)).toBe(true);
  });
});

describe('watchComfort', () => {
  it('reports the full, validated settings after any one changes, until stopped', async () => {
    const seen = vi.fn();
    const stop = watchComfort(seen);
    await fakeBrowser.storage.local.set({ highlightStyle: 'soft' });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith({ ...DEFAULT_COMFORT, highlightStyle: 'soft' }));
    await fakeBrowser.storage.local.set({ textSize: 'huge' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    expect(seen).toHaveBeenLastCalledWith({ ...DEFAULT_COMFORT, highlightStyle: 'soft' });
    stop();
    await fakeBrowser.storage.local.set({ hoverDelay: 'long' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
