/**
 * `npx tsx tests/demo/real-page-cards.ts CORPUS_DIR '[["page.md","word","out.png"], …]'`: loads the built
 * extension in headless Chromium, opens real patient pages from CORPUS_DIR/medical (Markdown rendered as
 * simple HTML, as the bench does), points at a word as a reader would and saves a screenshot of the card.
 * Made tests/screenshots/real-pages/ (a drug, a procedure and a statistic on NCI pages).
 */
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownPage } from '../bench/lib/corpus';
import { extensionLaunchArgs, assertChromium } from '../support/paths';
import { closeWelcomeTabs } from '../support/welcome-tab';
const corpus = process.argv[2]!;
const shots: [string, string, string][] = JSON.parse(process.argv[3]!); // [file, word, out]
const server = createServer((req, res) => {
  const f = decodeURIComponent(req.url!.slice(1));
  const md = readFileSync(join(corpus, 'medical', f), 'utf8');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(markdownPage(md, f));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tl-shots-')), {
  executablePath: assertChromium(), headless: true, args: extensionLaunchArgs(), viewport: { width: 1100, height: 800 },
});
closeWelcomeTabs(ctx);
for (const [file, word, out] of shots) {
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/${encodeURIComponent(file)}`);
  await page.waitForTimeout(2500);
  const box = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(w);
      if (i >= 0) {
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + w.length);
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const b = r.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return null;
  }, word);
  if (!box) { console.log('not found', word); continue; }
  await page.waitForTimeout(500);
  const b2 = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { const i = n.textContent!.indexOf(w); if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + w.length); const b = r.getClientRects()[0]!; return { x: b.x + Math.min(b.width / 2, 20), y: b.y + b.height / 2 }; } }
    return null;
  }, word);
  await page.mouse.move(b2!.x - 3, b2!.y); await page.waitForTimeout(200); await page.mouse.move(b2!.x, b2!.y);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log('wrote', out);
  await page.close();
}
await ctx.close(); server.close();
