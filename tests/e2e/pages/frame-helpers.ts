/**
 * Helpers for Termlight inside frames. Each frame has its own content script, its own
 * `CSS.highlights` registry and its own popover, so these read one frame at a time; the mouse
 * is page-wide, so a point in a frame is moved by the frame element's position on the page.
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { UI_TAG } from './termlight-page';
import { highlightNamesIn } from './highlight-names';

/** The frame shown by the `<iframe id=…>` of the top page (throws when it has no content frame). */
export async function frameById(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe#${id}`, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe#${id} has no content frame`);
  return frame;
}

/** The texts of the terms' highlight in `frame`, or null when the frame never registered it. */
export async function frameHighlights(frame: Frame): Promise<string[] | null> {
  return frame.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return null;
    return [...highlight].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }, (await highlightNamesIn(frame)).terms);
}

/** Waits until `frame` highlights `text`. */
export async function waitForFrameHighlight(frame: Frame, text: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(async () => (await frameHighlights(frame)) ?? [], { timeout, message: `"${text}" highlighted in ${frame.url()}` })
    .toContain(text);
}

/** Moves the mouse over the highlighted `text` inside `frame`, however deep the frame sits in the page. */
export async function hoverTermInFrame(page: Page, frame: Frame, text: string): Promise<void> {
  const inFrame = await frame.evaluate(
    ({ name, text }) => {
      for (const r of CSS.highlights.get(name) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== text) continue;
        const box = live.getClientRects()[0] ?? live.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return null;
    },
    { name: (await highlightNamesIn(frame)).terms, text },
  );
  if (!inFrame) throw new Error(`no highlighted "${text}" in ${frame.url()}`);
  let { x, y } = inFrame;
  // Add each frame element's content-box position, from the innermost frame outwards.
  for (let f: Frame | null = frame; f && f.parentFrame(); f = f.parentFrame()) {
    const element = await f.frameElement();
    const offset = await element.evaluate((el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        x: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
        y: box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop),
      };
    });
    x += offset.x;
    y += offset.y;
  }
  await page.mouse.move(x, y, { steps: 4 });
}

/** The popover inside `frame`'s own Termlight UI. */
export function framePopover(frame: Frame): Locator {
  return frame.locator(`${UI_TAG} >> [role="dialog"]`);
}
