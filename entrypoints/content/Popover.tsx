/**
 * The hover popover: a non-modal dialog next to the term, showing our term card (with the
 * page's own definition when it gives one) or, for a term only the page defines, the
 * page's words. Rendered with Preact inside our shadow root; all text is rendered as text.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { OnThisPage, PageTermCard } from '../../components/PageWords';
import { PersonalTermCard } from '../../components/PersonalTermCard';
import { TermCard } from '../../components/TermCard';
import { getEntry, glossary } from '../../glossary/index';
import { placePopover, type Box, type PopoverPlacement } from './popover-position';
import { PopoverActions, speechLang } from './PopoverActions';
import { questionFor } from './popover-question';
import type { PopoverContent } from './popover-host';
import './popover.css';

export interface PopoverProps {
  content: PopoverContent;
  /** The hovered term's box in viewport coordinates. */
  anchor: Box;
  onClose(): void;
  /** Told true while the reader writes a note in the popover (it must not close under them). */
  onHold?: (held: boolean) => void;
}

export function Popover({ content, anchor, onClose, onHold }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<PopoverPlacement | null>(null);
  const firstId = content.kind === 'glossary' ? content.entryId : null;
  // Related terms opened from the card; a new hovered term starts a new trail.
  const [trail, setTrail] = useState<string[]>([]);
  const [trailFor, setTrailFor] = useState(content);
  if (trailFor !== content && (trailFor.kind !== content.kind || firstIdOf(trailFor) !== firstId)) {
    setTrailFor(content);
    setTrail([]);
  }
  const currentId = trail.length ? trail[trail.length - 1]! : firstId;
  const entry = currentId ? getEntry(currentId) : undefined;
  // Bumped when the bottom row grows or shrinks (note form), so the popover is placed again.
  const [resized, setResized] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measure at natural size, then place; the popover is hidden until placed. The cap is put back
    // at once: Preact only writes it again when the new placement's differs.
    const cap = el.style.maxHeight;
    el.style.maxHeight = '';
    const size = { width: el.offsetWidth, height: el.offsetHeight };
    el.style.maxHeight = cap;
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    setPlacement(placePopover({ anchor, size, viewport }));
  }, [anchor.left, anchor.top, anchor.width, anchor.height, currentId, content, resized]);

  const label = entry ? entry.term : content.kind === 'page' ? content.words.term : content.kind === 'personal' ? content.entry.term : '';
  if (!label) return null;
  const style = placement
    ? {
        left: `${placement.left}px`,
        top: `${placement.top}px`,
        maxHeight: placement.maxHeight === null ? undefined : `${placement.maxHeight}px`,
      }
    : { left: '0px', top: '0px', visibility: 'hidden' as const };
  const onPage = content.kind === 'glossary' && trail.length === 0 ? content.onPage : null;
  const question = questionFor(content, entry);

  return (
    <div ref={ref} class="tl-popover" role="dialog" aria-modal="false" aria-label={`${label}: explanation`} data-side={placement?.side} style={style}>
      <div class="tl-popover-bar">
        {trail.length > 0 ? (
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
      {entry ? (
        <TermCard
          entry={entry}
          sourceTitle={glossary.source.title}
          passageLimit={1}
          definitionLabel={onPage ? 'In plain words (Termlight)' : undefined}
          onRelated={(id) => setTrail([...trail, id])}
        >
          {onPage && <OnThisPage term={onPage.term} text={onPage.text} />}
        </TermCard>
      ) : (
        (content.kind === 'page' && <PageTermCard {...content.words} />) ||
        (content.kind === 'personal' && <PersonalTermCard entry={content.entry} />)
      )}
      {question && (
        <PopoverActions
          key={question.term}
          question={question}
          lang={speechLang(question.source)}
          onHold={onHold}
          onResize={() => setResized((n) => n + 1)}
        />
      )}
    </div>
  );
}

function firstIdOf(content: PopoverContent): string | null {
  return content.kind === 'glossary' ? content.entryId : null;
}
