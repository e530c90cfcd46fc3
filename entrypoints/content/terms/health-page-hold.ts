/**
 * Holds back the painting of terms that are marked only on pages about health (words with an
 * everyday meaning, spelling corrections: glossary/health-page.ts) until the page has named
 * enough medical concepts, then lets them through. Held terms stay in the index: hover, the
 * keyboard and the popup's list see them, as they see everyday words.
 */
import type { HealthPageGate } from '../../../glossary/health-page';
import type { FoundTerm, TermIndexListener } from './term-index';

export function holdUntilHealthPage(
  inner: TermIndexListener,
  gate: HealthPageGate,
  /** Called after held terms were passed on, each time the gate opens further (it opens in two steps). */
  onOpen: () => void,
  /**
   * Whether a found term counts towards the gate: not one found before the spelling tables were in
   * (document-scanner.ts matches its text again then, and may find other terms there), so the gate
   * opens on what is finally found.
   */
  counts: (term: FoundTerm) => boolean = () => true,
): TermIndexListener {
  const held = new Set<FoundTerm>();
  return {
    added(terms) {
      const opened = gate.note(terms.filter(counts).map((t) => t.match));
      const released: FoundTerm[] = [];
      if (opened) {
        for (const t of held) if (gate.admits(t.match)) released.push(t);
        for (const t of released) held.delete(t);
      }
      const pass = terms.filter((t) => gate.admits(t.match) || (held.add(t), false));
      if (released.length || pass.length) inner.added([...released, ...pass]);
      if (opened) onOpen();
    },
    removed(terms) {
      const pass = terms.filter((t) => !held.delete(t));
      if (pass.length) inner.removed(pass);
    },
    flush: () => inner.flush?.(),
  };
}
