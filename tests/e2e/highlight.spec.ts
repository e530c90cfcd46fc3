import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Glossary, GlossaryEntry } from '../../glossary/types';
import { ROOT } from '../support/paths';
import { test, expect } from './fixtures';
import { highlightName } from './pages/highlight-names';
import {
  UI_TAG,
  highlightDetails,
  highlightedTexts,
  hoverTerm,
  hoverWord,
  popover,
  waitForHighlights,
  waitForStableHighlights,
} from './pages/termlight-page';

const glossary = JSON.parse(readFileSync(resolve(ROOT, 'glossary/generated/glossary.json'), 'utf8')) as Glossary;
function entry(id: string): GlossaryEntry {
  const found = glossary.entries.find((e) => e.id === id);
  if (!found) throw new Error(`glossary has no entry "${id}"`);
  return found;
}

// Whatever a test does, the browser talks to nothing but the local test server (and the extension itself).
test.afterEach(async ({ requests }) => {
  expect(requests.foreign(), 'requests to anywhere but the test server').toEqual([]);
});

test.describe('on the article', () => {
  test('glossary terms are highlighted', async ({ page, server }) => {
    await page.goto(`${server.url}/article.html`);
    await waitForHighlights(page, 2);
    await waitForStableHighlights(page);
    const texts = await highlightedTexts(page);
    expect(texts.map((t) => t.toLowerCase())).toContain('immunotherapy');
    expect(texts).toContain('PD-L1');
    // Every range covers exactly a term as written on the page: no empty or whitespace-padded ranges.
    for (const t of texts) expect(t).toBe(t.trim());
    expect(texts.every((t) => t.length > 0)).toBe(true);
  });

  test('hovering a term shows its definition and the article quote; Escape closes it', async ({ page, server }) => {
    const pdl1 = entry('pd-l1');
    await page.goto(`${server.url}/article.html`);
    await waitForHighlights(page);
    await expect(popover(page)).toHaveCount(0);

    await hoverTerm(page, 'PD-L1');
    const dialog = popover(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(pdl1.term);
    await expect(dialog).toContainText(pdl1.definition);
    await expect(dialog).toContainText('From the article');
    expect(pdl1.passages.length).toBeGreaterThan(0);
    await expect(dialog).toContainText(pdl1.passages[0]!);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test.describe('on the traps page', () => {
  test('plain text is highlighted; code, form fields, editable and unrendered text are not', async ({ page, server }) => {
    await page.goto(`${server.url}/traps.html`);
    await waitForHighlights(page);
    await waitForStableHighlights(page);
    const details = await highlightDetails(page);

    const plainIds = await page.$$eval('[data-zone="plain"]', (els) => els.map((e) => e.id));
    const highlightedPlain = new Set(details.filter((d) => d.zone === 'plain').map((d) => d.zoneId));
    expect([...highlightedPlain].sort()).toEqual([...plainIds].sort());

    const hidden = details.filter((d) => d.zone === 'hidden');
    expect(hidden, 'highlights inside script/style/noscript/textarea/input/select/contenteditable/code/pre').toEqual([]);
    const forbiddenTags = ['script', 'style', 'noscript', 'textarea', 'select', 'option', 'code', 'pre'];
    for (const d of details) expect(d.path.filter((tag) => forbiddenTags.includes(tag))).toEqual([]);
  });

  test('look-alikes of glossary terms are not highlighted', async ({ page, server }) => {
    await page.goto(`${server.url}/traps.html`);
    await waitForHighlights(page);
    await waitForStableHighlights(page);
    const traps = await page.$$eval('[data-zone="negative"]', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-trap'), text: e.textContent })),
    );
    expect(traps.length).toBe(7);
    const hits = (await highlightDetails(page)).filter((d) => d.zone === 'negative');
    expect(hits, `highlighted look-alikes (traps: ${traps.map((t) => t.text).join(' | ')})`).toEqual([]);
  });

  test('form values and editable content are left exactly as they were', async ({ page, server }) => {
    await page.goto(`${server.url}/traps.html`);
    await waitForHighlights(page);
    await waitForStableHighlights(page);
    expect(await page.inputValue('#trap-textarea')).toBe('Immunotherapy and PD-L1 inside a textarea.');
    expect(await page.inputValue('#trap-input')).toBe('Immunotherapy and PD-L1 inside an input value');
    expect(await page.inputValue('#trap-select')).toBe('immunotherapy');
    expect(await page.innerHTML('#trap-editable')).toBe('Immunotherapy and PD-L1 inside an editable box.');
    expect(await page.evaluate(() => (window as unknown as { termlightTrapNote?: string }).termlightTrapNote)).toBe(
      'Immunotherapy and PD-L1 in a script string',
    );
  });
});

test.describe('typing into a form', () => {
  test('what the user types is untouched and never highlighted', async ({ page, server }) => {
    await page.goto(`${server.url}/forms.html`);
    await waitForHighlights(page);
    await waitForStableHighlights(page);

    const typed = 'I asked about immunotherapy and PD-L1 (checkpoint inhibitors).';
    await page.locator('#name').pressSequentially('Immunotherapy PD-L1');
    await page.locator('#search').pressSequentially('immunotherapy');
    await page.locator('#notes').pressSequentially(typed);
    await page.selectOption('#treatment', 'immunotherapy');
    await page.locator('#editor').pressSequentially(typed);
    await expect(page.locator('#editor')).toBeFocused();
    await waitForStableHighlights(page);

    expect(await page.inputValue('#name')).toBe('Immunotherapy PD-L1');
    expect(await page.inputValue('#search')).toBe('immunotherapy');
    expect(await page.inputValue('#notes')).toBe(typed);
    expect(await page.inputValue('#treatment')).toBe('immunotherapy');
    expect(await page.locator('#editor').textContent()).toBe(typed);
    await expect(page.locator('#editor')).toBeFocused();

    // The page's own words (its heading and the intro) may be marked; nothing in the form is.
    const details = await highlightDetails(page);
    expect(details.filter((d) => d.zoneId !== 'intro' && d.path[0] !== 'h1')).toEqual([]);
    expect(details.length).toBeGreaterThan(0);
  });
});

test.describe('editors that appear later', () => {
  test('text that becomes editable loses its highlights; a page switched to design mode is left alone once edited', async ({ page, server }) => {
    await page.goto(`${server.url}/forms.html`);
    await waitForHighlights(page);
    await waitForStableHighlights(page);
    const zones = async () => (await highlightDetails(page)).map((d) => d.zoneId);
    expect(await zones()).toContain('intro');

    // A comment box that turns into an editor: what was marked inside it is no longer marked.
    await page.evaluate(() => document.getElementById('intro')!.setAttribute('contenteditable', 'true'));
    await expect.poll(zones).not.toContain('intro');
    await page.evaluate(() => document.getElementById('intro')!.removeAttribute('contenteditable'));
    await expect.poll(zones).toContain('intro');

    // A rich-text editor frame works this way: design mode on, then typing. Termlight steps aside.
    await page.evaluate(() => (document.designMode = 'on'));
    await page.locator('#intro').click();
    await page.keyboard.type(' Ask about chemotherapy too.');
    await expect.poll(() => highlightDetails(page).then((d) => d.length)).toBe(0);
    await expect(page.locator('#intro')).toContainText('Ask about chemotherapy too.');
  });
});

test.describe('the page DOM', () => {
  async function snapshot(page: Page): Promise<{ html: string; uiHosts: number }> {
    return page.evaluate((tag) => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      const hosts = clone.querySelectorAll(tag);
      hosts.forEach((el) => el.remove());
      return { html: clone.outerHTML, uiHosts: hosts.length };
    }, UI_TAG);
  }

  async function withoutExtension(browser: Browser, url: string): Promise<string> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      return (await snapshot(page)).html;
    } finally {
      await context.close();
    }
  }

  for (const [path, term] of [
    ['/article.html', 'PD-L1'],
    ['/traps.html', 'PD-L1'],
    ['/forms.html', 'PD-L1'],
  ] as const) {
    test(`${path} is unchanged apart from one ${UI_TAG} element`, async ({ page, server, plainBrowser }) => {
      const url = server.url + path;
      await page.goto(url);
      await waitForHighlights(page);
      await hoverTerm(page, term); // make sure the UI has been mounted
      await expect(popover(page)).toBeVisible();
      await waitForStableHighlights(page);

      const withTermlight = await snapshot(page);
      expect(withTermlight.uiHosts).toBe(1);
      expect(await page.locator(UI_TAG).count()).toBe(1);
      expect(withTermlight.html).toBe(await withoutExtension(plainBrowser, url));
    });
  }
});

test('a long page is scanned to the end', async ({ page, server }) => {
  test.slow();
  await page.goto(`${server.url}/long.html?paragraphs=2000`);
  await expect.poll(async () => (await highlightDetails(page)).length, { timeout: 30_000 }).toBeGreaterThan(100);
  // Terms far below the screen are painted as the reader scrolls near them (terms/near-viewport.ts).
  await expect
    .poll(
      async () =>
        page.evaluate((name) => {
          const last = document.getElementById('last')!;
          last.scrollIntoView({ block: 'center', behavior: 'instant' });
          return [...(CSS.highlights.get(name) ?? [])].some((r) => last.contains(r.startContainer));
        }, await highlightName(page, 'terms')),
      { timeout: 30_000, message: 'a highlight in the last paragraph' },
    )
    .toBe(true);
});

test.describe('words that are also everyday words', () => {
  test('on a page not about health they are not marked, yet pointing at one still explains it', async ({ page, server }) => {
    await page.goto(`${server.url}/everyday-meaning.html`);
    await waitForHighlights(page, 1);
    await waitForStableHighlights(page);
    // The one plain medical term is marked; "colon", "DNA" and "mutation" are not.
    expect(await highlightedTexts(page)).toEqual(['PD-L1']);
    await hoverWord(page, 'colon', 'colon');
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toContainText(entry('colon').term);
  });

  test('on a page about health the same words are marked', async ({ page, server }) => {
    await page.goto(`${server.url}/everyday-meaning.html?health`);
    await waitForHighlights(page, 4);
    await waitForStableHighlights(page);
    const texts = await highlightedTexts(page);
    for (const word of ['colon', 'DNA', 'mutation', 'PD-L1', 'brachytherapy']) expect(texts).toContain(word);
  });
});
