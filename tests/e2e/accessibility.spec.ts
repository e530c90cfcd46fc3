/**
 * Automated accessibility checks (axe-core) of what Termlight shows: the popup, the options page, and
 * the popover (scoped to our UI host (a div): axe walks open shadow roots, and the page around it
 * is not ours to judge), in light and dark colour schemes. axe finds only part of what matters; the
 * keyboard and screen-reader behaviour is tested in keyboard.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { UI_TAG, hoverTerm, popover, waitForFullScan } from './pages/termlight-page';

type Scheme = 'light' | 'dark';

/**
 * Violations as short readable lines: rule, impact, and the elements involved. Fails if axe checked no
 * button at all (so a scope that matched nothing, or a shadow root axe could not enter, cannot pass).
 */
async function violations(builder: AxeBuilder): Promise<string[]> {
  const results = await builder.analyze();
  expect(results.passes.map((p) => p.id), 'axe checked buttons').toContain('button-name');
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

function runCommand(serviceWorker: Worker, tabId: number): Promise<boolean> {
  return serviceWorker.evaluate(
    (id) =>
      (globalThis as unknown as { termlightRunCommand: (c: string, tab?: { id: number }) => Promise<boolean> }).termlightRunCommand(
        'explain-selection',
        { id },
      ),
    tabId,
  );
}

for (const scheme of ['light', 'dark'] as Scheme[]) {
  test.describe(`${scheme} colour scheme`, () => {
    // axe walks every element and computes contrast for each: on a busy 2-core machine one run can take
    // several seconds. No test here measures speed.
    test.describe.configure({ timeout: 90_000 });

    test('the popup has no axe violations', async ({ tabs, server }) => {
      const article = await tabs.open(`${server.url}/article.html`);
      await waitForFullScan(article.page);
      const popup = await tabs.popup(article.tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect(popup.getByRole('region', { name: 'On this page' }).getByRole('button').first()).toBeVisible();
      expect(await violations(new AxeBuilder({ page: popup }))).toEqual([]);
    });

    test('the options page has no axe violations', async ({ page, extensionId }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByRole('radio', { name: /Dotted line/ })).toBeChecked();
      expect(await violations(new AxeBuilder({ page }))).toEqual([]);
    });

    test('the welcome page has no axe violations, also with its example card open', async ({ page, extensionId }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/welcome.html`);
      await waitForFullScan(page);
      expect(await violations(new AxeBuilder({ page })), 'the page').toEqual([]);
      await page.getByRole('button', { name: 'Explain the first word' }).click();
      await expect(popover(page)).toBeVisible();
      expect(await violations(new AxeBuilder({ page })), 'with the card open').toEqual([]);
    });

    /** The keyboard page with the colour scheme set and the scan done, and a check of the open popover. */
    const openPage = async (tabs: { open(url: string): Promise<{ page: Page; tabId: number }> }, url: string) => {
      const tab = await tabs.open(`${url}/keyboard.html`);
      await tab.page.emulateMedia({ colorScheme: scheme });
      await waitForFullScan(tab.page);
      const check = async (what: string) => {
        await expect(popover(tab.page)).toBeVisible();
        expect(await violations(new AxeBuilder({ page: tab.page }).include(UI_TAG)), what).toEqual([]);
      };
      return { ...tab, check };
    };

    test('the popover has no axe violations, hovered and pinned', async ({ tabs, server }) => {
      const { page, check } = await openPage(tabs, server.url);
      await hoverTerm(page, 'PD-L1');
      await check('hovered');
      await popover(page).getByRole('button', { name: 'Keep open' }).click();
      await check('pinned');
    });

    test('the popover has no axe violations, opened from the keyboard and as the "not a term" notice', async ({
      tabs,
      server,
      serviceWorker,
    }) => {
      const { page, tabId, check } = await openPage(tabs, server.url);
      await page.evaluate(() => getSelection()?.removeAllRanges());
      await runCommand(serviceWorker, tabId);
      await check('from the keyboard');
      await page.keyboard.press('Escape');

      await page.evaluate(() => {
        const text = document.querySelector('#plain')!.firstChild!;
        getSelection()!.setBaseAndExtent(text, 21, text, 29); // "notebook"
      });
      await runCommand(serviceWorker, tabId);
      await expect(popover(page)).toHaveAccessibleName('No explanation for this');
      await check('notice');
    });
  });
}
