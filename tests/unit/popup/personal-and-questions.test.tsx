// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshBrowserEachTest } from '../support/fake-browser';
import { container, mountEachTest } from '../support/mount';

// A fixed glossary, so these tests do not depend on the shipped data.
vi.mock('../../../glossary/index', () => import('../support/glossary-mock').then((m) => m.glossaryIndexModule()));
vi.mock('../../../glossary/match-data', () => import('../support/glossary-mock').then((m) => m.matchDataModule()));

const { App } = await import('../../../entrypoints/popup/App');

const PORT = {
  id: 'personal-port-1',
  term: 'Port',
  aliases: ['portacath'],
  definition: 'A small device under the skin.',
  note: 'Ask the nurse to flush it.',
  updatedAt: 1,
};

const QUESTIONS = [
  { term: 'PD-L1', source: 'glossary', entryId: 'pd-l1', definition: 'A protein.', note: 'Is mine positive?', savedAt: 1 },
  { term: 'Port', source: 'personal', entryId: 'personal-port-1', definition: 'A small device under the skin.', savedAt: 2 },
];

const text = () => container.textContent ?? '';
const buttonNamed = (name: string | RegExp, root: ParentNode = container) =>
  [...root.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
const sectionOf = (headingId: string) => container.querySelector(`#${headingId}`)!.closest('section')!;
const stored = () => fakeBrowser.storage.local.get(null);

function search(query: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

freshBrowserEachTest();
mountEachTest();

beforeEach(async () => {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => ({
    host: 'example.org',
    terms: [
      { id: 'pd-l1', count: 1 },
      { id: 'personal-port-1', count: 2 },
      { id: 'personal-gone-1', count: 5 },
    ],
  })) as never);
  await fakeBrowser.storage.local.set({ personalTerms: [PORT] });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('personal terms', () => {
  it('lists personal terms found on the page, labelled Personal, and opens their card', async () => {
    render(<App locationSearch="?tab=7" />, container);
    const page = () => sectionOf('tl-page-heading');
    await vi.waitFor(() => expect(page().querySelectorAll('.tl-list-item')).toHaveLength(2));
    const labels = [...page().querySelectorAll('.tl-list-item')].map((b) => b.getAttribute('aria-label'));
    // A personal id that is no longer saved is left out, like an unknown glossary id.
    expect(labels).toEqual(['Port (Personal), found 2 times', 'PD-L1, found once']);
    expect(page().querySelector('.tl-tag')?.textContent).toBe('Personal');

    buttonNamed(/^Port/, page())!.click();
    await vi.waitFor(() => expect(container.querySelector('.tl-card h2')?.textContent).toBe('Port'));
    expect(container.querySelector('.tl-card')!.classList).toContain('tl-card--personal');
    expect(text()).toContain('Ask the nurse to flush it.');
    expect(document.activeElement).toBe(container.querySelector('.tl-card h2'));
    buttonNamed(/Back/)!.click();
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Port (Personal), found 2 times'));
  });

  it('finds personal terms in search, by their other names too, with typos', async () => {
    render(<App locationSearch="?tab=7" />, container);
    const results = () => [...sectionOf('tl-search-heading').querySelectorAll('.tl-list-item')];
    await vi.waitFor(() => expect(results().map((b) => b.querySelector('.tl-list-term')?.textContent)).toContain('Port'));
    search('portacat');
    await vi.waitFor(() => expect(results()[0]?.getAttribute('data-entry-id')).toBe('personal-port-1'));
    expect(results()[0]?.querySelector('.tl-tag')?.textContent).toBe('Personal');
    (results()[0] as HTMLButtonElement).click();
    await vi.waitFor(() => expect(container.querySelector('.tl-card h2')?.textContent).toBe('Port'));
  });

  it('shows a personal term added while the popup is open', async () => {
    await fakeBrowser.storage.local.set({ personalTerms: [] });
    render(<App locationSearch="?tab=7" />, container);
    await vi.waitFor(() => expect(sectionOf('tl-page-heading').querySelectorAll('.tl-list-item')).toHaveLength(1));
    await fakeBrowser.storage.local.set({ personalTerms: [PORT] });
    await vi.waitFor(() => expect(sectionOf('tl-page-heading').querySelectorAll('.tl-list-item')).toHaveLength(2));
  });
});

describe('questions for my care team', () => {
  const questions = () => sectionOf('tl-questions-heading');

  it('says how to add one when there are none', async () => {
    render(<App locationSearch="?tab=7" />, container);
    await vi.waitFor(() => expect(questions().textContent).toContain('None yet.'));
    expect(buttonNamed('Copy all', questions())).toBeUndefined();
  });

  it('lists each term with its note, numbered, and removes one after asking', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: QUESTIONS });
    render(<App locationSearch="?tab=7" />, container);
    await vi.waitFor(() => expect(questions().querySelectorAll('li')).toHaveLength(2));
    expect([...questions().querySelectorAll('.tlq-term')].map((el) => el.textContent)).toEqual(['PD-L1', 'Port']);
    expect(questions().querySelector('.tlq-note')?.textContent).toBe('Is mine positive?');

    questions().querySelector<HTMLButtonElement>('[aria-label="Remove “PD-L1”"]')!.click();
    await vi.waitFor(() => expect(buttonNamed('Yes, remove', questions())).toBeDefined());
    expect(questions().textContent).toContain('Remove “PD-L1” and your note?');
    expect(await stored()).toMatchObject({ savedQuestions: QUESTIONS });
    buttonNamed('Yes, remove', questions())!.click();
    await vi.waitFor(() => expect(questions().querySelectorAll('li')).toHaveLength(1));
    expect((await stored()).savedQuestions).toEqual([QUESTIONS[1]]);
    expect(questions().querySelector('[role="status"]')?.textContent).toBe('Removed “PD-L1”.');
  });

  it('copies all as text, and says what to do instead when the clipboard refuses', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: QUESTIONS });
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<App locationSearch="?tab=7" />, container);
    await vi.waitFor(() => expect(buttonNamed('Copy all', questions())).toBeDefined());
    buttonNamed('Copy all', questions())!.click();
    await vi.waitFor(() => expect(questions().textContent).toContain('Copied 2 questions.'));
    expect(writeText.mock.calls[0]![0]).toContain('1. PD-L1\n   What it means: A protein.\n   My note: Is mine positive?\n');

    writeText.mockRejectedValueOnce(new Error('Document is not focused.'));
    buttonNamed('Copy all', questions())!.click();
    await vi.waitFor(() => expect(questions().textContent).toContain('Termlight could not copy here. Use “Export as text” or “Print” instead.'));
  });

  it('explains damaged storage and leaves it alone until the reader starts again', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: { broken: true } });
    render(<App locationSearch="?tab=7" />, container);
    await vi.waitFor(() => expect(questions().querySelector('[role="alert"]')?.textContent).toContain('could not be read'));
    buttonNamed('Start again with an empty list…', questions())!.click();
    expect(await stored()).toMatchObject({ savedQuestions: { broken: true } });
    buttonNamed('Yes, delete and start again', questions())!.click();
    await vi.waitFor(() => expect(questions().textContent).toContain('None yet.'));
    expect(await stored()).not.toHaveProperty('savedQuestions');
  });
});
