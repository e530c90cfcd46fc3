/**
 * What the rest of the content script needs to know about the popover: what it can show and
 * how to drive it. Kept apart from the host and the card so that those, the entry loader and
 * the question builder all depend on these types instead of on each other.
 */
import type { PersonalDisplayEntry } from '../../../utils/storage/personal-glossary';
import type { Box } from './position';

/**
 * What a popover explains: a glossary entry (with the page's own words, if any) or a page-only
 * term; or a short notice when the keyboard command found nothing to explain.
 */
export type PopoverContent =
  | { kind: 'glossary'; entryId: string; onPage: PageWords | null }
  | { kind: 'personal'; entry: PersonalDisplayEntry }
  | { kind: 'page'; words: PageWords }
  | { kind: 'notice'; title: string; text: string };

export interface ShowOptions {
  /**
   * Move keyboard focus into the popover (opened from the keyboard). Focus goes back to where it
   * was when the popover closes. Never set on hover: pointing must not take focus from the page.
   */
  focus?: boolean;
}

/** A definition taken from the page: always rendered as text. */
export interface PageWords {
  term: string;
  text: string;
  /** The page gives one of our glossary abbreviations another meaning. */
  conflict: boolean;
}

export interface PopoverHost {
  show(content: PopoverContent, anchor: Box, options?: ShowOptions): Promise<void>;
  hide(): void;
  readonly isOpen: boolean;
  /** True while the reader writes a note in the popover: pointing elsewhere must not close or replace it. */
  readonly held: boolean;
  /** Pinned by the reader: stays open on mouse-out and scrolling (Escape and ✕ still close it). */
  readonly pinned: boolean;
  /** Whether keyboard focus is inside the popover. */
  readonly hasFocus: boolean;
  /** Popover text size, in percent (100, 125, 150). */
  setTextSize(percent: number): void;
  /** A short message read out and shown in the popover (e.g. "no more terms"); cleared by the next show(). */
  announce(message: string): void;
  /** True when an event came from inside our UI (events are retargeted to the host). */
  isOwnEvent(event: Event): boolean;
  destroy(): void;
  /** Called when the reader closes the popover from inside it (the ✕ button). */
  onUserClose?: () => void;
  /** Called when the reader asks for the next (1) or previous (-1) term from inside the popover. */
  onStep?: (step: 1 | -1) => void;
}
