// Session-8 patient-use screenshots (not part of the test suite; deleted after use).
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from './bench/lib/corpus';
import { extensionLaunchArgs } from './support/paths';

const wanted = [
  { id: 'medical/nci__about-cancer-treatment-drugs-pembrolizumab.html', word: 'pembrolizumab', out: 'drug' },
  { id: 'medical/nci__types-cervical-treatment.html', word: 'radical hysterectomy', out: 'procedure' },
  { id: 'medical/nci__types-cervical-survival.html', word: 'relative survival', out: 'statistic' },
  { id: 'medical/carreview__car-t-review-manuscript.html', word: 'MHC', out: 'taught' },
];
const { pages } = loadCorpus('/work/shared/corpora');
const byPath = new Map(pages.map((p) => ['/' + p.id, p]));
const server = createServer((req, res) => {
  const p = byPath.get(req.url ?? '');
  if (!p) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(p.html());
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tl-shots-')), {
  executablePath: '/usr/bin/chromium', headless: true, args: extensionLaunchArgs(), viewport: { width: 1100, height: 800 },
});
for (const w of wanted) {
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/${w.id}`);
  await page.waitForTimeout(2500);
  const point = await page.evaluate((word) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(word);
      if (i < 0) continue;
      if (word === 'MHC' && count++ < 2) continue; // a use after the page spelled it out
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, w.word);
  if (!point) { console.log('not found', w.word); continue; }
  await page.waitForTimeout(800);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/work/shots/s8/${w.out}.png` });
  console.log('shot', w.out);
  await page.close();
}
await ctx.close();
server.close();
