import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus, MENU_ADD_TERM, MENU_EXPLAIN, onMenuClick } from '../../../entrypoints/background/context-menu';
import { explainInFrameRequest } from '../../../utils/messages';
import { freshBrowserEachTest } from '../support/fake-browser';

freshBrowserEachTest();

describe('the right-click menu', () => {
  let sendMessage: ReturnType<typeof vi.fn>;
  let create: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    sendMessage = vi.fn().mockResolvedValue({ handled: true });
    fakeBrowser.tabs.sendMessage = sendMessage as typeof fakeBrowser.tabs.sendMessage;
    create = vi.spyOn(fakeBrowser.tabs, 'create');
  });

  it('creates both items for selections, with the translated titles and %s for the selection, after removing old ones', async () => {
    const calls: string[] = [];
    const items: Array<{ id?: string; title?: string; contexts?: string[] }> = [];
    fakeBrowser.contextMenus.removeAll = vi.fn(async () => void calls.push('removeAll'));
    fakeBrowser.contextMenus.create = vi.fn((item: (typeof items)[number]) => {
      calls.push('create');
      items.push(item);
      return item.id!;
    }) as unknown as typeof fakeBrowser.contextMenus.create;
    await createMenus();
    expect(calls).toEqual(['removeAll', 'create', 'create']);
    expect(items.map(({ id, title, contexts }) => ({ id, title, contexts }))).toEqual([
      { id: MENU_EXPLAIN, title: 'Explain “%s” with Termlight', contexts: ['selection'] },
      { id: MENU_ADD_TERM, title: 'Add “%s” to my terms', contexts: ['selection'] },
    ]);
  });

  it('"Explain" asks only the frame that was right-clicked, the way the keyboard command asks the tab', async () => {
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'PD-L1', frameId: 3 }, { id: 7 })).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith(7, explainInFrameRequest, { frameId: 3 });
  });

  it('"Explain" in a tab without Termlight (a browser page, or opened before installing) does nothing and says so', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'PD-L1', frameId: 0 }, { id: 7 })).toBe(false);
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'PD-L1' }, undefined)).toBe(false);
  });

  it('"Add" opens the options page with the selection, next to the tab it came from', async () => {
    expect(await onMenuClick({ menuItemId: MENU_ADD_TERM, selectionText: ' port flush\n' }, { id: 7 })).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/options.html?add=port%20flush'), openerTabId: 7 });
  });

  it('"Add" with nothing selected, and items that are not ours, do nothing', async () => {
    expect(await onMenuClick({ menuItemId: MENU_ADD_TERM, selectionText: '  ' }, { id: 7 })).toBe(false);
    expect(await onMenuClick({ menuItemId: 'someone-else', selectionText: 'x' }, { id: 7 })).toBe(false);
    expect(create).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
