/**
 * Builds glossary/generated/start-filter.json (see glossary/start-filter.ts): one anchor key per
 * path of the pre-built trie, in a Bloom filter. Node-free and pure; run by the glossary build.
 */
import { AFTER_DASH } from '../code-names';
import { isMarks, type CompiledTrie } from '../matcher';
import { bloomBytes, type StartFilterData } from '../start-filter';

/** Filter bits per anchor: about one false "yes" in 15,000 tokens (14 hashes). */
const BITS_PER_KEY = 20;
const HASHES = 14;

/**
 * Words too common to tell a page anything: a path is anchored on another of its words
 * whenever it has one ("E6 and E7" on "e6", not "and"; "opening your bowels" on "bowel", not
 * "opening", which every page of opening hours has; "being sick" on "sick").
 */
const FUNCTION_WORDS = new Set(
  (
    'a an and are as at be but by for from had has have in into is it its no nor not of off on or so than that the their this to too up was were which while who will with without ' +
    'you your our my her his them they we after before about over under through other more most some any all each every when where what how can may should would could does did been being get gets got make made take taken opening nothing something anything everything ' +
    // Common words of time and visits: "out-of-hours care" and "PCP visit" anchored on them, so pages
    // with opening hours or a visit loaded the reader.
    'hour hours visit visits day days week weeks time times'
  ).split(' '),
);

/**
 * Every key sequence that leads from the trie's root to a node that ends a term (each alias in
 * each of its glued spellings), as vocabulary ids.
 *
 * Not the spellings that split a code after a dash ("CD" "-19", glossary/code-names.ts): each has
 * a twin that glues those pieces ("CD19"), and the filter glues dash-joined tokens back, so the
 * twin's anchor answers for both. Their own anchors would be pieces such as "cd" or "19", which
 * pages are full of.
 */
function trieKeyPaths(trie: CompiledTrie): number[][] {
  const firstEdge: number[] = [0];
  for (let n = 1; n < trie.edgeCounts.length; n++) firstEdge[n] = firstEdge[n - 1]! + trie.edgeCounts[n - 1]!;
  const afterDash = new Set<number>();
  for (let i = 0; i < trie.edgeForms.length; i += 2) if (trie.caseForms[trie.edgeForms[i + 1]!]!.startsWith(AFTER_DASH)) afterDash.add(trie.edgeForms[i]!);
  const paths: number[][] = [];
  const stack: Array<{ node: number; path: number[] }> = [{ node: 0, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (trie.nodeIds[node] !== 0 && path.length > 0) paths.push(path);
    for (let e = firstEdge[node]!, end = e + trie.edgeCounts[node]!; e < end; e++) {
      if (!afterDash.has(e)) stack.push({ node: e + 1, path: [...path, trie.edgeTokens[e]!] });
    }
  }
  return paths;
}

/**
 * One key per trie path that the path cannot match without: its longest word that is not a
 * function word (long words are the rare ones). A glued spelling ("stageiv cervical cancer")
 * reuses an anchor its words already have, so the filter does not fill with glued forms.
 */
export function anchorKeys(trie: CompiledTrie): string[] {
  const words = new Set(trie.words);
  const paths = trieKeyPaths(trie).map((ids) => ({ keys: ids.map((id) => trie.vocabulary[id]!), asWritten: ids.every((id) => words.has(id)) }));
  const anchors = new Set<string>();
  const pick = (keys: string[]) => {
    // Marks between words ("&" in "A&E") are trie keys too, but the filter reads only words.
    const words = keys.filter((k) => !isMarks(k));
    const content = words.filter((k) => !FUNCTION_WORDS.has(k));
    const from = content.length > 0 ? content : words.length > 0 ? words : keys;
    return from.reduce((best, k) => (k.length > best.length ? k : best));
  };
  for (const p of paths) if (p.asWritten) anchors.add(pick(p.keys));
  for (const p of paths) if (!p.asWritten && !p.keys.some((k) => anchors.has(k))) anchors.add(pick(p.keys));
  return [...anchors].sort();
}

/** start-filter.json's data for the trie built from match.json. */
export function buildStartFilter(trie: CompiledTrie): StartFilterData {
  const keys = anchorKeys(trie);
  const bits = Math.max(64, keys.length * BITS_PER_KEY);
  const bytes = bloomBytes(keys, bits, HASHES);
  return { entries: trie.entries, aliases: trie.aliases, anchors: keys.length, bits, hashes: HASHES, filter: Buffer.from(bytes).toString('base64') };
}
