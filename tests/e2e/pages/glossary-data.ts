/**
 * The shipped glossary, read in Node for the end-to-end tests (Playwright's loader cannot import JSON
 * modules without import attributes, so the generated files are read from disk), and a classifier that
 * names the glossary entry of a highlighted piece of page text with the same matcher the extension ships.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractAbbreviations } from '../../../glossary/abbreviations/abbreviations';
import { taughtTerms } from '../../../glossary/abbreviations/taught';
import { createMatcher, type Matcher } from '../../../glossary/matcher';
import { aliasKey } from '../../../glossary/normalise';
import type { Glossary, GlossaryEntry } from '../../../glossary/types';
import { ROOT } from '../../support/paths';

export const glossary = JSON.parse(readFileSync(resolve(ROOT, 'glossary/generated/glossary.json'), 'utf8')) as Glossary;

export function entry(id: string): GlossaryEntry {
  const found = glossary.entries.find((e) => e.id === id);
  if (!found) throw new Error(`glossary has no entry "${id}"`);
  return found;
}

let matcher: Matcher | null = null;

/**
 * The id of the glossary entry that `text` (one highlighted range, on its own) is a spelling of. Throws
 * unless the matcher finds exactly one term covering the whole text. With `pageText`, a short form that
 * page teaches ("major histocompatibility complex (MHC)": glossary/abbreviations/taught.ts) names the
 * entry it was taught as, as it does in the extension, and a list item read with the noun it shares
 * ("primary" in "primary or acquired resistance") names the entry it has in the page's text.
 */
export function entryIdOf(text: string, pageText?: string): string {
  matcher ??= createMatcher(glossary.entries, {
    fuzzyExclusions: JSON.parse(readFileSync(resolve(ROOT, 'glossary/generated/fuzzy-exclusions.json'), 'utf8')) as string[],
  });
  const found = matcher.find(text);
  const whole = found.filter((m) => m.start === 0 && m.end === text.length);
  if (whole.length === 0 && pageText !== undefined) {
    const ids = new Set(glossary.entries.map((e) => e.id));
    const taught = taughtTerms(extractAbbreviations(pageText), matcher, (id) => ids.has(id), (id) => glossary.entries.find((e) => e.id === id)).get(aliasKey(text));
    if (taught) return taught.entryId;
    // An item of a list that shares its last word ("primary or acquired resistance") is a term only in its
    // sentence, as the extension reads it: name the entry the page's own text gives that exact span.
    const inContext = new Set(matcher.find(pageText).filter((m) => pageText.slice(m.start, m.end) === text).map((m) => m.id));
    if (inContext.size === 1) return [...inContext][0]!;
  }
  if (whole.length !== 1) {
    throw new Error(`highlighted text ${JSON.stringify(text)} is not exactly one glossary term: ${JSON.stringify(found)}`);
  }
  return whole[0]!.id;
}
