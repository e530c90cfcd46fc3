/**
 * "Questions for my care team" and "Say it" in the real browser: a question saved from the popover with
 * a note is stored locally without any address, listed in the popup, exported as a text file (read through
 * Playwright's download event), printed from an extension page, and removed. "Say it" only appears with a
 * local voice (the test gives the content script's world fake voices, since headless Chromium has none)
 * and speech stops when the popover closes.
 */
import { readFile } from 'node:fs/promises';
import type { Page, Worker } from '@playwright/test';
import { test, expect, type ChromeApi } from './fixtures';
import { entry } from './pages/glossary-data';
import { moveMouseTo, placeTermAt, popover, waitForFullScan } from './pages/termlight-page';

const storedQuestions = (serviceWorker: Worker) =>
  serviceWorker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await chrome.storage.local.get('savedQuestions')).savedQuestions;
  });

const SCREENSHOTS = 'test-results/screenshots';

async function openPopoverFor(page: Page, text: string) {
  await waitForFullScan(page);
  const term = await placeTermAt(page, { text, top: 120 });
  await moveMouseTo(page, term);
  await expect(popover(page)).toBeVisible();
  return popover(page);
}

/**
 * Gives the content script's isolated world two voices (a network one and a local one) and records what
 * it says and cancels in `globalThis.__spoken` there. The page's own world is untouched.
 */
async function fakeVoices(page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.name === 'Termlight')).toBe(true);
  const contextId = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Termlight')!.id;
  const run = async (expression: string) =>
    (await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true })).result.value;
  await run(`(() => {
    const spoken = (globalThis.__spoken = []);
    const network = { name: 'Network English', lang: 'en-US', localService: false, default: true, voiceURI: 'net' };
    const local = { name: 'Local English', lang: 'en-GB', localService: true, default: false, voiceURI: 'local' };
    speechSynthesis.getVoices = () => [network, local];
    globalThis.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    speechSynthesis.speak = (u) => spoken.push('say ' + u.text + ' with ' + u.voice.name);
    speechSynthesis.cancel = () => spoken.push('cancel');
  })()`);
  return run;
}

test.afterEach(async ({ serviceWorker }) => {
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.clear());
});

test('a question saved from the popover with a note is listed in the popup, exported as text, and removed', async ({
  tabs,
  server,
  serviceWorker,
}) => {
  const pdl1 = entry('pd-l1');
  const article = await tabs.open(`${server.url}/article.html`);
  const dialog = await openPopoverFor(article.page, 'PD-L1');
  // Headless Chromium has no voices at all: no "Say it" (never a network voice).
  await expect(dialog.getByRole('button', { name: /Say it/ })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Save question for my care team' }).click();
  const note = dialog.getByRole('textbox', { name: /Your question or note/ });
  await expect(note).toBeFocused();
  await note.pressSequentially('Is my tumour PD-L1 positive?');
  // The pointer wanders off while the note is being written: the popover stays (well past the grace period).
  await article.page.mouse.move(20, 20, { steps: 4 });
  await article.page.waitForTimeout(800);
  await expect(note).toHaveValue('Is my tumour PD-L1 positive?');
  await article.page.screenshot({ path: `${SCREENSHOTS}/popover-note-form.png` });

  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.locator('.tl-action-status')).toHaveText('Saved to your questions.');
  const saved = dialog.getByRole('button', { name: /^Saved to your questions/ });
  await expect(saved).toBeFocused();
  await expect(saved).toHaveText('Saved');
  await article.page.screenshot({ path: `${SCREENSHOTS}/popover-saved.png` });

  // Stored locally: the words only, no address of the page it came from.
  const stored = await storedQuestions(serviceWorker);
  expect(stored).toEqual([
    {
      term: 'PD-L1',
      source: 'glossary',
      entryId: 'pd-l1',
      definition: pdl1.definition,
      note: 'Is my tumour PD-L1 positive?',
      savedAt: expect.any(Number),
    },
  ]);
  expect(JSON.stringify(stored)).not.toMatch(/127\.0\.0\.1|localhost|article|http/);

  const popup = await tabs.popup(article.tabId);
  const section = popup.getByRole('region', { name: 'Questions for my care team' });
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText('PD-L1');
  await expect(section.getByRole('listitem')).toContainText('Is my tumour PD-L1 positive?');
  await section.screenshot({ path: `${SCREENSHOTS}/popup-questions.png` });

  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    section.getByRole('button', { name: 'Export as text' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^termlight-questions-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe('Questions for my care team');
  expect(lines[1]).toMatch(/^Made with Termlight on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect(text).toContain(`\n1. PD-L1\n   What it means: ${pdl1.definition}\n   My note: Is my tumour PD-L1 positive?\n`);
  expect(text).not.toMatch(/127\.0\.0\.1|http/);
  await expect(section.getByRole('status')).toContainText('termlight-questions-');

  await section.getByRole('button', { name: 'Remove “PD-L1”' }).click();
  await section.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(section.getByRole('listitem')).toHaveCount(0);
  await expect(section).toContainText('None yet.');
  expect(await storedQuestions(serviceWorker)).toEqual([]);
});

test('Print opens the questions on an extension page, ready to print', async ({ context, extensionId, tabs, serviceWorker }) => {
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({
      savedQuestions: [
        { term: 'TILs', source: 'page', definition: 'tumor-infiltrating lymphocytes', savedAt: 1 },
        { term: 'Keytruda', source: 'personal', entryId: 'personal-keytruda-1', definition: 'My immunotherapy.', note: 'How many more cycles?\nAnd the scan?', savedAt: 2 },
      ],
    }),
  );
  const popup = await tabs.popup();
  const section = popup.getByRole('region', { name: 'Questions for my care team' });
  await expect(section.getByRole('listitem')).toHaveCount(2);
  const [sheet] = await Promise.all([context.waitForEvent('page'), section.getByRole('button', { name: 'Print' }).click()]);
  await expect(sheet).toHaveURL(`chrome-extension://${extensionId}/questions.html?print=1`);
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Questions for my care team');
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(['TILs', 'Keytruda']);
  await expect(sheet.getByRole('listitem').nth(0)).toContainText('What the page said: tumor-infiltrating lymphocytes');
  await expect(sheet.getByRole('listitem').nth(1)).toContainText('What it means (my own words): My immunotherapy.');
  await expect(sheet.getByRole('listitem').nth(1)).toContainText('My note: How many more cycles?');
  await sheet.screenshot({ path: `${SCREENSHOTS}/print-page.png`, fullPage: true });
  await sheet.close();
});

test('"Say it" uses the local voice, never the network one, and stops when the popover closes', async ({ page, server }) => {
  await page.goto(`${server.url}/article.html`);
  const inContentScript = await fakeVoices(page);
  const dialog = await openPopoverFor(page, 'PD-L1');
  const sayIt = dialog.getByRole('button', { name: 'Say it: PD-L1' });
  await expect(sayIt).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/popover-actions.png` });
  await sayIt.click();
  expect(await inContentScript('globalThis.__spoken')).toEqual(['say PD-L1 with Local English']);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await inContentScript('globalThis.__spoken')).toEqual(['say PD-L1 with Local English', 'cancel']);
});
