import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FILE_SITE_KEY,
  disabledSitesItem,
  enabledItem,
  getDisabledSites,
  getEnabled,
  getSettings,
  isActiveFor,
  parseDisabledSites,
  parseEnabled,
  setSiteEnabled,
  siteKey,
  watchSettings,
} from '../../../../utils/storage/settings-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults', () => {
  it('is on everywhere when nothing is stored', async () => {
    expect(await getEnabled()).toBe(true);
    expect(await getDisabledSites()).toEqual([]);
    expect(await getSettings()).toEqual({ enabled: true, disabledSites: [] });
  });

  it('uses the local storage area, never sync', async () => {
    expect(enabledItem.key).toBe('enabled');
    expect(disabledSitesItem.key).toBe('disabledSites');
    await enabledItem.setValue(false);
    await setSiteEnabled('example.org', false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ enabled: false, disabledSites: ['example.org'] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads stored values', async () => {
    await fakeBrowser.storage.local.set({ enabled: false, disabledSites: ['a.example', 'b.example'] });
    expect(await getSettings()).toEqual({ enabled: false, disabledSites: ['a.example', 'b.example'] });
  });
});

describe('corrupt stored values', () => {
  it.each([['yes'], [0], [1], [{}], [[]], ['false']])('enabled = %j reads as on', async (raw) => {
    await fakeBrowser.storage.local.set({ enabled: raw });
    expect(await getEnabled()).toBe(true);
  });

  it.each([['example.org'], [42], [{ 'example.org': true }], [true]])('disabledSites = %j reads as none', async (raw) => {
    await fakeBrowser.storage.local.set({ disabledSites: raw });
    expect(await getDisabledSites()).toEqual([]);
  });

  it('keeps the valid hosts of a partly corrupt list, once each', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['a.example', 3, null, '', 'a.example', { h: 1 }, 'b.example'] });
    expect(await getDisabledSites()).toEqual(['a.example', 'b.example']);
  });

  it('does not overwrite a corrupt value just by reading it', async () => {
    await fakeBrowser.storage.local.set({ enabled: 'yes', disabledSites: 'example.org' });
    await getSettings();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ enabled: 'yes', disabledSites: 'example.org' });
  });

  it('parsers never throw', () => {
    for (const raw of [undefined, null, NaN, Symbol('x'), () => 1, new Date()]) {
      expect(parseEnabled(raw)).toBe(true);
      expect(parseDisabledSites(raw)).toEqual([]);
    }
  });
});

describe('setSiteEnabled', () => {
  it('adds a host when turned off and removes it when turned on', async () => {
    await setSiteEnabled('example.org', false);
    expect(await getDisabledSites()).toEqual(['example.org']);
    await setSiteEnabled('other.example', false);
    expect(await getDisabledSites()).toEqual(['example.org', 'other.example']);
    await setSiteEnabled('example.org', true);
    expect(await getDisabledSites()).toEqual(['other.example']);
  });

  it('never stores a host twice', async () => {
    await setSiteEnabled('example.org', false);
    await setSiteEnabled('example.org', false);
    expect(await fakeBrowser.storage.local.get('disabledSites')).toEqual({ disabledSites: ['example.org'] });
  });

  it('turning on a site that is not off writes nothing', async () => {
    const set = vi.spyOn(disabledSitesItem, 'setValue');
    await setSiteEnabled('example.org', true);
    expect(set).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('replaces a corrupt list with a clean one when the user changes a site', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['a.example', 7] });
    await setSiteEnabled('b.example', false);
    expect(await fakeBrowser.storage.local.get('disabledSites')).toEqual({ disabledSites: ['a.example', 'b.example'] });
  });
});

describe('watchSettings', () => {
  it('reports validated settings after a change', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await fakeBrowser.storage.local.set({ enabled: false });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith({ enabled: false, disabledSites: [] }));
    await fakeBrowser.storage.local.set({ disabledSites: 'nonsense' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(2));
    expect(seen).toHaveBeenLastCalledWith({ enabled: false, disabledSites: [] });
    unwatch();
    await fakeBrowser.storage.local.set({ enabled: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(2);
  });
});

describe('isActiveFor', () => {
  it('is off everywhere when globally off', () => {
    expect(isActiveFor('example.org', false, [])).toBe(false);
    expect(isActiveFor(null, false, [])).toBe(false);
  });

  it('is off only on disabled sites when globally on', () => {
    expect(isActiveFor('example.org', true, ['example.org'])).toBe(false);
    expect(isActiveFor('www.example.org', true, ['example.org'])).toBe(true);
    expect(isActiveFor('other.example', true, ['example.org'])).toBe(true);
    expect(isActiveFor(null, true, ['example.org'])).toBe(true);
  });
});

describe('siteKey', () => {
  it.each([
    ['https://www.Example.org/path?q=1#x', 'www.example.org'],
    ['http://127.0.0.1:8080/page.html', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
    ['https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
    ['file:///home/me/notes.html', FILE_SITE_KEY],
    ['file://server/share/notes.html', FILE_SITE_KEY],
  ])('%s → %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });

  it.each([
    'chrome://extensions/',
    'about:blank',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234/popup.html',
    'data:text/html,<p>hi</p>',
    'javascript:alert(1)',
    'view-source:https://example.org/',
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(siteKey(url)).toBeNull();
  });
});
