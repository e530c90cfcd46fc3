/**
 * Waiting for a page to be done: its own loading (fonts, idle main thread), and with Termlight, the
 * scan (Termlight's highlights (random names: every registered highlight counts) are registered when a session starts and stops growing when the scan
 * ends). Both modes wait for the same idle signal, so their snapshots are taken at comparable moments.
 */
import type { Page } from '@playwright/test';
import { inPage } from './in-page';

/** Resolves after two idle periods in a row with most of a frame to spare (or after `maxMs`). */
export function waitForIdle(page: Page, maxMs = 3000): Promise<void> {
  return inPage(
    page,
    (maxMs: number) =>
      new Promise<void>((resolve) => {
        const deadline = performance.now() + maxMs;
        let quiet = 0;
        const step = (deadline2: IdleDeadline) => {
          quiet = deadline2.timeRemaining() >= 40 ? quiet + 1 : 0;
          if (quiet >= 2 || performance.now() > deadline) resolve();
          else requestIdleCallback(step, { timeout: 500 });
        };
        const fonts = document.fonts?.ready ?? Promise.resolve();
        void Promise.race([fonts, new Promise((r) => setTimeout(r, 1000))]).then(() => requestIdleCallback(step, { timeout: 500 }));
      }),
    maxMs,
  );
}

function highlightSize(page: Page): Promise<number> {
  return inPage(page, () => (CSS.highlights.size > 0 ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : -1), null);
}

/**
 * Waits until Termlight's scan has settled: the highlight exists and its size has not changed for
 * `quietMs`. Returns the size, or null when Termlight never started within `startMs`.
 */
export async function waitForTermlight(page: Page, { startMs = 5000, quietMs = 400, maxMs = 60_000 } = {}): Promise<number | null> {
  const begin = Date.now();
  let size = await highlightSize(page);
  while (size < 0) {
    if (Date.now() - begin > startMs) return null;
    await page.waitForTimeout(100);
    size = await highlightSize(page);
  }
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - begin < maxMs) {
    await page.waitForTimeout(100);
    const now = await highlightSize(page);
    if (now !== size) {
      size = now;
      since = Date.now();
    }
  }
  return size;
}
