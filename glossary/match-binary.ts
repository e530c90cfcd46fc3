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
 * Two files: match-data.bin, what exact matching needs (the vocabulary, the trie, the fragment words),
 * and match-spelling.bin, the spelling corrector's tables and the words it never corrects (about a
 * fifth of the bytes), which the reader asks for once the first has come: a page's first marks wait
 * for the first file only (they are matched exactly, and matched again with correction when the
 * second is in: terms/document-scanner.ts).
 *
 * Layout of each: "TLM2", the directory's byte length (u32), the directory (JSON: each section's type,
 * byte offset and length, and a few counts), then the sections, each 4-byte aligned. Typed arrays
 * are little-endian, as every browser Termlight runs in is. The first file's bytes are on the way to
 * a page's first marks (its arrival grows with its size), so it is kept compact: lists that only grow
 * (where strings and a node's edges start, the acronym edges) are 16-bit with the few places their
 * high half steps up listed (`monotonic`), hash tables have 1.25 slots a key, not a power of two,
 * and the fragment words are vocabulary ids.
 *
 * Pure TypeScript, no DOM: the same code writes the file (Node, at build time) and reads it (page).
 */
import type { CompiledTrie, TrieSource, VocabularyTable } from './matcher';
import type { FuzzyTables } from './fuzzy';
import { FUZZY_BUCKETS, FUZZY_MIN_LENGTH, fuzzyBucket } from './fuzzy';
import { MIN_GLUE_PIECE } from './normalise';

const MAGIC = 0x324d4c54; // "TLM2", little-endian

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
 * A list that never goes down, as sections `name.low` (each value's low 16 bits) and `name.steps` (per
 * multiple of 65,536 passed, the first place at or past it): value i is low[i] + 65,536 × the steps at
 * or before i. Half the bytes of 32-bit values, and read with a compare or two (`monotonic` below).
 */
function monotonicSections(name: string, values: ArrayLike<number>, out: Record<string, Uint>): void {
  const low = new Array<number>(values.length);
  const steps: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0 && v < values[i - 1]!) throw new Error(`match binary: ${name} goes down at ${i}`);
    while (v >= (steps.length + 1) * 0x10000) steps.push(i);
    low[i] = v & 0xffff;
  }
  out[`${name}.low`] = uint(low);
  out[`${name}.steps`] = Uint32Array.from(steps);
}

/** Slot count of a hash table of n keys: at least 1.25 a key (not a power of two: see `slotOf`). */
const capacityFor = (n: number) => Math.max(16, Math.ceil(1.25 * n));

/** A key's first slot in a table of `capacity` slots (linear probing from there, wrapping to 0). */
const slotOf = (key: string, capacity: number) => hashKey(key) % capacity;

/**
 * A list of strings as sections: UTF-8 bytes, where each starts (`monotonic`), which are not ASCII
 * (a handful), and (`lookup`) a hash table of them: at least 1.25 slots per string, each the
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
  monotonicSections(`${name}.starts`, starts, out);
  out[`${name}.wide`] = uint(list.flatMap((s, i) => (parts[i]!.length === s.length ? [] : [i])));
  if (!lookup) return;
  if (new Set(list).size !== list.length) throw new Error(`match binary: ${name} has repeated strings`);
  const capacity = capacityFor(list.length);
  const slots = new Uint32Array(capacity);
  list.forEach((s, id) => {
    let i = slotOf(s, capacity);
    while (slots[i] !== 0) i = i + 1 === capacity ? 0 : i + 1;
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

/** The two files' bytes (see the top of this file). */
export interface MatchFiles {
  data: Uint8Array;
  spelling: Uint8Array;
}

