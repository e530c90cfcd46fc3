/**
 * The definitions a page gives for its own terms ("tumor-infiltrating lymphocytes (TILs)",
 * "PD-L1 is a protein that …"), read like a careful reader would: per block of text, once.
 * Abbreviations come from glossary/abbreviations/abbreviations.ts, defining sentences for glossary terms from
 * glossary/abbreviations/definitions.ts.
 *
 * Three outcomes per defined abbreviation:
 *  - it is a glossary term and the page means the same thing: the popover shows the page's
 *    words next to ours ("On this page:");
 *  - it is a glossary abbreviation but the page means something else ("ACT (Affordable Care
 *    Act)"): we follow the page and do not show our entry for it;
 *  - it is not in our glossary: it is highlighted in a quieter style with the page's words,
 *    marked as not checked by us;
 *  - it is not in our glossary, but its whole long form is one of our entries ("major
 *    histocompatibility complex (MHC)"): the page has taught us the short form, which is then
 *    marked as that entry on this page (glossary/abbreviations/taught.ts decides, strictly).
 */
import { extractAbbreviations, mayDefineAbbreviations, orAbbreviations, type AbbreviationDefinition } from '../../../glossary/abbreviations/abbreviations';
import { findDefinitions } from '../../../glossary/abbreviations/definitions';
import { pageSense } from '../../../glossary/abbreviations/redefined';
import { taughtTerms, type TaughtTerm } from '../../../glossary/abbreviations/taught';
import type { Matcher } from '../../../glossary/matcher';
import type { TermMatch } from '../../../glossary/types';
import { entryFlags, hasMatchNames, matchEntry, matchNamesReady } from '../../../glossary/match-data';
import { aliasKey, isAcronymToken } from '../../../glossary/normalise';
import { runInSlices } from '../scan/scan-in-slices';

export interface PageDefinition {
  /** The glossary entry this defines, or null for a term only this page defines. */
  entryId: string | null;
  /** The defined word as the page writes it ("TILs"); for sentences, the term. */
  term: string;
  /** The page's explanation: the long form, or the defining sentence. */
  text: string;
  /** Where on the page the definition is, for "the nearest definition before". */
  anchor: Node;
  /** True when the page gives a glossary abbreviation a different meaning. */
  conflict: boolean;
}

/** Block-level containers whose text is read as one piece (a definition may span inline tags). */
const BLOCK_SELECTOR =
  'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, summary, label, article, section, div, body';
/** Blocks longer than this are read node by node instead (one giant <div> page). */
const MAX_BLOCK_CHARS = 8_000;

/** The abbreviation key of a short form: plural and case folded the way the matcher folds them. */
export function shortKey(short: string): string {
  return aliasKey(short);
}

export class PageDefinitions {
  private readonly read = new WeakSet<Node>();
  /** Blocks too long to read as one piece: their text nodes are read one by one. */
  private readonly tooLong = new WeakSet<Node>();
  private readonly byEntry = new Map<string, PageDefinition[]>();
  private readonly pageOnly = new Map<string, PageDefinition[]>();
  /** Short-form keys the page uses with another meaning than our glossary's. */
  private readonly conflicts = new Map<string, PageDefinition>();
  /** The short forms the page teaches (see taught), worked out again when page-only terms change. */
  private taughtCache: Map<string, TaughtTerm> | null = null;
  /** "erythropoietin or EPO": pairs that only teach (orAbbreviations), no definitions of their own. */
  private readonly orPairs: { short: string; long: string }[] = [];

  constructor(private readonly matcher: Matcher) {}

  /** Text nodes whose blocks are still to be read (see readQueued). */
  private queue: Text[] = [];

  /** Notes that the block around `node` should be read; cheap, so the scan can call it per node. */
  enqueue(node: Text): void {
    this.queue.push(node);
  }

  /** The scan's matches of each text node it read (see termsIn). */
  private readonly scanned = new WeakMap<Text, readonly TermMatch[]>();

  /** Notes the glossary matches the scan found in `node` (none included), so its block is not matched again. */
  noteScanned(node: Text, matches: readonly TermMatch[]): void {
    this.scanned.set(node, matches.length ? matches : NONE);
  }

