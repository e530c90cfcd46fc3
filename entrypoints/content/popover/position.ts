/**
 * Where the popover goes. Pure geometry, no DOM, so every case is unit-tested.
 *
 * Rules: never cover the term (the reader's eyes are on it); prefer below, like a
 * footnote, flip above when below is too short; stay inside the viewport with a margin;
 * when neither side fits, take the roomier side and cap the height (the card scrolls).
 */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PopoverPlacement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Set when the popover must be shorter than its natural height to fit. */
  maxHeight: number | null;
}

export interface PlacementInput {
  /** The term's box in viewport coordinates. */
  anchor: Box;
  /** The popover's natural size. */
  size: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Space kept free at the viewport edges. */
  margin?: number;
  /** Space between the term and the popover. */
  gap?: number;
}

export function placePopover({ anchor, size, viewport, margin = 8, gap = 6 }: PlacementInput): PopoverPlacement {
  const anchorBottom = anchor.top + anchor.height;
  const spaceBelow = viewport.height - margin - (anchorBottom + gap);
  const spaceAbove = anchor.top - gap - margin;

  let side: 'below' | 'above';
  let maxHeight: number | null = null;
  if (size.height <= spaceBelow) side = 'below';
  else if (size.height <= spaceAbove) side = 'above';
  else {
    side = spaceBelow >= spaceAbove ? 'below' : 'above';
    maxHeight = Math.max(0, side === 'below' ? spaceBelow : spaceAbove);
  }
  const height = maxHeight ?? size.height;
  const top = side === 'below' ? anchorBottom + gap : anchor.top - gap - height;

  // Align with the term's left edge, then slide left as needed to stay on screen.
  const maxLeft = viewport.width - margin - size.width;
  const left = Math.max(margin, Math.min(anchor.left, maxLeft));

  return { left: Math.round(left), top: Math.round(top), side, maxHeight: maxHeight === null ? null : Math.floor(maxHeight) };
}
