// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshBrowserEachTest } from '../support/fake-browser';
import { container, mountEachTest } from '../support/mount';

// A fixed glossary, so these tests do not depend on the shipped data.
vi.mock('../../../glossary/index', () => import('../support/glossary-mock').then((m) => m.glossaryIndexModule()));
vi.mock('../../../glossary/match-data', () => import('../support/glossary-mock').then((m) => m.matchDataModule()));

const { App } = await import('../../../entrypoints/popup/App');

const REPLY = {
  host: 'example.org',
  terms: [
    { id: 'pd-l1', count: 1 },
    { id: 'immunotherapy', count: 4 },
    { id: 'not-in-glossary', count: 9 },
  ],
};

let sendMessage: ReturnType<typeof mockReply>;

function mockReply(reply: unknown) {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => reply) as never);
}

function mount(locationSearch = '?tab=7') {
  render(<App locationSearch={locationSearch} />, container);
}

const text = () => container.textContent ?? '';
const switches = () => [...container.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
const labelOf = (input: HTMLInputElement) => container.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
const buttonNamed = (name: string | RegExp) =>
  [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
const stored = () => fakeBrowser.storage.local.get(null);

function search(query: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function listTerms(headingId: string) {
  const section = container.querySelector(`#${headingId}`)?.closest('section');
  return [...(section?.querySelectorAll('.tl-list-term') ?? [])].map((el) => el.textContent);
}

freshBrowserEachTest();
mountEachTest();

beforeEach(() => {
  sendMessage = mockReply(REPLY);
});

describe('switches', () => {
  it('puts the global switch first, labelled, on by default', async () => {
    mount();
    await vi.waitFor(() => expect(switches()[0]?.disabled).toBe(false));
    const [global, site] = switches();
    expect(global?.type).toBe('checkbox');
    expect(labelOf(global!)).toBe('Explain terms on pages');
    expect(global?.checked).toBe(true);
    expect(container.querySelector('input')).toBe(global);
    await vi.waitFor(() => expect(labelOf(site!)).toBe('On this site (example.org)'));
  });

  it('writes the global switch to local storage at once', async () => {
    mount();
    await vi.waitFor(() => expect(switches()[0]?.disabled).toBe(false));
    switches()[0]!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ enabled: false }));
    await vi.waitFor(() => expect(switches()[1]?.disabled).toBe(true));
    expect(text()).toContain('Turn on “Explain terms on pages” first.');
    expect(text()).toContain('Termlight is switched off.');
    switches()[0]!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ enabled: true }));
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('writes the site switch to disabledSites', async () => {
    mount();
    await vi.waitFor(() => expect(switches()[1]?.disabled).toBe(false));
    expect(switches()[1]?.checked).toBe(true);
    switches()[1]!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ disabledSites: ['example.org'] }));
    await vi.waitFor(() => expect(text()).toContain('Termlight is off on this site.'));
    expect(switches()[1]?.checked).toBe(false);
    switches()[1]!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ disabledSites: [] }));
  });

  it('shows stored settings, and corrupt ones as the defaults without rewriting them', async () => {
    await fakeBrowser.storage.local.set({ enabled: 'yes', disabledSites: ['example.org', 5] });
    mount();
    await vi.waitFor(() => expect(switches()[1]?.disabled).toBe(false));
    expect(switches()[0]?.checked).toBe(true);
    expect(switches()[1]?.checked).toBe(false);
    expect(await stored()).toEqual({ enabled: 'yes', disabledSites: ['example.org', 5] });
  });

  it('follows changes made elsewhere', async () => {
    mount();
    await vi.waitFor(() => expect(switches()[0]?.checked).toBe(true));
    await fakeBrowser.storage.local.set({ enabled: false });
    await vi.waitFor(() => expect(switches()[0]?.checked).toBe(false));
  });
});