  /**
   * Reads the queued blocks in small slices. Kept out of the highlight scan: extraction costs
   * about as much as matching (0.2–0.5 µs per character), and terms should be marked first.
   */
  async readQueued(signal: AbortSignal, yieldToPage?: () => Promise<void>): Promise<void> {
    // Comparing a page's long form with our entry's names (resembles) needs the names, which the
    // reader loads beside its first marks (glossary/match-data.ts); they are in long before a scan ends.
    await matchNamesReady;
    while (this.queue.length && !signal.aborted) {
      const batch = this.queue;
      this.queue = [];
      await runInSlices(batch, (node) => this.readAround(node), { signal, yieldToPage });
    }
  }

  /**
   * Reads the definitions in the block around `node`, once per block. Returns true if any were new.
   * Called directly when a term is hovered before the queue got to its block.
   */
  readAround(node: Text): boolean {
    if (!node.isConnected) return false;
    let block: Node = node.parentElement?.closest(BLOCK_SELECTOR) ?? node;
    // Decided once per block: textContent of a wrapper <div> can be the whole page, and asking
    // for it again for each of its text nodes made a long page quadratic (0.5 s on the lung PDQ).
    if (this.tooLong.has(block)) block = node;
    if (this.read.has(block)) return false;
    let text = block.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS) {
      this.tooLong.add(block);
      block = node;
      text = node.data;
      if (this.read.has(block)) return false;
    }
    this.read.add(block);
    let added = false;
    const abbreviations: AbbreviationDefinition[] = mayDefineAbbreviations(text) ? extractAbbreviations(text) : [];
    for (const def of abbreviations) {
      this.addAbbreviation(def.short, def.long, block);
      added = true;
    }
    for (const def of orAbbreviations(text)) {
      this.orPairs.push({ short: def.short, long: def.long });
      this.taughtCache = null;
      added = true;
    }
    // Sentences that define a glossary term in the page's own words ("TILs are immune cells that …").
    const terms = this.termsIn(block, text);
    if (terms.length) {
      for (const def of findDefinitions(text, terms)) {
        const term = text.slice(def.termStart, def.termEnd);
        if (this.isConflict(term)) continue;
        push(this.byEntry, def.id, { entryId: def.id, term, text: def.text, anchor: block, conflict: false });
        added = true;
      }
    }
    return added;
  }

  /**
   * The glossary terms in a block's text: the scan's matches of its text nodes, moved to where each
   * node starts in the block's text (block.textContent is its text nodes' data in order). Matching
   * every block again cost as much as the scan itself (0.8 s of the 5 MB bench page's 1.7 s of
   * definitions). A block with readable text the scan has not matched (not reached yet when a term
   * is hovered, a script's text, a block built by a test) is matched again whole, as before.
   * A term split over two text nodes ("<i>tumor</i> microenvironment") is the scan's reading of it.
   */
  private termsIn(block: Node, text: string): TermMatch[] {
    if (block.nodeType === Node.TEXT_NODE) return [...(this.scanned.get(block as Text) ?? this.matcher.find(text))];
    const terms: TermMatch[] = [];
    let offset = 0;
    const walker = block.ownerDocument!.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const found = this.scanned.get(node);
      if (!found) {
        if (WORD_CHAR.test(node.data)) return this.matcher.find(text);
      } else {
        for (const m of found) terms.push(offset === 0 ? m : { ...m, start: m.start + offset, end: m.end + offset });
      }
      offset += node.data.length;
    }
    return terms;
  }

  private addAbbreviation(short: string, long: string, anchor: Node): void {
    // The same rule as the CLI's scanText (glossary/abbreviations/redefined.ts), so the evaluations see it.
    const sense = pageSense(short, long, this.matcher, matchEntry);
    if (sense === null) {
      const key = shortKey(short);
      push(this.pageOnly, key, { entryId: null, term: short, text: long, anchor, conflict: false });
      this.taughtCache = null;
      return;
    }
    const { entryId, agrees } = sense;
    const def: PageDefinition = { entryId, term: short, text: long, anchor, conflict: !agrees };
    if (agrees) push(this.byEntry, entryId, def);
    else this.conflicts.set(shortKey(short), def);
  }

  /** The page's definition of a glossary entry for an occurrence at `at`: nearest before, else first. */
  forEntry(entryId: string, at: Node): PageDefinition | null {
    const own = this.byEntry.get(entryId);
    const taught = [...this.taught().values()].filter((t) => t.entryId === entryId);
    if (taught.length === 0) return nearest(own, at);
    // A taught short form's definitions are ours now: "On this page: MHC: major histocompatibility complex".
    const defs = [...(own ?? []), ...taught.flatMap((t) => this.pageOnly.get(t.key) ?? []).map((d) => ({ ...d, entryId }))];
    return nearest(defs, at);
  }

  /**
   * Short forms the page teaches: not in our glossary, but defined by a long form that is
   * exactly one of our entries ("major histocompatibility complex (MHC)"). By key (shortKey).
   */
  taught(): ReadonlyMap<string, TaughtTerm> {
    this.taughtCache ??= taughtTerms(
      [...[...this.pageOnly.values()].flatMap((defs) => defs.map((d) => ({ short: d.term, long: d.text }))), ...this.orPairs],
      this.matcher,
      // Ids and flags to tell an entry; its names (for a short form its card's title gives, "Antibody-drug
      // conjugate (ADC)") are in by now: definitions are read after matchNamesReady (readQueued).
      (id) => entryFlags(id) !== undefined,
      (id) => (hasMatchNames() ? matchEntry(id) : undefined),
    );
    return this.taughtCache;
  }

  /** The page's own meaning of an abbreviation ("TMB" → …) when it differs from ours or we lack it. */
  pageMeaning(surface: string, at: Node): PageDefinition | null {
    const key = shortKey(surface);
    const conflict = this.conflicts.get(key);
    if (conflict) return conflict;
    return nearest(this.pageOnly.get(key), at);
  }

  /** True when the page gives this surface form another meaning than our entry's. */
  isConflict(surface: string): boolean {
    // Most pages redefine nothing: no key to work out (page-only-terms asks for every match of every node).
    return this.conflicts.size > 0 && this.conflicts.has(shortKey(surface));
  }

  /** Short forms only this page defines (to highlight in the quieter style). */
  pageOnlyTerms(): string[] {
    // Only acronym-like short forms are marked (matched case-sensitively, like ours): a page's
    // "A" or "Ad" would otherwise light up every "a" and "ad" on it. Taught ones are ours now.
    const taught = this.taught();
    return [...this.pageOnly]
      .filter(([key]) => !taught.has(key))
      .map(([, defs]) => defs[0]!.term)
      .filter((t) => isAcronymToken(t.replace(/[^\p{L}\p{N}]+/gu, '')));
  }

  /** Abbreviations the page redefines (conflicts), as written on the page. */
  conflictTerms(): string[] {
    return [...this.conflicts.values()].map((d) => d.term);
  }

  get size(): number {
    return this.byEntry.size + this.pageOnly.size + this.conflicts.size;
  }
}