/** The two files' bytes (at glossary build time). */
export function encodeMatchFiles({ trie, entryIds, exclusions }: MatchBinarySource): MatchFiles {
  const sections: Record<string, Uint> = {};
  const position = new Map(entryIds.map((id, i) => [id, i]));
  stringSections('vocab', trie.vocabulary, true, sections);
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
  monotonicSections('trie.edgeStarts', edgeStarts, sections);
  sections['trie.nodeIds'] = uint(trie.nodeIds);
  sections['trie.edgeTokens'] = uint(trie.edgeTokens);
  monotonicSections('trie.formEdges', trie.edgeForms.filter((_, i) => i % 2 === 0), sections);
  sections['trie.forms'] = uint(trie.edgeForms.filter((_, i) => i % 2 === 1));
  // The words that text may split and glue back (matcher.ts's fragment pieces), sorted.
  const fragments = [...new Set(trie.words)]
    .filter((id) => trie.vocabulary[id]!.length >= 2 * MIN_GLUE_PIECE && /^[a-z]+$/.test(trie.vocabulary[id]!))
    .sort((a, b) => (trie.vocabulary[a]! < trie.vocabulary[b]! ? -1 : trie.vocabulary[a]! > trie.vocabulary[b]! ? 1 : 0));
  // As vocabulary ids (the strings are in the vocabulary already): made into strings when first needed.
  sections['fragments.ids'] = uint(fragments);
  // The root's edges by token (edge order within a token): found by binary search, no index made at load.
  const rootEnd = trie.edgeCounts[0] ?? 0;
  const rootEdges = Array.from({ length: rootEnd }, (_, e) => e).sort((a, b) => trie.edgeTokens[a]! - trie.edgeTokens[b]! || a - b);
  sections['trie.rootByToken'] = uint(rootEdges);

  // The spelling corrector's candidates (fuzzy.ts): the long lower-case words, numbered by bucket
  // (first letter, length) and in vocabulary order within one, so a bucket is a range of numbers.
  const spelling: Record<string, Uint> = {};
  const bucketOf = (id: number) => fuzzyBucket(trie.vocabulary[id]!.charCodeAt(0), trie.vocabulary[id]!.length);
  const candidates: number[] = [];
  trie.vocabulary.forEach((key, id) => {
    if (key.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(key)) candidates.push(id);
  });
  candidates.sort((a, b) => bucketOf(a) - bucketOf(b) || a - b);
  const bucketStarts = new Uint32Array(FUZZY_BUCKETS + 1);
  for (const id of candidates) bucketStarts[bucketOf(id) + 1]!++;
  for (let i = 0; i < FUZZY_BUCKETS; i++) bucketStarts[i + 1]! += bucketStarts[i]!;
  spelling['fuzzy.words'] = uint(candidates);
  spelling['fuzzy.masks'] = Uint32Array.from(candidates, (id) => {
    let mask = 0;
    for (const c of trie.vocabulary[id]!) mask |= 1 << (c.charCodeAt(0) - 97);
    return mask >>> 0;
  });
  spelling['fuzzy.bucketStarts'] = bucketStarts;
  stringSections('exclusions', exclusions, true, spelling);
  return {
    data: fileOf(sections, { entries: trie.entries, aliases: trie.aliases, nodes: trie.nodeIds.length }),
    spelling: fileOf(spelling, { words: trie.vocabulary.length }),
  };
}

