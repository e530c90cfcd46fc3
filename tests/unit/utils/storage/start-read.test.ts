import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStart, START_STATE_KEYS } from '../../../../utils/storage/start-read';
import { parseStartState } from '../../../../utils/storage/start-state';
import { COMFORT_KEYS } from '../../../../utils/storage/settings-store';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const storage = () => fakeBrowser.storage as unknown as Parameters<typeof readStart>[0];

describe('readStart: the first stage reads the start state once and hands it to the reader', () => {
  it('asks for every key the reader starts with, in one storage call', async () => {
    expect(new Set(START_STATE_KEYS)).toEqual(new Set(['enabled', 'disabledSites', 'personalTerms', ...Object.values(COMFORT_KEYS)]));
    await fakeBrowser.storage.local.set({ enabled: false, hoverDelay: 'long', unrelated: 1 });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const start = readStart(storage());
    expect(await start.stored).toEqual({ enabled: false, hoverDelay: 'long' });
    // The reader's copy is the same answer: no second read.
    const current = await start.current();
    expect(get).toHaveBeenCalledTimes(1);
    expect(parseStartState(current)).toEqual(parseStartState(await fakeBrowser.storage.local.get([...START_STATE_KEYS])));
  });

  it('reads again for the reader when a start key changed after the first read was asked for', async () => {
    await fakeBrowser.storage.local.set({ enabled: true });
    const start = readStart(storage());
    expect((await start.stored).enabled).toBe(true);
    await fakeBrowser.storage.local.set({ enabled: false, disabledSites: ['example.org'] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(parseStartState(await start.current()).settings).toEqual({ enabled: false, disabledSites: ['example.org'] });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('a comfort setting or the personal terms changed count too; other keys do not', async () => {
    const start = readStart(storage());
    await start.stored;
    await fakeBrowser.storage.local.set({ savedQuestions: [] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await start.current();
    expect(get).not.toHaveBeenCalled();

    const again = readStart(storage());
    await again.stored;
    await fakeBrowser.storage.local.set({ textSize: 150 });
    expect(parseStartState(await again.current()).comfort.textSize).toBe(150);
  });

  it('stops watching once the reader has its answer', async () => {
    const remove = vi.spyOn(fakeBrowser.storage.onChanged, 'removeListener');
    const start = readStart(storage());
    await start.current();
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('reads again for the reader when the first read failed', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('no storage'));
    await fakeBrowser.storage.local.set({ firstMentionOnly: true });
    const start = readStart(storage());
    await expect(start.stored).rejects.toThrow('no storage');
    expect(parseStartState(await start.current()).comfort.firstMentionOnly).toBe(true);
    expect(get).toHaveBeenCalledTimes(2);
  });
});
