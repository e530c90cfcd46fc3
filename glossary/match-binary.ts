/**
 * The matcher's data as one binary file (glossary/generated/match-data.bin, written by
 * `npm run glossary -- build`), which the content script fetches beside its reader instead of
 * bundling it as JavaScript source.
 *
 * Why: as source, the pack (match-pack.ts) was about 85 % of reader.js; before the reader could
 * run, the browser had to fetch and scan all of it (V8's background parse, slower still under
 * load), and the matcher then split the vocabulary into strings and built a Map of every key. Here
 * nothing is parsed: the file is a few typed arrays read in place. The vocabulary is a hash table
 * (open addressing, built at glossary build time over each key's UTF-16 code units), so looking a
 * word up needs no Map; strings are UTF-8 bytes, made into JavaScript strings only when one is
 * read (a key the spelling corrector proposes, a case form on an edge a walk reaches). The spelling
 * corrector's candidate buckets are pre-built too (fuzzy.ts reads them). The entries' ids, flags
 * and readings stay in the reader's bundle (small), and the names in reader-names.js.
 *
 * Layout: "TLM1", the directory's byte length (u32), the directory (JSON: each section's type,
 * byte offset and length, and a few counts), then the sections, each 4-byte aligned. Typed arrays
 * are little-endian, as every browser Termlight runs in is.
 *
 * Pure TypeScript, no DOM: the same code writes the file (Node, at build time) and reads it (page).
 */
import type { CompiledTrie, TrieSource, VocabularyTable } from './matcher';
import type { FuzzyTables } from './fuzzy';
import { FUZZY_MIN_LENGTH } from './fuzzy';
import { MIN_GLUE_PIECE } from './normalise';

const MAGIC = 0x314d4c54; // "TLM1", little-endian
const LETTERS = 26;
/** fuzzy.ts's bucket key for a first letter a–z and a length (capped at 63), made dense. */
export const FUZZY_BUCKETS = LETTERS * 64;
export const fuzzyBucket = (first: number, length: number): number => (first - 97) * 64 + Math.min(length, 63);

type Uint = Uint8Array | Uint16Array | Uint32Array;
type SectionType = 'u8' | 'u16' | 'u32';
interface Directory {
  sections: Record<string, { type: SectionType; offset: number; length: number }>;
  counts: Record<string, number>;
}

/** FNV-1a over a string's UTF-16 code units: the same in Node and in the page. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The smallest unsigned typed array that holds every value. */
function uint(values: ArrayLike<number>): Uint {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max < 0x100 ? Uint8Array.from(values) : max < 0x10000 ? Uint16Array.from(values) : Uint32Array.from(values);
}

const typeOf = (a: Uint): SectionType => (a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : 'u32');

/**
 * A list of strings as sections: UTF-8 bytes, where each starts, which are not ASCII (a handful),
 * and (`lookup`) a hash table of them: a power of two of slots, at least 1.25 per string, each the
 * string's position + 1 (0: empty), linear probing.
 */
function stringSections(name: string, list: readonly string[], lookup: boolean, out: Record<string, Uint>): void {
  const encoder = new TextEncoder();
  const parts = list.map((s) => encoder.encode(s));
  const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  out[`${name}.bytes`] = bytes;
  // Where each starts, the end last: stored, not summed from lengths at load (a cold loop over
  // 22,000 items costs milliseconds there).
  const starts = [0];
  for (const p of parts) starts.push(starts[starts.length - 1]! + p.length);
  out[`${name}.starts`] = uint(starts);
  out[`${name}.wide`] = uint(list.flatMap((s, i) => (parts[i]!.length === s.length ? [] : [i])));
  if (!lookup) return;
  if (new Set(list).size !== list.length) throw new Error(`match binary: ${name} has repeated strings`);
  let capacity = 16;
  while (capacity < 1.25 * list.length) capacity *= 2;
  const slots = new Uint32Array(capacity);
  list.forEach((s, id) => {
    let i = hashKey(s) & (capacity - 1);
    while (slots[i] !== 0) i = (i + 1) & (capacity - 1);
    slots[i] = id + 1;
  });
  out[`${name}.slots`] = uint(slots);
}

export interface MatchBinarySource {
  trie: CompiledTrie;
  /** The entries' ids in the pack's order: the trie names its entries by their positions there. */
  entryIds: readonly string[];
  exclusions: readonly string[];
}

