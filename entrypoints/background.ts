import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { EXPLAIN_COMMAND, isEntriesRequest, type EntriesResponse } from '../utils/messages';
import { getEntry } from '../glossary/index';
import type { GlossaryEntry } from '../glossary/types';
import { enabledItem, parseEnabled, getEnabled } from '../utils/storage/settings-store';
import { createMenus, onMenuClick } from './background/context-menu';
import { explainInTab } from './background/explain-in-tab';
import { answerSiteState, showEnabled } from './background/toolbar-state';
import { openWelcomeOnInstall } from './background/welcome-tab';
import { answerHighlightStyles } from '../utils/page-styles/page-highlight-styles';

/**
 * The keyboard command (manifest `commands`): asks the active tab's content script to explain
 * the selection. Needs no permission: sending a message to a tab does not need `tabs`, and the
 * tab comes with the command. Resolves to whether a content script received it (none runs on
 * browser pages, or in tabs opened before Termlight was installed).
 */
export async function runCommand(command: string, tab?: Browser.tabs.Tab): Promise<boolean> {
  if (command !== EXPLAIN_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  return explainInTab(tabId);
}

/** Installed or updated: the right-click menu, and on a first install the welcome page. */
export async function onInstalled(details: { reason: string }): Promise<void> {
  await Promise.all([createMenus(), openWelcomeOnInstall(details)]);
}

/**
 * Answers a content script's request for glossary entries (it bundles only what finds terms, to
 * stay small on every page). Undefined for any other message: not ours to answer.
 */
export function answerMessage(message: unknown): Promise<EntriesResponse> | undefined {
  if (!isEntriesRequest(message)) return undefined;
  const entries = message.ids.map((id) => getEntry(id)).filter((e): e is GlossaryEntry => e !== undefined);
  return Promise.resolve({ entries });
}

// Settings live in storage and the content script reacts to them directly; the background
// turns the keyboard command and the right-click menu into messages, hands out glossary entries,
// shows on the toolbar icon when Termlight is off, and opens the welcome page on install.
export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
  browser.runtime.onMessage.addListener(answerMessage);
  browser.runtime.onMessage.addListener(answerHighlightStyles);
  browser.runtime.onMessage.addListener(answerSiteState);
  browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  // The icon's default follows the global switch, from the moment the worker starts.
  void getEnabled().then(showEnabled);
  enabledItem.watch((value) => void showEnabled(parseEnabled(value)));
  // Headless browsers cannot press a command's shortcut or open a context menu (nor update an
  // extension loaded from the command line, which they install afresh), so the end-to-end tests
  // call these through the service worker. Only this extension's own pages can reach its
  // worker's globals.
  Object.assign(globalThis, { termlightRunCommand: runCommand, termlightMenuClick: onMenuClick, termlightOnInstalled: onInstalled });
});
