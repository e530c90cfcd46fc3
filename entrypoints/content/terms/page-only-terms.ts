/**
 * Highlights what only the page defines: abbreviations missing from our glossary, and
 * glossary abbreviations the page uses with another meaning (taken out of the glossary
 * layer, so our entry is never shown for them). Runs after a scan, with a tiny matcher
 * built from the page's own short forms.
 */
import { createMatcher, type Matcher } from '../../../glossary/matcher';
import { readableTextNodes } from '../../../utils/readable-text';
import { orderedTextNodes, scanInSlices, tally } from '../scan/scan-in-slices';
import { readShadowRoots } from '../scan/shadow-roots';
import type { PageDefinitions } from './page-definitions';
import type { TermIndex } from './term-index';

/** Ids of page terms are prefixed so they never clash with glossary ids. */
export const PAGE_ID_PREFIX = 'page:';

export function createPageTerms(options: {
  doc: Document;
  index: TermIndex;
  pageIndex: TermIndex;
  defs: PageDefinitions;
  signal: AbortSignal;
}) {
  const { doc, index, pageIndex, defs, signal } = options;
  let signature = '';
  let matcher: Matcher | null = null;

  /** Idempotent: glossary matches the page redefines leave the glossary layer; page terms are marked. */
  const refreshNode = (node: Text) => {
    if (!matcher) return;
    const glossaryMatches = index.termsIn(node).map((t) => t.match);
    const keep = glossaryMatches.filter((m) => !defs.isConflict(node.data.slice(m.start, m.end)));
    if (keep.length !== glossaryMatches.length) index.set(node, keep);
    const page = matcher.find(node.data).filter((p) => !keep.some((g) => g.start < p.end && p.start < g.end));
    if (page.length || pageIndex.has(node)) pageIndex.set(node, page);
  };

  /** Call after a scan: with `nodes`, only those changed, unless the page defined something new. */
  const refresh = async (nodes?: Iterable<Text>): Promise<void> => {
    const terms = [...defs.pageOnlyTerms(), ...defs.conflictTerms()];
    const next = terms.join('\u0000');
    const grew = next !== signature;
    if (grew) {
      signature = next;
      matcher = terms.length
        ? createMatcher(terms.map((t) => ({ id: PAGE_ID_PREFIX + t, aliases: [t] })), { fuzzy: false })
        : null;
    }
    if (!matcher) return;
    const whole = !(nodes && !grew);
    const read = new Set<Text>();
    const mark = pageIndex.mark();
    const scope = whole ? tally(everyReadText(doc), read) : nodes;
    await scanInSlices({ nodes: scope, signal, onText: (node, _text, _offset, isLast) => isLast && refreshNode(node) });
    if (signal.aborted) return;
    // As for the glossary layer (document-scanner.ts): a whole pass forgets what it did not read.
    if (whole) pageIndex.sweep(read, mark);
    index.flush();
    pageIndex.flush();
  };

  return { refresh };
}

/** All text the scan reads: the light DOM, then the open shadow roots it has read. */
function* everyReadText(doc: Document): Generator<Text> {
  yield* orderedTextNodes(doc.body ?? doc.documentElement, null);
  for (const root of readShadowRoots(doc)) yield* readableTextNodes(root);
}
