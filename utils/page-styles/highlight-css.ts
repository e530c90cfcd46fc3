/**
 * The page-level ::highlight() rules, for the highlight names one page load chose.
 *
 * `CSS.highlights` is shared with the page, so fixed names ("termlight", "termlight-soft"…) told
 * every script on a page, its ad scripts too, that a cancer glossary was installed. The content
 * script now picks random names for each page load (entrypoints/content/terms/highlight-names.ts)
 * and these rules follow them. Shared by the content script (which picks the names) and the
 * background (which injects the rules), so both agree on what a name may look like.
 */
import template from './highlights.css?raw';

/** What each highlight is for; the CSS template names its rules by these roles. */
export const HIGHLIGHT_ROLES = ['terms', 'page', 'soft', 'page-soft', 'active'] as const;
export type HighlightRole = (typeof HIGHLIGHT_ROLES)[number];
export type HighlightNames = Readonly<Record<HighlightRole, string>>;

/**
 * A name as the content script makes them: a letter, then letters and digits. A valid CSS
 * identifier (so the rules parse) that cannot close the `::highlight(…)` it is put in.
 */
const NAME = /^[a-z][a-z0-9]{7,15}$/;

export function isHighlightNames(x: unknown): x is HighlightNames {
  if (typeof x !== 'object' || x === null) return false;
  const names = HIGHLIGHT_ROLES.map((role) => (x as Record<string, unknown>)[role]);
  return names.every((n) => typeof n === 'string' && NAME.test(n)) && new Set(names).size === names.length;
}

/** The rules with each role's name put in, without the comments (which name Termlight). */
export function highlightCss(names: HighlightNames): string {
  return template
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/::highlight\(([a-z-]+)\)/g, (rule, role: string) =>
      (HIGHLIGHT_ROLES as readonly string[]).includes(role) ? `::highlight(${names[role as HighlightRole]})` : rule,
    );
}
