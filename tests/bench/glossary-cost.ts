/**
 * `npm run bench:glossary [-- CORPUS_DIR]`: what the grown glossary costs, against the 44-entry
 * glossary it replaced (kept in tests/bench/fixtures/), in one run so the ratios share a machine
 * and a load:
 *
 * - size: the built content script (gzipped; run `npm run build` first) and the match data it
 *   bundles, now and at 44 entries;
 * - matcher build: createMatcher with spelling correction, as each page load does (median of 15);
 * - pass: matcher.find over the visible text of every corpus page (real-pages/ and medical/),
 *   rounds interleaved, median of 5 per glossary; and the 10,000-term growth check (synthetic
 *   terms added to the real glossary) against the real glossary alone.
 *
 * Node's V8 runs the same matcher code the content script ships; page-load costs in the browser
 * are measured by `npm run bench:extension`. Prints a table; never fails on a target.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createMatcher, type MatchableEntry } from '../../glossary/matcher';
import { matchData } from '../../glossary/match-data';
import exclusions from '../../glossary/generated/fuzzy-exclusions.json';
import old44 from './fixtures/match-44-entries.json';
import oldExclusions from './fixtures/fuzzy-exclusions-44-entries.json';
import { corpusTexts } from './lib/corpus-texts';
import { EXTENSION_DIR, ROOT } from '../support/paths';
import { syntheticEntries } from './page/synthetic-terms';

const corpus = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'corpora'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;


function main(): void {
  const pages = corpusTexts(corpus);
  const chars = pages.reduce((n, t) => n + t.length, 0);
  const glossaries: { name: string; entries: MatchableEntry[]; exclusions: string[] }[] = [
    { name: `full (${matchData.entries.length} entries)`, entries: matchData.entries, exclusions: exclusions as string[] },
    { name: `44 entries`, entries: (old44 as { entries: MatchableEntry[] }).entries, exclusions: oldExclusions as string[] },
    { name: `full + 10,000 synthetic`, entries: [...matchData.entries, ...syntheticEntries(10_000)], exclusions: exclusions as string[] },
  ];

  // Size.
  const contentJs = join(EXTENSION_DIR, 'content-scripts', 'content.js');
  const matchJson = readFileSync(join(ROOT, 'glossary', 'generated', 'match.json'));
  const old44Json = readFileSync(join(ROOT, 'tests', 'bench', 'fixtures', 'match-44-entries.json'));
  console.log(`Glossary cost: ${pages.length} corpus pages, ${(chars / 1e6).toFixed(1)} M characters (${corpus})`);
  console.log('');
  if (existsSync(contentJs)) {
    const js = readFileSync(contentJs);
    console.log(`content script (built): ${kb(js.length)} raw, ${kb(gzipSync(js).length)} gzipped`);
  } else console.log('content script: not built (run npm run build first)');
  console.log(`match data it bundles: ${kb(matchJson.length)} raw, ${kb(gzipSync(matchJson).length)} gzipped (44 entries: ${kb(old44Json.length)}, ${kb(gzipSync(old44Json).length)})`);

  // Matcher build, interleaved.
  const builds = glossaries.map(() => [] as number[]);
  for (let round = 0; round < 15; round++) {
    glossaries.forEach((g, i) => {
      const t0 = performance.now();
      createMatcher(g.entries, { fuzzy: true, fuzzyExclusions: g.exclusions });
      builds[i]!.push(performance.now() - t0);
    });
  }

  // Pass over every page, interleaved (a fresh matcher each round: caches start cold, as on a page load).
  const passes = glossaries.map(() => [] as number[]);
  const found = glossaries.map(() => 0);
  for (let round = 0; round < 5; round++) {
    glossaries.forEach((g, i) => {
      const matcher = createMatcher(g.entries, { fuzzy: true, fuzzyExclusions: g.exclusions });
      let n = 0;
      const t0 = performance.now();
      for (const text of pages) n += matcher.find(text).length;
      passes[i]!.push(performance.now() - t0);
      found[i] = n;
    });
  }
  console.log('');
  console.log(`${'glossary'.padEnd(28)} ${'build ms'.padStart(9)} ${'pass ms'.padStart(9)} ${'matches'.padStart(8)}  pass vs full`);
  const full = median(passes[0]!);
  glossaries.forEach((g, i) => {
    const p = median(passes[i]!);
    console.log(`${g.name.padEnd(28)} ${median(builds[i]!).toFixed(2).padStart(9)} ${p.toFixed(0).padStart(9)} ${String(found[i]).padStart(8)}  ${(p / full).toFixed(2)}×`);
  });
  console.log('');
  console.log(`full / 44 entries (pass): ${(full / median(passes[1]!)).toFixed(2)}×; 10,000 more terms / full: ${(median(passes[2]!) / full).toFixed(2)}× (target ≤ 1.25×)`);
}

main();
