/**
 * `npx tsx tests/bench/matcher-ab.ts [CORPUS_DIR] [--base=REV] [--rounds=N]`: matcher.find on this
 * checkout against the matcher of another git revision (default: where this branch left main), in
 * one process, rounds interleaved (A B, B A, …) so both share the machine's load.
 *
 * Pages are fed the way the content script feeds them: one text node at a time (the visible text of
 * every corpus page, split at the newlines that join its text nodes), so the cost a find() call pays
 * per node (allocations before any term is matched) shows. Both matchers load the shipped trie
 * (glossary/generated/match-trie.json) with spelling correction on; this checkout's also gets the
 * build-time readings (NO_READINGS=1 leaves them out, to tell their cost from the rest). Prints the
 * median pass of each and their ratio; never fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as current from '../../glossary/matcher';
import { matchData } from '../../glossary/match-data';
import exclusions from '../../glossary/generated/fuzzy-exclusions.json';
import trie from '../../glossary/generated/match-trie.json';
import { corpusTexts } from './lib/corpus-texts';
import { ROOT } from '../support/paths';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, '..', 'shared', 'corpora'));
const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
const base = git('rev-parse', flag('base') ?? git('merge-base', 'HEAD', 'main'));
const rounds = Number(flag('rounds') ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The glossary's shipped modules as they were at `rev`, written to a temp folder; its matcher module. */
async function matcherAt(rev: string): Promise<typeof current> {
  const dir = join(tmpdir(), `termlight-matcher-${rev.slice(0, 12)}`, 'glossary');
  mkdirSync(dir, { recursive: true });
  for (const path of git('ls-tree', '--name-only', rev, 'glossary/').split('\n')) {
    if (path.endsWith('.ts')) writeFileSync(join(dir, path.slice('glossary/'.length)), git('show', `${rev}:${path}`) + '\n');
  }
  return (await import(pathToFileURL(join(dir, 'matcher.ts')).href)) as typeof current;
}

/** The corpus's text split at line ends, roughly the text nodes a page has. */
function textNodes(): string[] {
  return corpusTexts(corpus).flatMap((text) => text.split('\n').filter((node) => node.trim() !== ''));
}

async function main(): Promise<void> {
  const nodes = textNodes();
  const before = await matcherAt(base);
  const options = { fuzzy: true, fuzzyExclusions: exclusions as string[] };
  const sides = [
    { name: `before (${base.slice(0, 8)})`, make: () => before.createMatcher([], options, trie as current.CompiledTrie) },
    { name: 'after (this checkout)', make: () => current.createMatcher([], { ...options, readings: process.env.NO_READINGS ? undefined : matchData.readings }, trie as current.CompiledTrie) },
  ];
  // Warm caches and the JIT once per side; then interleave.
  const matchers = sides.map((s) => s.make());
  for (const m of matchers) for (const t of nodes) m.find(t);
  const times = sides.map(() => [] as number[]);
  const found = sides.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const m = matchers[i]!;
      let n = 0;
      const t0 = performance.now();
      for (const t of nodes) n += m.find(t).length;
      times[i]!.push(performance.now() - t0);
      found[i] = n;
    }
  }
  console.log(`matcher.find A/B: ${nodes.length} text nodes from ${corpus}, ${rounds} interleaved rounds (warm caches)`);
  sides.forEach((s, i) => console.log(`${s.name.padEnd(28)} median ${median(times[i]!).toFixed(1).padStart(7)} ms   ${String(found[i]).padStart(6)} matches`));
  console.log(`after / before: ${(median(times[1]!) / median(times[0]!)).toFixed(3)}×`);
}

void main();