/** The file's bytes (at glossary build time). */
export function encodeMatchBinary({ trie, entryIds, exclusions }: MatchBinarySource): Uint8Array {
  const sections: Record<string, Uint> = {};
  const position = new Map(entryIds.map((id, i) => [id, i]));
  stringSections('vocab', trie.vocabulary, true, sections);
  stringSections('exclusions', exclusions, true, sections);
  stringSections('caseForms', trie.caseForms, false, sections);
  sections['trie.words'] = uint(trie.words);
  sections['trie.ids'] = uint(
    trie.ids.map((id) => {
      const i = position.get(id);
      if (i === undefined) throw new Error(`match binary: the trie names ${id}, which match.json does not have`);
      return i;
    }),
  );
  // Where each node's edges start (edge e leads to node e + 1): stored, not summed at load.
  const edgeStarts = [0];
  for (const c of trie.edgeCounts) edgeStarts.push(edgeStarts[edgeStarts.length - 1]! + c);
  sections['trie.edgeStarts'] = uint(edgeStarts);
  sections['trie.nodeIds'] = uint(trie.nodeIds);
  sections['trie.edgeTokens'] = uint(trie.edgeTokens);
  sections['trie.formEdges'] = uint(trie.edgeForms.filter((_, i) => i % 2 === 0));
  sections['trie.forms'] = uint(trie.edgeForms.filter((_, i) => i % 2 === 1));
  // The spelling corrector's candidates (fuzzy.ts): long lower-case words in vocabulary order, and
  // per bucket (first letter, length) their numbers in that order.
  const candidates: number[] = [];
  trie.vocabulary.forEach((key, id) => {
    if (key.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(key)) candidates.push(id);
  });
  const byBucket: number[][] = Array.from({ length: FUZZY_BUCKETS }, () => []);
  candidates.forEach((id, n) => {
    const key = trie.vocabulary[id]!;
    byBucket[fuzzyBucket(key.charCodeAt(0), key.length)]!.push(n);
  });
  const bucketStarts = new Uint32Array(FUZZY_BUCKETS + 1);
  byBucket.forEach((b, i) => (bucketStarts[i + 1] = bucketStarts[i]! + b.length));
  sections['fuzzy.words'] = uint(candidates);
  sections['fuzzy.masks'] = Uint32Array.from(candidates, (id) => {
    let mask = 0;
    for (const c of trie.vocabulary[id]!) mask |= 1 << (c.charCodeAt(0) - 97);
    return mask >>> 0;
  });
  sections['fuzzy.bucketStarts'] = bucketStarts;
  sections['fuzzy.members'] = uint(byBucket.flat());
  // The words that text may split and glue back (matcher.ts's fragment pieces), sorted.
  const fragments = [...new Set(trie.words)]
    .filter((id) => trie.vocabulary[id]!.length >= 2 * MIN_GLUE_PIECE && /^[a-z]+$/.test(trie.vocabulary[id]!))
    .sort((a, b) => (trie.vocabulary[a]! < trie.vocabulary[b]! ? -1 : trie.vocabulary[a]! > trie.vocabulary[b]! ? 1 : 0));
  // One text (decoded and split at once when first needed), not a string made per word.
  sections['fragments.text'] = new TextEncoder().encode(fragments.map((id) => trie.vocabulary[id]!).join('\n'));
  // The root's edges by token (edge order within a token): found by binary search, no index made at load.
  const rootEnd = trie.edgeCounts[0] ?? 0;
  const rootEdges = Array.from({ length: rootEnd }, (_, e) => e).sort((a, b) => trie.edgeTokens[a]! - trie.edgeTokens[b]! || a - b);
  sections['trie.rootByToken'] = uint(rootEdges);

  const names = Object.keys(sections);
  const dir: Directory = { sections: {}, counts: { entries: trie.entries, aliases: trie.aliases, nodes: trie.nodeIds.length } };
  // Offsets depend on the directory's length, which depends on the offsets: lay out twice.
  let dataStart = 0;
  for (let pass = 0; pass < 3; pass++) {
    let offset = dataStart;
    for (const name of names) {
      const a = sections[name]!;
      dir.sections[name] = { type: typeOf(a), offset, length: a.length };
      offset += Math.ceil(a.byteLength / 4) * 4;
    }
    const head = 8 + Math.ceil(new TextEncoder().encode(JSON.stringify(dir)).length / 4) * 4;
    if (head === dataStart) break;
    dataStart = head;
  }
  const json = new TextEncoder().encode(JSON.stringify(dir));
  const last = dir.sections[names[names.length - 1]!]!;
  const total = last.offset + Math.ceil(sections[names[names.length - 1]!]!.byteLength / 4) * 4;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  if (8 + Math.ceil(json.length / 4) * 4 !== dir.sections[names[0]!]!.offset) throw new Error('match binary: layout did not settle');
  for (const name of names) {
    const a = sections[name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dir.sections[name]!.offset);
  }
  return out;
}

const decoder = new TextDecoder();

