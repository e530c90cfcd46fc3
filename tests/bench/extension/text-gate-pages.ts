/**
 * `npx tsx tests/bench/extension/text-gate-pages.ts DIR…`: on how many pages the content script's first stage
 * would load the reader because of the page's text (scan/text-gate.ts, glossary/start-filter.ts), and on how many
 * of those the start filter's false "yes" is why. Each HTML file's readable text nodes (the CLI's happy-dom read,
 * glossary/cli/html-text.ts: the content script's walker and skip rules) go through the text test two ways:
 * with the anchors themselves (an exact set: "yes" only where an anchor, a glued pair, a code or a defined
 * abbreviation is) and with the shipped filter. A page whose exact test says "no" but whose filter says "yes"
 * loads the reader for nothing: the cost a looser filter would add (session 25: 109 of 130 real pages say
 * "maybe" by a real anchor, none by a false "yes"). The page's shadow roots and later changes (which the first
 * stage also reads) are not seen here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlVisibleText } from '../../../glossary/cli/html-text';
import { createStartFilter, textTest, type StartFilter, type StartFilterData } from '../../../glossary/start-filter';
import { anchorKeys } from '../../../glossary/build/start-filter';
import { type CompiledTrie } from '../../../glossary/matcher';
import shippedTrie from '../../../glossary/generated/match-trie.json';
import shipped from '../../../glossary/generated/start-filter.json';

function htmlFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.html') ? [path] : [];
  return readdirSync(path).sort().flatMap((name) => htmlFiles(join(path, name)));
}

function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    process.stderr.write('usage: text-gate-pages.ts DIR…\n');
    process.exit(2);
  }
  const trie = shippedTrie as CompiledTrie;
  const anchors = new Set(anchorKeys(trie));
  const gates: Array<{ name: string; make: () => StartFilter }> = [
    { name: 'exact', make: () => textTest((key) => anchors.has(key)) },
    { name: 'shipped', make: () => createStartFilter(shipped as StartFilterData) },
  ];
  const files = dirs.flatMap(htmlFiles);
  const yes = gates.map(() => 0);
  const falseYes = gates.map(() => [] as string[]);
  for (const file of files) {
    const texts = htmlVisibleText(readFileSync(file, 'utf8')).segments.map((s) => s.text);
    // A fresh test per page, as each page load has its own.
    const answers = gates.map((g) => {
      const test = g.make();
      return texts.some((t) => test.mayHoldTerm(t));
    });
    answers.forEach((a, i) => {
      if (a) yes[i]!++;
      if (a && !answers[0]) falseYes[i]!.push(file);
    });
  }
  console.log(`${files.length} pages`);
  gates.forEach((g, i) => console.log(`  ${g.name}: "maybe" on ${yes[i]} pages, ${falseYes[i]!.length} of them only by a false "yes"${falseYes[i]!.length ? `: ${falseYes[i]!.map((f) => f.split('/').pop()).join(', ')}` : ''}`));
}

main();
