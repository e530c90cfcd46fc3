/**
 * The toolbar icon says when Termlight is off: a small "off" badge and a tooltip that says where.
 * Off everywhere is the icon's default for every tab; off for one site is set on each tab showing
 * that site, as its top frame's content script reports (the background cannot read a tab's address
 * without the `tabs` permission). The browser clears a tab's own badge and title when the tab goes to
 * another page, so a page on a site that is on reports nothing until its site is switched off; from
 * then on it reports every change, so its tab's own state follows both switches.
 * No count of the terms found: people nearby would see that a page is about cancer.
 */
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { isSiteStateReport } from '../../utils/messages';
import { getEnabled } from '../../utils/storage/settings-store';

/** A calm dark grey that white badge text reads on (contrast above 7:1). */
const BADGE_COLOR = '#4d4d4d';

/** Shows the global switch on the icon of every tab that has no state of its own. */
export async function showEnabled(enabled: boolean): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    browser.action.setBadgeText({ text: enabled ? '' : t('badgeOff') }),
    browser.action.setTitle({ title: enabled ? t('extName') : t('actionTitleOffEverywhere') }),
  ]);
}

/**
 * Shows tab `tabId`'s own state: its site switched off, or (once a page has set the tab's own state)
 * whatever the global switch says. A tab's own title and badge replace the global ones, so both
 * switches are read here.
 */
export async function showSiteState(tabId: number, siteOff: boolean): Promise<void> {
  const enabled = await getEnabled();
  const title = siteOff ? t('actionTitleOffForSite') : enabled ? t('extName') : t('actionTitleOffEverywhere');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: siteOff || !enabled ? t('badgeOff') : '' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}

/**
 * Handles a content script's site-state report (runtime.onMessage). Only a tab's top frame speaks
 * for the tab; anything else is not ours and gets no answer.
 */
export function answerSiteState(message: unknown, sender: { tab?: { id?: number }; frameId?: number }): undefined {
  if (!isSiteStateReport(message)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0) return undefined;
  showSiteState(tabId, message.siteOff).catch(() => {
    // The tab closed in the meantime: nothing to show.
  });
  return undefined;
}
