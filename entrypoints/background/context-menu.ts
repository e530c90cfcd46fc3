/**
 * The right-click menu on a selection: "Explain “…” with Termlight" (the same path as the keyboard
 * command) and "Add “…” to my terms" (the options page's form, with the selection in the term field).
 * Needs only the `contextMenus` permission, which browsers install without a warning.
 */
import { browser } from 'wxt/browser';
import { addTermPath } from '../../utils/add-term-prefill';
import { t } from '../../utils/i18n';
import { explainInTab } from './explain-in-tab';

export const MENU_EXPLAIN = 'termlight-explain';
export const MENU_ADD_TERM = 'termlight-add-term';

/** What the browser tells a menu click handler, as far as Termlight reads it. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
}

/**
 * (Re)creates the menu items, when Termlight is installed or updated. Browsers keep them across
 * restarts of the browser and of the background worker (Firefox since 106 for event pages), so they
 * are never created twice; removing them first still means a second call cannot fail with "duplicate id".
 */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  // `%s` is the browser's placeholder for the selected text in a menu title.
  const items = [
    { id: MENU_EXPLAIN, title: t('menuExplainSelection') },
    { id: MENU_ADD_TERM, title: t('menuAddToMyTerms') },
  ];
  for (const item of items) {
    // create() reports failure only through runtime.lastError: read it, so it is not logged as unchecked.
    browser.contextMenus.create({ ...item, contexts: ['selection'] }, () => void browser.runtime.lastError);
  }
}

/**
 * A click on one of our items. Resolves to whether it did something: the tab got the explain
 * request, or the options page opened with the selection.
 */
export async function onMenuClick(info: MenuClick, tab?: { id?: number }): Promise<boolean> {
  if (info.menuItemId === MENU_EXPLAIN) {
    if (tab?.id === undefined || tab.id < 0) return false;
    // To the frame the reader right-clicked in: that frame has the selection.
    return explainInTab(tab.id, info.frameId ?? 0);
  }
  if (info.menuItemId === MENU_ADD_TERM) {
    const path = addTermPath(info.selectionText ?? '');
    if (path === null) return false;
    await browser.tabs.create({
      url: browser.runtime.getURL(path),
      ...(tab?.id !== undefined && tab.id >= 0 ? { openerTabId: tab.id } : {}),
    });
    return true;
  }
  return false;
}
