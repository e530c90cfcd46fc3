/**
 * The hover popover: a non-modal dialog showing the term card, placed next to the term.
 * Rendered with Preact inside our shadow root; all text is rendered as text.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { TermCard } from '../../components/TermCard';
import { getEntry, glossary } from '../../glossary/index';
import { placePopover, type Box, type PopoverPlacement } from './popover-position';
import './popover.css';

export interface PopoverProps {
  /** The entry to show first; related terms can be opened from the card. */
  entryId: string;
  /** The hovered term's box in viewport coordinates. */
  anchor: Box;
  onClose(): void;
}

export function Popover({ entryId, anchor, onClose }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [trail, setTrail] = useState<string[]>([entryId]);
  const [placement, setPlacement] = useState<PopoverPlacement | null>(null);

  // A new hovered term starts a new trail.
  const [shownFor, setShownFor] = useState(entryId);
  if (shownFor !== entryId) {
    setShownFor(entryId);
    setTrail([entryId]);
  }
  const currentId = trail[trail.length - 1]!;
  const entry = getEntry(currentId);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measure at natural size, then place; the popover is hidden until placed.
    el.style.maxHeight = '';
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    setPlacement(placePopover({ anchor, size, viewport }));
  }, [anchor.left, anchor.top, anchor.width, anchor.height, currentId]);

  if (!entry) return null;
  const style = placement
    ? {
        left: `${placement.left}px`,
        top: `${placement.top}px`,
        maxHeight: placement.maxHeight === null ? undefined : `${placement.maxHeight}px`,
      }
    : { left: '0px', top: '0px', visibility: 'hidden' as const };

  return (
    <div
      ref={ref}
      class="tl-popover"
      role="dialog"
      aria-modal="false"
      aria-label={`${entry.term}: explanation`}
      data-side={placement?.side}
      style={style}
    >
      <div class="tl-popover-bar">
        {trail.length > 1 ? (
          <button type="button" class="tl-popover-button" onClick={() => setTrail(trail.slice(0, -1))}>
            ← Back
          </button>
        ) : (
          <span class="tl-popover-brand">Termlight</span>
        )}
        <button type="button" class="tl-popover-button" aria-label="Close explanation" onClick={onClose}>
          ✕
        </button>
      </div>
      <TermCard
        entry={entry}
        sourceTitle={glossary.source.title}
        passageLimit={1}
        onRelated={(id) => setTrail([...trail, id])}
      />
    </div>
  );
}
