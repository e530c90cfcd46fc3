import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** Every message id that has English text in `public/_locales/en/messages.json`. */
export type MessageId = keyof typeof messages;

/**
 * A user-facing string in the browser's language (English only for now). Every string the popup,
 * options, welcome page, card and manifest show goes through here, so a translation is a new
 * `_locales/<lang>/messages.json` and no code change. `substitutions` fill `$1`…`$9` (or named
 * placeholders) in the message.
 */
export function t(id: MessageId, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(id, substitutions);
}
