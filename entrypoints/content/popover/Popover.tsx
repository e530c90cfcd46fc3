/**
 * The hover popover: a non-modal dialog next to the term, showing our term card (with the
 * page's own definition when it gives one) or, for a term only the page defines, the
 * page's words. Rendered with Preact inside our shadow root; all text is rendered as text.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { OnThisPage, PageTermCard } from '../../../components/PageWords';
import { PersonalTermCard } from '../../../components/PersonalTermCard';
import { TermCard } from '../../../components/TermCard';
import { matchData, matchEntry } from '../../../glossary/match-data';
import { cachedEntry, loadEntry } from './entry-loader';
import { placePopover, type Box, type PopoverPlacement } from './position';
import { PopoverActions, speechLang } from './PopoverActions';
import { questionFor } from './question';
import { t } from '../../../utils/i18n';
import type { PopoverContent } from './types';
import './popover.css';

export interface PopoverProps {
  content: PopoverContent;
  /** The hovered term's box in viewport coordinates. */
  anchor: Box;
  onClose(): void;
  /** Told true while the reader writes a note in the popover (it must not close under them). */
  onHold?: (held: boolean) => void;
  /** Move focus into the dialog once it is placed (opened from the keyboard; never on hover). */
  takeFocus?: boolean;
  pinned?: boolean;
  onPinnedChange?(pinned: boolean): void;
  /** Next (1) or previous (-1) term on the page: the ‹ › buttons, ] and [, Alt+↓ and Alt+↑. */
  onStep?(step: 1 | -1): void;
  /** Text size in percent of the normal 16px. */
  textSize?: number;
  /** A short message for the reader (read out by screen readers), e.g. "This is the last term". */
  status?: string;
}

/** ids inside our own shadow root: one popover at a time, so they are unique there. */
const TITLE_ID = 'tl-popover-title';
const DESCRIPTION_ID = 'tl-popover-description';

/** Keys that step through terms while the popover has focus (our UI keeps keys from reaching the page). */
export function stepForKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): 1 | -1 | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.key === ']' || (e.altKey && e.key === 'ArrowDown')) return 1;
  if (e.key === '[' || (e.altKey && e.key === 'ArrowUp')) return -1;
  return null;
}

