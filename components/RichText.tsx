/**
 * A message with elements inside it ("Source: <cite>…</cite>", "<kbd>]</kbd> goes to the next
 * word"). The elements go in as substitutions, so a translator can move them anywhere in the
 * sentence; the sentence is never built from pieces in the code's own word order.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { t, type MessageId } from '../utils/i18n';

/** Private-use characters stand in for the elements while the browser fills in the message. */
const FIRST_SLOT = 0xe000;
const SLOTS = /([\uE000-\uE008])/;

/** The message `id` with `$1`… replaced by `parts` (elements or text), as children to render. */
export function rich(id: MessageId, parts: ComponentChildren[]): ComponentChildren[] {
  const text = t(id, parts.map((_, i) => String.fromCharCode(FIRST_SLOT + i)));
  return text
    .split(SLOTS)
    .filter((piece) => piece !== '')
    .map((piece, i) => {
      const slot = piece.length === 1 ? piece.charCodeAt(0) - FIRST_SLOT : -1;
      return slot >= 0 && slot < parts.length ? <Fragment key={i}>{parts[slot]}</Fragment> : piece;
    });
}
