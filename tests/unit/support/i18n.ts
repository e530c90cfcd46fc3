/**
 * WXT's fake browser has no `i18n`: give it one that reads the real English messages file, with the
 * browser's rules for `$1`…`$9` and named placeholders, so components render their real text in tests.
 * A missing id returns "" as browsers do (and the i18n test fails on any id without English text).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../../public/_locales/en/messages.json';

type Message = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(id: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, Message>)[id];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  // One pass, as browsers do: text put in by a substitution (page text, a term) is never read again
  // for $ signs of its own.
  const fill = (text: string) => text.replace(/\$\$|\$([1-9])/g, (m, n?: string) => (n ? (subs[Number(n) - 1] ?? '') : '$'));
  return fill(
    entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name?: string) => {
      if (!name) return m;
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content : m;
    }),
  );
}

(fakeBrowser as unknown as { i18n: object }).i18n = {
  getMessage,
  getUILanguage: () => 'en',
  getAcceptLanguages: async () => ['en'],
  detectLanguage: async () => ({ isReliable: false, languages: [] }),
};
