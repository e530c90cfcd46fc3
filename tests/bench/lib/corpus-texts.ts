/**
 * The visible text of every page in a corpora folder (real-pages/ and medical/), for the Node
 * benchmarks that time the matcher on real text without a browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlVisibleText } from '../../../glossary/cli/html-text';

export function corpusTexts(corpus: string): string[] {
  const out: string[] = [];
  for (const sub of ['real-pages', 'medical']) {
    const dir = join(corpus, sub);
    if (!existsSync(dir)) throw new Error(`no ${dir}: pass the corpora folder (holding real-pages/ and medical/)`);
    for (const f of readdirSync(dir).sort()) {
      const raw = readFileSync(join(dir, f), 'utf8');
      out.push(/\.html?$/i.test(f) ? htmlVisibleText(raw).text : raw);
    }
  }
  return out;
}
