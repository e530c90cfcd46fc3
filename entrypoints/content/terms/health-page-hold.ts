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
  /** Called once, after the held terms were passed on. */
  onOpen: () => void,
): TermIndexListener {
  const held = new Set<FoundTerm>();
  return {
    added(terms) {
      const opened = gate.note(terms.map((t) => t.match));
      if (gate.open) {
        const release = opened ? [...held, ...terms] : terms;
        held.clear();
        inner.added(release);
        if (opened) onOpen();
        return;
      }
      const pass = terms.filter((t) => gate.admits(t.match) || (held.add(t), false));
      if (pass.length) inner.added(pass);
    },
    removed(terms) {
      const pass = terms.filter((t) => !held.delete(t));
      if (pass.length) inner.removed(pass);
    },
    flush: () => inner.flush?.(),
  };
}