/** One file of `sections` (a directory, then each section 4-byte aligned). */
function fileOf(sections: Record<string, Uint>, counts: Record<string, number>): Uint8Array {
  const names = Object.keys(sections);
  const dir: Directory = { sections: {}, counts };
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

/** Value i of a `monotonicSections` list. */
type Monotonic = (i: number) => number;

function monotonic(low: Uint, steps: Uint): Monotonic {
  if (steps.length === 0) return (i) => low[i]!;
  if (steps.length === 1) {
    const first = steps[0]!;
    return (i) => (i >= first ? low[i]! + 0x10000 : low[i]!);
  }
  return (i) => {
    let v = low[i]!;
    for (let k = 0; k < steps.length && i >= steps[k]!; k++) v += 0x10000;
    return v;
  };
}

/** A list of strings read in place: string i is made on first read. */
class StringList {
  private readonly made: (string | undefined)[];
  readonly size: number;
  private readonly ascii: Uint8Array;
  constructor(
    readonly bytes: Uint8Array,
    private readonly start: Monotonic,
    size: number,
    wide: Uint,
    private readonly slots: Uint | null,
  ) {
    this.size = size;
    this.ascii = new Uint8Array(this.size).fill(1);
    for (let i = 0; i < wide.length; i++) this.ascii[wide[i]!] = 0;
    this.made = new Array(this.size);
  }

  at(i: number): string {
    let s = this.made[i];
    if (s === undefined) {
      const sub = this.bytes.subarray(this.start(i), this.start(i + 1));
      s = this.ascii[i] ? String.fromCharCode.apply(null, sub as unknown as number[]) : decoder.decode(sub);
      this.made[i] = s;
    }
    return s;
  }

  /** Where each string starts, the end last, as one array (for the spelling corrector, which reads the bytes in place). */
  starts(): Uint32Array {
    return Uint32Array.from({ length: this.size + 1 }, (_, i) => this.start(i));
  }

  /** Whether string i is `key`, without making it when it is ASCII. */
  private is(i: number, key: string): boolean {
    if (!this.ascii[i]) return this.at(i) === key;
    const from = this.start(i);
    if (this.start(i + 1) - from !== key.length) return false;
    const bytes = this.bytes;
    for (let k = 0; k < key.length; k++) if (bytes[from + k] !== key.charCodeAt(k)) return false;
    return true;
  }

  /** The position of `key`, or -1. */
  find(key: string): number {
    const slots = this.slots!;
    const capacity = slots.length;
    for (let i = slotOf(key, capacity); ; i = i + 1 === capacity ? 0 : i + 1) {
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
  /**
   * Hands over the spelling file's bytes; null when it could not be loaded (then no word is
   * corrected, and nothing waits for it any more).
   */
  provideSpelling(buffer: ArrayBuffer | null): void;
  /** Whether the spelling file has been handed over (the two below need it). */
  readonly hasSpelling: boolean;
  isExcluded(key: string): boolean;
  exclusions(): string[];
}

/** A file's sections by name (typed arrays over the buffer: nothing is copied). */
function sectionsOf(buffer: ArrayBuffer): (name: string) => Uint {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('match binary: not a Termlight match file');
  const dir = JSON.parse(decoder.decode(new Uint8Array(buffer, 8, view.getUint32(4, true)))) as Directory;
  return (name) => {
    const s = dir.sections[name];
    if (!s) throw new Error(`match binary: no section ${name}`);
    const T = s.type === 'u8' ? Uint8Array : s.type === 'u16' ? Uint16Array : Uint32Array;
    return new T(buffer, s.offset, s.length);
  };
}

/** A `monotonicSections` list of a file. */
const monotonicOf = (section: (name: string) => Uint, name: string) => {
  const low = section(`${name}.low`);
  return { length: low.length, at: monotonic(low, section(`${name}.steps`)) };
};

const stringsOf = (section: (name: string) => Uint, name: string, lookup: boolean) => {
  const starts = monotonicOf(section, `${name}.starts`);
  return new StringList(section(`${name}.bytes`) as Uint8Array, starts.at, starts.length - 1, section(`${name}.wide`), lookup ? section(`${name}.slots`) : null);
};

/** No word corrected: the spelling file could not be loaded. */
const NO_BUCKETS = new Uint32Array(FUZZY_BUCKETS + 1);

/** Reads the data file in place (a page's first marks wait for this: it copies nothing). */
export function readMatchBinary(buffer: ArrayBuffer): MatchBinary {
  const section = sectionsOf(buffer);
  const vocab = stringsOf(section, 'vocab', true);
  let exclusions: StringList | null = null;
  let tables: FuzzyTables | null = null;
  let loaded: () => void = () => {};
  const spellingLoaded = new Promise<void>((resolve) => (loaded = resolve));
  let hasSpelling = false;
  const vocabulary: VocabularyTable = {
    size: vocab.size,
    find: (key) => vocab.find(key),
    key: (id) => vocab.at(id),
    fuzzy: () => tables,
    fuzzyLoaded: () => (hasSpelling ? null : spellingLoaded),
    fragmentWords: () => Array.from(section('fragments.ids'), (id) => vocab.at(id)),
  };
  const needSpelling = (): StringList => {
    if (!exclusions) throw new Error('match binary: the spelling file is not loaded');
    return exclusions;
  };
  return {
    vocabulary,
    get hasSpelling() {
      return hasSpelling;
    },
    provideSpelling(spellingBuffer) {
      if (hasSpelling) return;
      if (spellingBuffer) {
        const spelling = sectionsOf(spellingBuffer);
        const excluded = stringsOf(spelling, 'exclusions', true);
        const words = spelling('fuzzy.words');
        exclusions = excluded;
        tables = {
          count: words.length,
          bucketStarts: spelling('fuzzy.bucketStarts'),
          word: (n) => vocab.at(words[n]!),
          masks: spelling('fuzzy.masks'),
          bytes: vocab.bytes,
          starts: vocab.starts(),
          index: words,
          isExcluded: (key) => excluded.find(key) >= 0,
        };
      } else {
        exclusions = new StringList(new Uint8Array(0), () => 0, 0, new Uint8Array(0), new Uint8Array(1));
        tables = { count: 0, bucketStarts: NO_BUCKETS, word: () => '', masks: [], bytes: vocab.bytes, starts: [], index: [], isExcluded: () => false };
      }
      hasSpelling = true;
      loaded();
    },
    isExcluded: (key) => needSpelling().find(key) >= 0,
    exclusions: () => {
      const list = needSpelling();
      return Array.from({ length: list.size }, (_, i) => list.at(i));
    },
    trie(entryIds) {
      const starts = monotonicOf(section, 'trie.edgeStarts').at;
      const nodeIds = section('trie.nodeIds');
      const tokens = section('trie.edgeTokens');
      const formEdges = monotonicOf(section, 'trie.formEdges');
      const forms = section('trie.forms');
      const caseForms = stringsOf(section, 'caseForms', false);
      const rootByToken = section('trie.rootByToken');
      return {
        vocabulary,
        words: section('trie.words'),
        ids: Array.from(section('trie.ids'), (i) => entryIds[i]!),
        edgeStart: starts,
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
            const lo = lowerBound(formEdges.length, (i) => formEdges.at(i) < edge);
            return lo < formEdges.length && formEdges.at(lo) === edge ? caseForms.at(forms[lo]!) : undefined;
          },
        },
      };
    },
  };
}
