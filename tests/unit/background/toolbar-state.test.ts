import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerSiteState, showEnabled } from '../../../entrypoints/background/toolbar-state';
import { siteStateReport } from '../../../utils/messages';
import { freshBrowserEachTest } from '../support/fake-browser';

freshBrowserEachTest();

type Details = { tabId?: number; text?: string | null; title?: string | null };

describe('the toolbar icon state', () => {
  let badges: Details[];
  let titles: Details[];
  beforeEach(() => {
    badges = [];
    titles = [];
    fakeBrowser.action.setBadgeText = vi.fn(async (d: Details) => void badges.push(d)) as never;
    fakeBrowser.action.setTitle = vi.fn(async (d: Details) => void titles.push(d)) as never;
    fakeBrowser.action.setBadgeBackgroundColor = vi.fn(async () => {}) as never;
  });

  it('shows "off" for every tab while Termlight is off everywhere, and nothing (no count) while it is on', async () => {
    await showEnabled(false);
    expect(badges).toEqual([{ text: 'off' }]);
    expect(titles).toEqual([{ title: 'Termlight is off' }]);
    await showEnabled(true);
    expect(badges.at(-1)).toEqual({ text: '' });
    expect(titles.at(-1)).toEqual({ title: 'Termlight' });
  });

  it("sets a tab's own state from its top frame's report, reading the global switch too", async () => {
    answerSiteState(siteStateReport(true), { tab: { id: 4 }, frameId: 0 });
    await vi.waitFor(() => expect(titles).toHaveLength(1));
    expect(badges).toEqual([{ tabId: 4, text: 'off' }]);
    expect(titles).toEqual([{ tabId: 4, title: 'Termlight is off for this site' }]);

    await fakeBrowser.storage.local.set({ enabled: false });
    answerSiteState(siteStateReport(false), { tab: { id: 4 }, frameId: 0 });
    await vi.waitFor(() => expect(titles).toHaveLength(2));
    expect(badges.at(-1)).toEqual({ tabId: 4, text: 'off' });
    expect(titles.at(-1)).toEqual({ tabId: 4, title: 'Termlight is off' });

    await fakeBrowser.storage.local.set({ enabled: true });
    answerSiteState(siteStateReport(false), { tab: { id: 4 }, frameId: 0 });
    await vi.waitFor(() => expect(titles).toHaveLength(3));
    expect(badges.at(-1)).toEqual({ tabId: 4, text: '' });
    expect(titles.at(-1)).toEqual({ tabId: 4, title: 'Termlight' });
  });

  it('ignores reports from frames, from senders without a tab, and anything else', async () => {
    expect(answerSiteState(siteStateReport(true), { tab: { id: 4 }, frameId: 2 })).toBeUndefined();
    answerSiteState(siteStateReport(true), {});
    answerSiteState({ type: 'termlight:site-state', siteOff: 'yes' }, { tab: { id: 4 }, frameId: 0 });
    answerSiteState({ type: 'termlight:page-terms' }, { tab: { id: 4 }, frameId: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(badges).toEqual([]);
  });
});