export function Popover({
  content,
  anchor,
  onClose,
  onHold,
  takeFocus = false,
  pinned = false,
  onPinnedChange,
  onStep,
  textSize = 100,
  status = '',
}: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
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
  // Loaded before the popover is shown or a related term is opened (see openRelated).
  const entry = currentId ? cachedEntry(currentId) : undefined;
  // Not loaded: the background could not answer. Named from the match data, with a short note.
  const unavailable = currentId && !entry ? matchEntry(currentId) : undefined;
  const trailNow = useRef(trail);
  trailNow.current = trail;
  /** Opens a related term once its entry is loaded (no empty card meanwhile); dropped if the card changed. */
  const openRelated = async (id: string) => {
    const from = trail;
    await loadEntry(id);
    if (trailNow.current === from) setTrail([...from, id]);
  };
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
  }, [anchor.left, anchor.top, anchor.width, anchor.height, currentId, content, resized, textSize]);

  // Name and describe the dialog by the card's own heading and explanation, whichever card it is
  // (the cards are shared with the popup and know nothing of the dialog around them).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    for (const old of el.querySelectorAll(`#${TITLE_ID}, #${DESCRIPTION_ID}`)) old.removeAttribute('id');
    el.querySelector('.tl-card-term')?.setAttribute('id', TITLE_ID);
    el.querySelector('.tl-card-definition, .tl-page-quote')?.setAttribute('id', DESCRIPTION_ID);
  });

  // Focus only once it is visible (a hidden element cannot take focus), and only once per opening. In a layout
  // effect, in the same task as the render that placed it: a card opened by a step replaces the focused one,
  // and until the new one has focus a key goes to the page. After the next frame (a plain effect), a ] pressed
  // in between was lost, and on a long page a frame after a highlight change can take hundreds of ms.
  useLayoutEffect(() => {
    if (takeFocus && placement && !focused.current && ref.current) {
      focused.current = true;
      ref.current.focus({ preventScroll: true });
    }
  }, [takeFocus, placement]);

  const label = (entry ?? unavailable)?.term ??
    (content.kind === 'page'
      ? content.words.term
      : content.kind === 'personal'
        ? content.entry.term
        : content.kind === 'notice'
          ? content.title
          : '');
  if (!label) return null;
  const scale = textSize / 100;
  const style = {
    '--tl-scale': String(scale),
    ...(placement
      ? {
          left: `${placement.left}px`,
          top: `${placement.top}px`,
          maxHeight: placement.maxHeight === null ? undefined : `${placement.maxHeight}px`,
        }
      : { left: '0px', top: '0px', visibility: 'hidden' as const }),
  };
  const onPage = content.kind === 'glossary' && trail.length === 0 ? content.onPage : null;
  const question = questionFor(content, entry);
  const onKeyDown = (e: KeyboardEvent) => {
    // Typing a note: ] and [ are letters there, not steps.
    if ((e.target as HTMLElement | null)?.closest?.('textarea, input')) return;
    const step = stepForKey(e);
    if (step === null || !onStep) return;
    e.preventDefault();
    onStep(step);
  };

  return (
    <div
      ref={ref}
      class="tl-popover"
      role="dialog"
      aria-modal="false"
      aria-labelledby={TITLE_ID}
      aria-describedby={DESCRIPTION_ID}
      tabIndex={-1}
      data-side={placement?.side}
      data-pinned={pinned ? 'true' : undefined}
      style={style}
      onKeyDown={onKeyDown}
    >
      <div class="tl-popover-bar">
        {trail.length > 0 ? (
          <button type="button" class="tl-popover-button" onClick={() => setTrail(trail.slice(0, -1))}>
            <span aria-hidden="true">←</span> {t('commonBack')}
          </button>
        ) : (
          <span class="tl-popover-brand">{t('extName')}</span>
        )}
        <span class="tl-popover-actions">
          {onStep && (
            <>
              <button type="button" class="tl-popover-button" aria-label={t('cardPrevious')} title={t('cardPreviousTitle')} aria-keyshortcuts="[ Alt+ArrowUp" onClick={() => onStep(-1)}>
                <Chevron direction="left" />
              </button>
              <button type="button" class="tl-popover-button" aria-label={t('cardNext')} title={t('cardNextTitle')} aria-keyshortcuts="] Alt+ArrowDown" onClick={() => onStep(1)}>
                <Chevron direction="right" />
              </button>
            </>
          )}
          {onPinnedChange && (
            <button
              type="button"
              class="tl-popover-button tl-popover-pin"
              aria-label={t('cardKeepOpen')}
              title={pinned ? t('cardKeptOpenTitle') : t('cardKeepOpen')}
              aria-pressed={pinned ? 'true' : 'false'}
              onClick={() => onPinnedChange(!pinned)}
            >
              <PinIcon />
            </button>
          )}
          <button type="button" class="tl-popover-button" aria-label={t('cardClose')} title={t('cardCloseTitle')} onClick={onClose}>
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      </div>
      <p class="tl-popover-status" role="status">
        {status}
      </p>
      {content.kind === 'notice' ? (
        <NoticeCard title={content.title} text={content.text} />
      ) : entry ? (
        <TermCard
          entry={entry}
          sourceTitle={matchData.source.title}
          passageLimit={1}
          definitionLabel={onPage ? t('cardInPlainWords') : undefined}
          onRelated={(id) => void openRelated(id)}
        >
          {onPage && <OnThisPage term={onPage.term} text={onPage.text} />}
        </TermCard>
      ) : unavailable ? (
        <NoticeCard title={unavailable.term} text={t('cardUnavailable')} />
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

/** A short message in place of an explanation. */
function NoticeCard({ title, text }: { title: string; text: string }) {
  return (
    <article class="tl-card tl-card--notice" lang="en">
      <header class="tl-card-header">
        <h2 class="tl-card-term">{title}</h2>
      </header>
      <p class="tl-card-definition">{text}</p>
    </article>
  );
}

/** A push pin, drawn (an emoji would depend on the fonts of the reader's computer). */
function PinIcon() {
  return (
    <svg class="tl-popover-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M15.5 2.5 21.5 8.5 20.1 9.9 18.7 8.5 14.8 12.4 15.5 17.1 14.1 18.5 10.3 14.7 4.4 20.6 3.4 19.6 9.3 13.7 5.5 9.9 6.9 8.5 11.6 9.2 15.5 5.3 14.1 3.9Z"
      />
    </svg>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg class="tl-popover-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2.5"
        stroke-linecap="round"
        stroke-linejoin="round"
        d={direction === 'left' ? 'M15 5 8 12 15 19' : 'M9 5 16 12 9 19'}
      />
    </svg>
  );
}

function firstIdOf(content: PopoverContent): string | null {
  return content.kind === 'glossary' ? content.entryId : null;
}
