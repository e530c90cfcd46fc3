/**
 * The privacy policy inside the extension: reached from the options page footer, it shows PRIVACY.md
 * itself (the same text, section by section), reads well to axe in light and dark, and leads back.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyBlocks } from '../../entrypoints/privacy-policy/policy-blocks';
import { ROOT } from '../support/paths';
import { test, expect } from './fixtures';

const blocks = policyBlocks(readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8'));
const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

test('the options page links to the privacy policy, which is PRIVACY.md, and back', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy policy' }).click();
  await expect(page).toHaveURL(`chrome-extension://${extensionId}/privacy-policy.html`);
  await expect(page).toHaveTitle('Termlight privacy policy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Termlight privacy policy');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(headings);
  // Every paragraph of the file, word for word.
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  await expect(page.getByRole('main').locator('p')).toHaveText(paragraphs);

  await page.getByRole('link', { name: 'Back to My terms and settings' }).click();
  await expect(page).toHaveURL(`chrome-extension://${extensionId}/options.html`);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the privacy policy page has no axe violations (${scheme})`, async ({ page, extensionId }) => {
    test.setTimeout(90_000); // axe on a busy 2-core machine; nothing here measures speed
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${extensionId}/privacy-policy.html`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.passes.map((p) => p.id), 'axe checked contrast and links').toEqual(
      expect.arrayContaining(['color-contrast', 'link-name']),
    );
    expect(results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