describe('on this page', () => {
  it('asks the tab from ?tab= and lists known terms with counts, most frequent first', async () => {
    mount('?tab=7');
    await vi.waitFor(() => expect(listTerms('tl-page-heading')).toEqual(['Immunotherapy', 'PD-L1']));
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'termlight:page-terms' });
    const counts = [...container.querySelectorAll('#tl-page-heading ~ ul .tl-count')].map((el) => el.textContent);
    expect(counts).toEqual(['found 4 times', 'found once']);
    // Screen readers hear "Immunotherapy, found 4 times".
    const names = [...container.querySelectorAll('#tl-page-heading ~ ul button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Immunotherapy, found 4 times', 'PD-L1, found once']);
  });

  it('asks the active tab when there is no ?tab=', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42 }] as never);
    mount('');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(42, { type: 'termlight:page-terms' }));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it.each([
    ['no reply', undefined],
    ['a malformed reply', { host: 'example.org', terms: [{ id: 'pd-l1', count: -1 }] }],
    ['a reply of the wrong type', 'hello'],
  ])("says Termlight can't read the page on %s", async (_label, reply) => {
    mockReply(reply);
    mount();
    await vi.waitFor(() => expect(text()).toContain("Termlight can't read this page"));
    expect(switches()[1]?.disabled).toBe(true);
    expect(text()).toContain("Termlight can't work on this kind of page.");
  });

  it("says Termlight can't read the page when there is no content script", async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    mount();
    await vi.waitFor(() => expect(text()).toContain("Termlight can't read this page"));
  });

  it('says so when no terms were found', async () => {
    mockReply({ host: 'example.org', terms: [] });
    mount();
    await vi.waitFor(() => expect(text()).toContain('No glossary terms found on this page.'));
  });

  it("lists the page's own abbreviations after ours, as text, most frequent first, labelled unchecked", async () => {
    mockReply({
      ...REPLY,
      pageDefined: [
        { term: 'NLR', meaning: 'neutrophil-to-lymphocyte ratio', count: 1, conflict: false },
        { term: 'TMB', meaning: 'total <b>metabolic</b> burden', count: 3, conflict: true },
      ],
    });
    mount();
    await vi.waitFor(() => expect(container.querySelector('#tl-page-defined-heading')?.textContent).toBe('Defined by this page'));
    const rows = [...container.querySelectorAll('.tl-defined-item')].map((li) => [...li.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['TMB', 'found 3 times', 'total <b>metabolic</b> burden', 'This page uses it differently from Termlight.'],
      ['NLR', 'found once', 'neutrophil-to-lymphocyte ratio'],
    ]);
    expect(container.querySelector('.tl-defined-item b')).toBeNull();
    expect(text()).toContain('Termlight has not checked them');
    // Our own terms still come first, and are still the ones that open a card.
    expect(listTerms('tl-page-heading')).toEqual(['Immunotherapy', 'PD-L1']);
    expect(container.querySelectorAll('.tl-defined-item button')).toHaveLength(0);
  });

  it('shows no page section when the page defines nothing', async () => {
    mount();
    await vi.waitFor(() => expect(listTerms('tl-page-heading')).toEqual(['Immunotherapy', 'PD-L1']));
    expect(container.querySelector('.tl-page-defined')).toBeNull();
  });

  it('opens the card of a term found on the page, and Back returns to the list', async () => {
    mount();
    await vi.waitFor(() => expect(buttonNamed(/^PD-L1/)).toBeDefined());
    buttonNamed(/^PD-L1/)!.click();
    await vi.waitFor(() => expect(container.querySelector('.tl-card h2')?.textContent).toBe('PD-L1'));
    expect(switches()).toHaveLength(0);
    buttonNamed(/Back/)!.click();
    await vi.waitFor(() => expect(listTerms('tl-page-heading')).toEqual(['Immunotherapy', 'PD-L1']));
    expect(document.activeElement?.textContent).toMatch(/^PD-L1/);
  });
});

describe('glossary search', () => {
  it('has a labelled search box', () => {
    mount();
    const input = container.querySelector<HTMLInputElement>('input[type="search"]');
    expect(input).not.toBeNull();
    expect(container.querySelector(`label[for="${input!.id}"]`)?.textContent).toBe('Search the glossary');
  });

  it('lists every term A to Z for an empty query', async () => {
    mount();
    await vi.waitFor(() =>
      expect(listTerms('tl-search-heading')).toEqual(['Checkpoint inhibitor', 'Fatigue', 'Immunotherapy', 'PD-L1']),
    );
  });

  it.each([
    ['imunotherapy', 'Immunotherapy'],
    ['pdl1', 'PD-L1'],
    ['programmed death ligand', 'PD-L1'],
    ['immuno-oncology', 'Immunotherapy'],
    ['fatige', 'Fatigue'],
  ])('finds %s → %s', async (query, term) => {
    mount();
    search(query);
    await vi.waitFor(() => expect(listTerms('tl-search-heading')[0]).toBe(term));
  });

  it('says when nothing matches', async () => {
    mount();
    search('zzzzqqq');
    await vi.waitFor(() => expect(text()).toContain('No terms match “zzzzqqq”'));
    expect(listTerms('tl-search-heading')).toEqual([]);
  });

  it('opens a card from a result, follows related terms, and Back retraces them', async () => {
    mount();
    search('imunotherapy');
    await vi.waitFor(() => expect(listTerms('tl-search-heading')[0]).toBe('Immunotherapy'));
    buttonNamed('Immunotherapy')!.click();
    const cardTerm = () => container.querySelector('.tl-card h2')?.textContent;
    await vi.waitFor(() => expect(cardTerm()).toBe('Immunotherapy'));
    expect(container.querySelector('.tl-card .tl-card-definition')?.textContent).toBe(
      'A treatment that helps your own immune system find and fight cancer.',
    );
    expect(document.activeElement).toBe(container.querySelector('.tl-card h2'));

    buttonNamed('Checkpoint inhibitor')!.click();
    await vi.waitFor(() => expect(cardTerm()).toBe('Checkpoint inhibitor'));
    buttonNamed('PD-L1')!.click();
    await vi.waitFor(() => expect(cardTerm()).toBe('PD-L1'));

    buttonNamed(/Back/)!.click();
    await vi.waitFor(() => expect(cardTerm()).toBe('Checkpoint inhibitor'));
    buttonNamed(/Back/)!.click();
    await vi.waitFor(() => expect(cardTerm()).toBe('Immunotherapy'));
    buttonNamed(/Back/)!.click();
    await vi.waitFor(() => expect(container.querySelector('.tl-card')).toBeNull());
    expect(container.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('imunotherapy');
  });
});

it('ends with the privacy line', () => {
  mount();
  expect(container.querySelector('footer p')?.textContent).toBe(
    'Runs only in your browser. Nothing you read is sent anywhere.',
  );
});

it('opens the options page from the footer', () => {
  const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockImplementation(async () => {});
  mount();
  const link = container.querySelector<HTMLButtonElement>('footer button');
  expect(link?.textContent).toBe('My terms and settings');
  link!.click();
  expect(open).toHaveBeenCalledTimes(1);
});
