import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineLocalItem } from '../../../../utils/storage/local-item';

beforeEach(() => fakeBrowser.reset());

describe('defineLocalItem', () => {
  it('reads the fallback until a value is stored, under the plain key', async () => {
    const item = defineLocalItem('enabled', true);
    expect(await item.getValue()).toBe(true);
    await item.setValue(false);
    expect(await item.getValue()).toBe(false);
    expect(await fakeBrowser.storage.local.get('enabled')).toEqual({ enabled: false });
  });

  it('returns what is stored as it is (callers validate), and removes on null', async () => {
    await fakeBrowser.storage.local.set({ sites: 'not a list' });
    const item = defineLocalItem<unknown>('sites', []);
    expect(await item.getValue()).toBe('not a list');
    await item.setValue(null);
    expect(await fakeBrowser.storage.local.get('sites')).toEqual({});
    expect(await item.getValue()).toEqual([]);
  });

  it('tells watchers about changes to its own key only, until unwatched', async () => {
    const item = defineLocalItem<number | null>('count', null);
    const seen: Array<[number | null, number | null]> = [];
    const unwatch = item.watch((next, previous) => seen.push([next, previous]));
    await item.setValue(1);
    await fakeBrowser.storage.local.set({ other: 5 });
    await item.setValue(2);
    unwatch();
    await item.setValue(3);
    expect(seen).toEqual([
      [1, null],
      [2, 1],
    ]);
  });
});