/**
 * The scan's per-node hook: definitions sit next to terms or in brackets, so only blocks with
 * a glossary match or a bracket are queued (and read after the scan, by readQueued).
 * Shared by the content script and the benchmark.
 */
export function definitionReader(defs: PageDefinitions): (node: Text, matches: readonly TermMatch[]) => void {
  return (node, matches) => {
    defs.noteScanned(node, matches);
    if (matches.length || node.data.includes('(')) defs.enqueue(node);
  };
}

const NONE: readonly TermMatch[] = Object.freeze([]);
/** Text that could hold a term: a letter or a digit. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The last definition before `at` in document order; if none precedes it, the first one. */
function nearest(defs: PageDefinition[] | undefined, at: Node): PageDefinition | null {
  if (!defs || defs.length === 0) return null;
  let best: PageDefinition | null = null;
  let first: PageDefinition = defs[0]!;
  for (const def of defs) {
    if (def.anchor !== first.anchor && first.anchor.compareDocumentPosition(def.anchor) & Node.DOCUMENT_POSITION_PRECEDING) {
      first = def;
    }
    const rel = def.anchor.compareDocumentPosition(at);
    const before = def.anchor === at || def.anchor.contains(at) || (rel & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (!before) continue;
    if (!best || best.anchor.compareDocumentPosition(def.anchor) & Node.DOCUMENT_POSITION_FOLLOWING) best = def;
  }
  return best ?? first;
}
