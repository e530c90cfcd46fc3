/**
 * The highlight names of a frame's page load. Termlight picks random `CSS.highlights` names per
 * page load (so a page cannot tell it is installed), and tests need to know which is which: the
 * content script keeps them in its own isolated world, and the service worker reads them there
 * with `scripting.executeScript`. The same call sets `openShadowRootForTests` in that world, so
 * the card's shadow root is open for Playwright's locators (closed for every real page).
 */
import type { Frame, Page, Worker } from '@playwright/test';

export interface HighlightNames {
  terms: string;
  page: string;
  soft: string;
  'page-soft': string;
  active: string;
}

/** What a document is known by in both worlds (the page's and the content script's). */
function documentKey(): string {
  let frameId = '';
  try {
    frameId = window.frameElement?.id ?? '';
  } catch {
    // A cross-origin parent: the URL and time origin are enough.
  }
  return `${performance.timeOrigin} ${location.href} ${frameId}`;
}

function extensionWorker(page: Page): Worker {
  const worker = page.context().serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('the extension service worker is not running');
  return worker;
}

interface WorldReport {
  key: string;
  names: HighlightNames | null;
}

/** Every frame of every tab, as its content script's world reports it (and opens its shadow root for tests). */
async function reportWorlds(worker: Worker): Promise<WorldReport[]> {
  return worker.evaluate(async () => {
    type Chrome = {
      tabs: { query(q: object): Promise<Array<{ id?: number }>> };
      scripting: {
        executeScript(o: { target: { tabId: number; allFrames: boolean }; func: () => unknown }): Promise<Array<{ result?: unknown }>>;
      };
    };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const reports: unknown[] = [];
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const results = await chrome.scripting.executeScript({
          target: { tabId: tab.id, allFrames: true },
          // documentKey(), written out again: this function is sent as source to another world.
          func: () => {
            const world = globalThis as { openShadowRootForTests?: boolean; highlightNamesForTests?: unknown };
            world.openShadowRootForTests = true;
            let frameId = '';
            try {
              frameId = window.frameElement?.id ?? '';
            } catch {
              // A cross-origin parent.
            }
            return { key: `${performance.timeOrigin} ${location.href} ${frameId}`, names: world.highlightNamesForTests ?? null };
          },
        });
        for (const r of results) if (r.result) reports.push(r.result);
      } catch {
        // Extension pages and the browser's own pages take no scripts.
      }
    }
    return reports as WorldReport[];
  });
}

/** Tells the content script in every frame of every tab to open its card's shadow root (for locators). */
export async function openCardRootsForTests(worker: Worker): Promise<void> {
  await reportWorlds(worker);
}

const known = new WeakMap<Frame, { key: string; names: HighlightNames }>();

/** The names the content script of `target` (a page's main frame, or a frame) chose; waits for it to run. */
export async function highlightNamesIn(target: Page | Frame, timeout = 10_000): Promise<HighlightNames> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const key = await frame.evaluate(documentKey);
  const cached = known.get(frame);
  if (cached?.key === key) return cached.names;
  if (frame.url().startsWith('chrome-extension://')) {
    // The extension's own pages (the welcome page's live example) run the session in the page's
    // own world, which frame.evaluate reaches and scripting.executeScript cannot.
    const handle = await frame.waitForFunction(
      () => {
        const world = globalThis as { openShadowRootForTests?: boolean; highlightNamesForTests?: unknown };
        world.openShadowRootForTests = true;
        return world.highlightNamesForTests ?? null;
      },
      undefined,
      { timeout },
    );
    const names = (await handle.jsonValue()) as HighlightNames;
    known.set(frame, { key, names });
    return names;
  }
  const worker = extensionWorker(frame.page());
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await reportWorlds(worker)).find((r) => r.key === key && r.names);
    if (found?.names) {
      known.set(frame, { key, names: found.names });
      return found.names;
    }
    if (Date.now() > deadline) throw new Error(`no Termlight content script reported its highlight names in ${frame.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type HighlightRole = keyof HighlightNames;

/** The name `role`'s highlight is registered under in `target` this page load. */
export async function highlightName(target: Page | Frame, role: HighlightRole): Promise<string> {
  return (await highlightNamesIn(target))[role];
}

/** "id:text" of every range in one highlight layer ('terms', 'page', …): the text with the id of its nearest element that has one. */
export async function rangesOf(page: Page, role: HighlightRole): Promise<string[]> {
  return page.evaluate(
    (name) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return `${(r.startContainer.parentElement?.closest('[id]') as HTMLElement | null)?.id}:${live.toString()}`;
      }),
    await highlightName(page, role),
  );
}