/** The first i in [0, length) for which below(i) is false (below is true, then false, along the range). */
function lowerBound(length: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A list of strings read in place: string i is made on first read. */
class StringList {
  private readonly made: (string | undefined)[];
  readonly size: number;
  private readonly ascii: Uint8Array;
  constructor(
    readonly bytes: Uint8Array,
    readonly starts: Uint,
    wide: Uint,
    private readonly slots: Uint | null,
  ) {
    this.size = starts.length - 1;
    this.ascii = new Uint8Array(this.size).fill(1);
    for (let i = 0; i < wide.length; i++) this.ascii[wide[i]!] = 0;
    this.made = new Array(this.size);
  }

  at(i: number): string {
    let s = this.made[i];
    if (s === undefined) {
      const sub = this.bytes.subarray(this.starts[i]!, this.starts[i + 1]!);
      s = this.ascii[i] ? String.fromCharCode.apply(null, sub as unknown as number[]) : decoder.decode(sub);
      this.made[i] = s;
    }
    return s;
  }

  /** Whether string i is `key`, without making it when it is ASCII. */
  private is(i: number, key: string): boolean {
    if (!this.ascii[i]) return this.at(i) === key;
    const from = this.starts[i]!;
    if (this.starts[i + 1]! - from !== key.length) return false;
    const bytes = this.bytes;
    for (let k = 0; k < key.length; k++) if (bytes[from + k] !== key.charCodeAt(k)) return false;
    return true;
  }

  /** The position of `key`, or -1. */
  find(key: string): number {
    const slots = this.slots!;
    const mask = slots.length - 1;
    for (let i = hashKey(key) & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      if (this.is(slot - 1, key)) return slot - 1;
    }
  }

}

export interface MatchBinary {
  /** The trie for createMatcher (entry ids as `entryIds` names them). */
  trie(entryIds: readonly string[]): TrieSource;
  vocabulary: VocabularyTable;
  isExcluded(key: string): boolean;
  exclusions(): string[];
}

/** Reads the file in place (a page's first marks wait for this: it copies nothing). */
export function readMatchBinary(buffer: ArrayBuffer): MatchBinary {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('match binary: not a Termlight match file');
  const dir = JSON.parse(decoder.decode(new Uint8Array(buffer, 8, view.getUint32(4, true)))) as Directory;
  const section = (name: string): Uint => {
    const s = dir.sections[name];
    if (!s) throw new Error(`match binary: no section ${name}`);
    const T = s.type === 'u8' ? Uint8Array : s.type === 'u16' ? Uint16Array : Uint32Array;
    return new T(buffer, s.offset, s.length);
  };
  const strings = (name: string, lookup: boolean) =>
    new StringList(section(`${name}.bytes`) as Uint8Array, section(`${name}.starts`), section(`${name}.wide`), lookup ? section(`${name}.slots`) : null);
  const vocab = strings('vocab', true);
  const exclusions = strings('exclusions', true);
  const vocabulary: VocabularyTable = {
    size: vocab.size,
    find: (key) => vocab.find(key),
    key: (id) => vocab.at(id),
    fuzzy: () => fuzzyTables(),
    fragmentWords: () => {
      const text = decoder.decode(section('fragments.text'));
      return text === '' ? [] : text.split('\n');
    },
  };
  const fuzzyTables = (): FuzzyTables => {
    const words = section('fuzzy.words');
    const bucketStarts = section('fuzzy.bucketStarts');
    const members = section('fuzzy.members');
    return {
      count: words.length,
      bucket(first, length) {
        if (first < 97 || first > 122) return undefined;
        const b = fuzzyBucket(first, length);
        const from = bucketStarts[b]!;
        const to = bucketStarts[b + 1]!;
        return from === to ? undefined : members.subarray(from, to);
      },
      word: (n) => vocab.at(words[n]!),
      masks: section('fuzzy.masks'),
      bytes: vocab.bytes,
      starts: vocab.starts,
      index: words,
      isExcluded: (key) => exclusions.find(key) >= 0,
    };
  };
  return {
    vocabulary,
    isExcluded: (key) => exclusions.find(key) >= 0,
    exclusions: () => Array.from({ length: exclusions.size }, (_, i) => exclusions.at(i)),
    trie(entryIds) {
      const starts = section('trie.edgeStarts');
      const nodeIds = section('trie.nodeIds');
      const tokens = section('trie.edgeTokens');
      const formEdges = section('trie.formEdges');
      const forms = section('trie.forms');
      const caseForms = strings('caseForms', false);
      const rootByToken = section('trie.rootByToken');
      return {
        vocabulary,
        words: section('trie.words'),
        ids: Array.from(section('trie.ids'), (i) => entryIds[i]!),
        edgeStart: (n) => starts[n]!,
        nodeId: (n) => nodeIds[n]!,
        edgeToken: (e) => tokens[e]!,
        rootEdges(token) {
          const lo = lowerBound(rootByToken.length, (i) => tokens[rootByToken[i]!]! < token);
          let end = lo;
          while (end < rootByToken.length && tokens[rootByToken[end]!] === token) end++;
          return end === lo ? undefined : rootByToken.subarray(lo, end);
        },
        edgeForms: {
          // The acronym edges, in edge order: found by binary search.
          get(edge: number): string | undefined {
            const lo = lowerBound(formEdges.length, (i) => formEdges[i]! < edge);
            return lo < formEdges.length && formEdges[lo] === edge ? caseForms.at(forms[lo]!) : undefined;
          },
        },
      };
    },
  };
}
