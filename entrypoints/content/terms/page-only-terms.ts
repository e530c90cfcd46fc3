/**
 * Highlights what only the page defines: abbreviations missing from our glossary, and
 * glossary abbreviations the page uses with another meaning (taken out of the glossary
 * layer, so our entry is never shown for them). Runs after a scan, with a tiny matcher
 * built from the page's own short forms.
 *
 * Short forms the page teaches ("major histocompatibility complex (MHC)", see
 * glossary/abbreviations/taught.ts) go the other way: they join the glossary layer under their
 * entry's id, page-wide, before and after the definition, where no glossary term is marked.
 */
import { taughtBeside, taughtMatcher } from '../../../glossary/abbreviations/taught';
import { formFilter } from '../../../glossary/form-filter';
import { createMatcher, type Matcher } from '../../../glossary/matcher';
import type { TermMatch } from '../../../glossary/types';
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
  /** Text the scan has held back, unread (far-text.ts): a whole pass leaves it for when it is read. */
  unread?: (node: Text) => boolean;
  /**
   * The text a whole pass goes over: what the scan has read (document-scanner.ts's textRead). By default
   * every readable text node of the page; on a long page most of it is not read yet, and need not be walked.
   */
  readText?: () => Iterable<Text>;
}) {
  const { doc, index, pageIndex, defs, signal, unread, readText = () => everyReadText(doc) } = options;
  const signatureOf = (terms: string[], taught: string[]) => `${terms.join('\u0000')}\u0001${taught.join('\u0000')}`;
  let signature = signatureOf([], []);
  let matcher: Matcher | null = null;
  let taughtFinder: Matcher | null = null;
  /** Matches this module put in the glossary index (the scanner's own are the others). */
  const taughtMatches = new WeakSet<TermMatch>();
  /** Nodes holding such matches (read again whatever their text: what was taught may be no longer). */
  const taughtNodes = new WeakSet<Text>();
  /** False for text that holds none of the page's forms (glossary/form-filter.ts); null: read every node. */
  let mayHoldForm: ((text: string) => boolean) | null = null;
  /** The page redefines a glossary abbreviation: every node with glossary matches is read (see refreshNode). */
  let redefines = false;

  /** Whether refreshNode could change anything in `node`: most nodes of a long page hold no page form. */
  const worthReading = (node: Text) =>
    !unread?.(node) &&
    (!mayHoldForm || mayHoldForm(node.data) || pageIndex.has(node) || taughtNodes.has(node) || (redefines && index.has(node)));

  /**
   * Idempotent: glossary matches the page redefines leave the glossary layer; short forms the
   * page teaches join it; page terms are marked where neither is.
   */
  const refreshNode = (node: Text) => {
    const current = index.termsIn(node).map((t) => t.match);
    const keep = current.filter((m) => !taughtMatches.has(m) && !defs.isConflict(node.data.slice(m.start, m.end)));
    let glossary = keep;
    if (taughtFinder) {
      const taught = taughtBeside(node.data, taughtFinder, keep);
      if (taught.length) {
        for (const t of taught) taughtMatches.add(t);
        glossary = [...keep, ...taught].sort((a, b) => a.start - b.start);
      }
    }
    if (glossary !== keep) taughtNodes.add(node);
    else taughtNodes.delete(node);
    // Nothing taken out and nothing taught here: the node is as the scan left it (the usual case,
    // so no comparison is made for every node of a whole pass).
    const unchanged = glossary === keep ? keep.length === current.length : sameMatches(current, glossary);
    if (!unchanged) index.set(node, glossary);
    const page = matcher ? matcher.find(node.data).filter((p) => !glossary.some((g) => overlaps(g, p))) : [];
    if (page.length || pageIndex.has(node)) pageIndex.set(node, page);
  };

  /** Call after a scan: with `nodes`, only those changed, unless the page defined something new. */
  const refresh = async (nodes?: Iterable<Text>): Promise<void> => {
    const terms = [...defs.pageOnlyTerms(), ...defs.conflictTerms()];
    const taught = [...defs.taught().values()];
    const next = signatureOf(terms, taught.map((t) => `${t.short}\u0002${t.entryId}`));
    const grew = next !== signature;
    if (grew) {
      signature = next;
      matcher = terms.length
        ? createMatcher(terms.map((t) => ({ id: PAGE_ID_PREFIX + t, aliases: [t] })), { fuzzy: false })
        : null;
      taughtFinder = taughtMatcher(taught);
      mayHoldForm = formFilter([...terms, ...taught.map((t) => t.short)]);
      redefines = defs.conflictTerms().length > 0;
    }
    // When what the page defines changed, one more whole pass also takes back what no longer holds.
    if (!matcher && !taughtFinder && !grew) return;
    const whole = !(nodes && !grew);
    const read = new Set<Text>();
    const mark = pageIndex.mark();
    const scope = whole ? tally(readText(), read) : nodes;
    await scanInSlices({ nodes: scope, signal, onText: (node, _text, _offset, isLast) => isLast && worthReading(node) && refreshNode(node) });
    if (signal.aborted) return;
    // As for the glossary layer (document-scanner.ts): a whole pass forgets what it did not read.
    if (whole) pageIndex.sweep(read, mark);
    index.flush();
    pageIndex.flush();
  };

  return { refresh };
}

function overlaps(a: TermMatch, b: TermMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The same matches (id and span), whatever their order. */
function sameMatches(a: readonly TermMatch[], b: readonly TermMatch[]): boolean {
  if (a.length !== b.length) return false;
  const key = (m: TermMatch) => `${m.start}:${m.end}:${m.id}`;
  const left = new Set(a.map(key));
  return b.every((m) => left.has(key(m)));
}

/** All text the scan reads: the light DOM, then the open shadow roots it has read. */
function* everyReadText(doc: Document): Generator<Text> {
  yield* orderedTextNodes(doc.body ?? doc.documentElement, null);
  for (const root of readShadowRoots(doc)) yield* readableTextNodes(root);
}
