/**
 * How found terms are painted, by the reader's comfort settings: which highlight name (and so
 * which CSS style) they are registered under, none at all ("off": hover still works, because
 * hit-testing uses the index, not the highlight), and whether every mention is marked or only
 * the first of each term. The scan pipeline is untouched: this only chooses which layer is
 * registered, and keeps a second layer holding the first mentions.
 */
import type { Comfort, HighlightStyle } from '../../../utils/storage/settings-store';
import type { HighlightLayer } from './highlights';
import type { FoundTerm, TermIndex, TermIndexListener } from './term-index';
import { firstMentions } from './term-order';
import { highlightNames } from './highlight-names';

/** During a scan the index changes many times a second: the first mentions are worked out at most this often. */
export const FIRST_MENTIONS_REFRESH_MS = 100;

/** Highlight names per style: the glossary's terms and the quieter page-defined ones. */
export const STYLE_NAMES: Readonly<Record<HighlightStyle, { terms: string | null; page: string | null }>> = {
  underline: { terms: highlightNames.terms, page: highlightNames.page },
  soft: { terms: highlightNames.soft, page: highlightNames['page-soft'] },
  off: { terms: null, page: null },
};

export interface Marks {
  /** Index listener: call on every change of the index (after the painting layer has been told). */
  readonly changed: () => void;
  apply(comfort: Pick<Comfort, 'highlightStyle' | 'firstMentionOnly'>): void;
  /** Works the first mentions out again from scratch (which terms may be marked has changed). */
  repaint(): void;
  dispose(): void;
}

/** Passes index changes to several listeners. */
export function fanOut(...listeners: TermIndexListener[]): TermIndexListener {
  return {
    added: (terms) => listeners.forEach((l) => l.added(terms)),
    removed: (terms) => listeners.forEach((l) => l.removed(terms)),
    flush: () => listeners.forEach((l) => l.flush?.()),
  };
}

/**
 * Marks for one index. `all` is the index's own layer (every term); `first` holds only first
 * mentions and is filled only while "first mention only" is on.
 */
export function createMarks(options: {
  win: Window;
  index: TermIndex;
  all: HighlightLayer;
  first: HighlightLayer;
  nameFor: (style: HighlightStyle) => string | null;
}): Marks {
  const { win, index, all, first, nameFor } = options;
  let firstOnly = false;
  let painted = false;
  let shown = new Set<FoundTerm>();
  let timer = 0;

  const refresh = () => {
    const next = new Set(firstMentions(index.all()));
    const gone = [...shown].filter((t) => !next.has(t));
    const fresh = [...next].filter((t) => !shown.has(t));
    if (gone.length) first.removed(gone);
    if (fresh.length) first.added(fresh);
    // A few terms, worked out at most every 100 ms: no need to batch their painting.
    first.flush();
    shown = next;
  };

  const emptyFirst = () => {
    win.clearTimeout(timer);
    timer = 0;
    if (shown.size) first.removed([...shown]);
    shown = new Set();
  };

  return {
    changed() {
      if (!firstOnly || !painted || timer) return;
      timer = win.setTimeout(() => {
        timer = 0;
        refresh();
      }, FIRST_MENTIONS_REFRESH_MS);
    },
    apply(comfort) {
      const name = nameFor(comfort.highlightStyle);
      firstOnly = comfort.firstMentionOnly;
      painted = name !== null;
      if (firstOnly && painted) {
        all.setName(null);
        refresh();
        first.setName(name);
      } else {
        first.setName(null);
        emptyFirst();
        all.setName(name);
      }
    },
    repaint() {
      emptyFirst();
      if (firstOnly && painted) refresh();
    },
    dispose() {
      emptyFirst();
      first.dispose();
    },
  };
}
