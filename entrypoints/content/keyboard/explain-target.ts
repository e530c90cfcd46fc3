/**
 * What the keyboard command explains, from the page's selection:
 * - selected text that covers (part of) a found term: the first such term;
 * - selected text that is a glossary word the scan did not mark (e.g. inside code): that word;
 * - other selected text: nothing, and the reader is told so;
 * - no selected text but a text cursor (after a click, or caret browsing) that is on screen:
 *   the term at the cursor, else the next one after it, else the last one before it;
 * - otherwise: the first term on screen, else the nearest one below, else the last one above.
 * Text in fields and editable areas is never read (Termlight never reads what people type).
 */
import { firstIndexWhere } from '../terms/term-order';
import type { FoundTerm } from '../terms/term-index';

/** Longest selection looked up as a word (terms are short); longer ones are only searched for marked terms. */
export const MAX_LOOKUP_CHARS = 80;

export type ExplainTarget =
  | { kind: 'term'; term: FoundTerm }
  /** Selected text the matcher knows, but not a marked term (`id` is the glossary or personal id). */
  | { kind: 'word'; id: string; text: string; rect: DOMRect | null }
  /** Selected text that is not a term Termlight knows. */
  | { kind: 'unknown'; text: string; rect: DOMRect | null }
  /** The selection is in a form field or an editable area. */
  | { kind: 'editable'; rect: DOMRect | null }
  /** Nothing selected and no terms on the page. */
  | { kind: 'none' };

export interface TargetOptions {
  doc: Document;
  /** Every found term, in document order. */
  sorted: readonly FoundTerm[];
  /** The glossary or personal id of a whole selected word or phrase, or null. */
  lookup: (text: string) => string | null;
  /** Whether a term is on screen now (injected: layout is not available everywhere). */
  isInView: (term: FoundTerm) => boolean;
  /** Whether a collapsed selection (the text cursor) is on screen now. */
  isCaretInView: (range: Range) => boolean;
}

function liveRangeOf(term: FoundTerm): Range {
  const r = term.node.ownerDocument.createRange();
  r.setStart(term.node, term.match.start);
  r.setEnd(term.node, term.match.end);
  return r;
}

/** Whether the two ranges share at least one character. */
function overlaps(a: Range, b: Range): boolean {
  // START_TO_END compares a's end with b's start; END_TO_START compares a's start with b's end.
  return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
}

function isEditable(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  if (!el) return false;
  return (el as HTMLElement).isContentEditable || el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** A focused text field with selected text (its offsets are read, never its text). */
function fieldWithSelection(active: Element | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return null;
  try {
    // Null for input types without a text selection (number, email, ...); those say nothing here.
    return active.selectionStart !== null && active.selectionStart !== active.selectionEnd ? active : null;
  } catch {
    return null;
  }
}

function rectOf(range: Range): DOMRect | null {
  const rect = range.getBoundingClientRect?.();
  return rect && (rect.width > 0 || rect.height > 0) ? rect : null;
}

/** The first term on screen; else the first below the screen; else the last above it. */
export function startingTerm(sorted: readonly FoundTerm[], isInView: (term: FoundTerm) => boolean, isAbove: (term: FoundTerm) => boolean): FoundTerm | null {
  const inView = sorted.find(isInView);
  if (inView) return inView;
  return sorted.find((t) => !isAbove(t)) ?? sorted[sorted.length - 1] ?? null;
}

export function findExplainTarget(options: TargetOptions & { isAbove: (term: FoundTerm) => boolean }): ExplainTarget {
  const { doc, sorted, lookup, isInView, isCaretInView, isAbove } = options;
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  // Only a selection inside a field counts: a page that merely puts the cursor in its search box
  // must not stop the command from finding terms in the text.
  const field = fieldWithSelection(doc.activeElement);
  if (field) return { kind: 'editable', rect: rectOf(range ?? doc.createRange()) ?? field.getBoundingClientRect() };
  if (range && !range.collapsed && (isEditable(range.startContainer) || isEditable(range.endContainer))) {
    return { kind: 'editable', rect: rectOf(range) };
  }

  if (range && !range.collapsed) {
    const text = range.toString().replace(/\s+/g, ' ').trim();
    if (text) {
      const hit = sorted.find((t) => overlaps(liveRangeOf(t), range));
      if (hit) return { kind: 'term', term: hit };
      const id = text.length <= MAX_LOOKUP_CHARS ? lookup(text) : null;
      return id ? { kind: 'word', id, text, rect: rectOf(range) } : { kind: 'unknown', text, rect: rectOf(range) };
    }
  }

  if (sorted.length === 0) return { kind: 'none' };
  if (range && range.collapsed && isCaretInView(range)) {
    // Terms whose end is at or after the cursor: the first of them contains the cursor or follows it.
    const at = firstIndexWhere(sorted, (t) => liveRangeOf(t).comparePoint(range.startContainer, range.startOffset) <= 0);
    return { kind: 'term', term: sorted[at] ?? sorted[sorted.length - 1]! };
  }
  return { kind: 'term', term: startingTerm(sorted, isInView, isAbove)! };
}
