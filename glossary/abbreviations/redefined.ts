/**
 * Abbreviations a page gives another meaning than our glossary's: "call the Symptom Care Clinic
 * (SCC)" on a hospital page, where our "SCC" is squamous cell carcinoma. On that page its "SCC"s
 * are the clinic, before and after the definition, and our card must not be shown for them: a wrong
 * card is worse than none. The content script then marks them with the page's own words (page-only
 * layer, entrypoints/content/terms/page-only-terms.ts); the CLI's scanText leaves them out, so the
 * evaluations measure what the extension marks.
 *
 * A defined short form redefines ours when the whole short form is a glossary match (id X) and the
 * page's long form is not X's sense: it holds no match of X (its term, an alias) and does not
 * resemble X's expansion, term or an alias (resembles: "programmed cell death ligand 1" is our
 * "programmed death-ligand 1"). Where the page's long form is our sense ("squamous cell carcinoma
 * (SCC)") nothing changes. One redefinition is enough: a page that also defines it our way has
 * used it in two senses, and we cannot tell which occurrence is which.
 *
 * Pure, no DOM and no generated data: the caller gives the entries' names (`names`), which the
 * content script's reader loads apart (glossary/match-data.ts) and the CLI has in full.
 */
import type { Matcher } from '../matcher';
import { aliasKey, tokenKey, TOKEN_RE } from '../normalise';
import type { TermMatch } from '../types';

/** What an entry is called: its term, expansion and aliases. */
export interface EntryNames {
  term?: string;
  expansion?: string;
  aliases: readonly string[];
}

/** How a page's definition of a short form stands to our glossary. */
export interface PageSense {
  /** The glossary entry the whole short form matches. */
  entryId: string;
  /** True when the page's long form is that entry's sense. */
  agrees: boolean;
}

/** Words of a phrase, folded like the matcher folds them. */
function words(phrase: string): Set<string> {
  return new Set((phrase.match(TOKEN_RE) ?? []).map(tokenKey));
}

/**
 * Whether a page's long form means our entry although it is worded differently
 * ("programmed cell death ligand 1" for "programmed death-ligand 1"): at least half of
 * the words shared with the expansion, the term or an alias. "total metabolic burden" shares one
 * word in three with "tumor mutational burden": another meaning.
 */
export function resemblesNames(long: string, entry: EntryNames | undefined): boolean {
  if (!entry) return false;
  const page = words(long);
  return [entry.expansion, entry.term?.replace(/\s*\([^)]*\)/g, ''), ...entry.aliases].some((form) => {
    if (!form) return false;
    const ours = words(form);
    let shared = 0;
    for (const w of ours) if (page.has(w)) shared++;
    return shared / (page.size + ours.size - shared) >= 0.5;
  });
}

/**
 * The glossary entry a defined short form is, and whether the page's long form agrees with it;
 * null when the whole short form is no glossary term (then taught.ts or the page-only layer decide).
 */
export function pageSense(short: string, long: string, matcher: Matcher, names: (id: string) => EntryNames | undefined): PageSense | null {
  const whole = matcher.find(short).find((m) => m.start === 0 && m.end === short.length);
  if (!whole) return null;
  const entryId = whole.id;
  const agrees = matcher.find(long).some((m) => m.id === entryId) || resemblesNames(long, names(entryId));
  return { entryId, agrees };
}

/** The keys (aliasKey) of the glossary short forms a page redefines, from every (short, long) pair it defines. */
export function redefinedKeys(
  pairs: Iterable<{ short: string; long: string }>,
  matcher: Matcher,
  names: (id: string) => EntryNames | undefined,
): Set<string> {
  const keys = new Set<string>();
  for (const { short, long } of pairs) {
    const key = aliasKey(short);
    if (!key || keys.has(key)) continue;
    const sense = pageSense(short, long, matcher, names);
    if (sense && !sense.agrees) keys.add(key);
  }
  return keys;
}

/** The matches in `found` that are not a short form the page redefines (`keys`, see redefinedKeys). */
export function withoutRedefined(text: string, found: TermMatch[], keys: ReadonlySet<string>): TermMatch[] {
  if (keys.size === 0) return found;
  return found.filter((m) => !keys.has(aliasKey(text.slice(m.start, m.end))));
}
