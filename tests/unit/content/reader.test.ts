// @vitest-environment happy-dom
/**
 * The reader's start (entrypoints/content/reader.ts): the matcher is built in one task and the session
 * starts (its first scan slice marks the terms on screen) in the next, so the page's own tasks can run
 * between them (session 22: in one task they were the longest task of ours on the 5 MB bench page). The
 * matcher and the session are stand-ins here: this is about when each runs and what the session is given.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPage } from '../../../entrypoints/content/reader';
import { startSession } from '../../../entrypoints/content/session';
import { readStart } from '../../../utils/storage/start-read';

const { steps, matcher } = vi.hoisted(() => ({ steps: [] as string[], matcher: { stand: 'in' } }));

vi.mock('../../../glossary/default-matcher', () => ({
  // An English page would fetch the spelling file through the extension's URL: not here.
  allowsFuzzy: () => false,
  canAddTerms: () => true,
  provideMatchBinary: () => void steps.push('match data'),
  provideSpellingBinary: () => {},
  defaultMatcher: () => {
    steps.push('matcher');
    return matcher;
  },
  glossaryMatcher: () => matcher,
}));

// The names are in (as on extension pages): the reader asks for no names file.
vi.mock('../../../glossary/match-data', async (original) => ({ ...(await original<object>()), hasMatchNames: () => true }));

vi.mock('../../../entrypoints/content/session', () => ({
  startSession: vi.fn(() => {
    steps.push('session');
    return { stop() {}, termCounts: () => [], pageDefinedTerms: () => [], setComfort() {}, explainSelection() {}, readAll: () => Promise.resolve(), scanned: Promise.resolve() };
  }),
}));

beforeEach(() => {
  fakeBrowser.reset();
  steps.length = 0;
  vi.mocked(startSession).mockClear();
});

function context(valid = () => true): ContentScriptContext {
  return { get isValid() { return valid(); }, signal: new AbortController().signal, onInvalidated: () => () => {} } as unknown as ContentScriptContext;
}

/** Runs every microtask queued so far (and those they queue), but no task. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 100; i++) await Promise.resolve();
}

/** Lets the next tasks run. */
const tasks = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the reader starts in two tasks', () => {
  it('builds the matcher in one task and starts the session with it in a later one', async () => {
    const reading = readPage(context(), Promise.resolve(new ArrayBuffer(8)), readStart(fakeBrowser.storage as never));
    await microtasks();
    expect(steps).toEqual(['match data', 'matcher']);
    await tasks();
    await reading;
    expect(steps).toEqual(['match data', 'matcher', 'session']);
    // The same session as before the split: the shipped matcher, the stored comfort settings.
    expect(startSession).toHaveBeenCalledTimes(1);
    expect(vi.mocked(startSession).mock.calls[0]![0]).toMatchObject({ matcher });
  });

  it('starts no session when the content script was stopped between the two tasks', async () => {
    let valid = true;
    const reading = readPage(context(() => valid), Promise.resolve(new ArrayBuffer(8)), readStart(fakeBrowser.storage as never));
    await microtasks();
    valid = false;
    await tasks();
    await reading;
    expect(steps).toEqual(['match data', 'matcher']);
    expect(startSession).not.toHaveBeenCalled();
  });
});
