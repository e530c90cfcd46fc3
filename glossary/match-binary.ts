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
 * high half steps up listed (`monotonic`), hash tables have two slots a key, not the next power of two,
 * and a vocabulary key glued from two earlier keys is that pair of ids, not its bytes (`glued`).
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

/**
 * Slot count of a hash table of n keys: two a key, not the next power of two (up to 2.3 a key at
 * 28,000 keys). Fewer cost CPU: most lookups are misses (a word or glued pair no alias has), and
 * with linear probing a miss reads about 2.5 slots at two a key, 4 at 1.6, 12 at 1.25.
 */
const capacityFor = (n: number) => Math.max(16, 2 * n);

/** A key's first slot in a table of `capacity` slots (linear probing from there, wrapping to 0). */
const slotOf = (key: string, capacity: number) => hashKey(key) % capacity;

/**
 * A list of strings as sections: UTF-8 bytes, where each starts (`monotonic`), which are not ASCII
 * (a handful), and (`lookup`) a hash table of them: two slots per string (`capacityFor`), each the
 * string's position + 1 (0: empty), linear probing.
 *
 * `glued`: a string that is two earlier strings one after the other (the vocabulary's glued
 * spellings, "prostatespecific" after "prostate" and "specific": four in five of its keys) is
 * stored as that pair (`name.pairs`, two positions) instead of its bytes; `name.refs` says, per
 * string, which it is: 2 × its place among the strings written out, or 2 × its pair's place + 1.
 */
function stringSections(name: string, list: readonly string[], lookup: boolean, out: Record<string, Uint>, glued = false): void {
  const position = glued ? new Map(list.map((s, i) => [s, i])) : null;
  const pairOf = (s: string, id: number): [number, number] | null => {
    for (let cut = 1; position && cut < s.length; cut++) {
      const left = position.get(s.slice(0, cut));
      if (left === undefined || left >= id) continue;
      const right = position.get(s.slice(cut));
      if (right !== undefined && right < id) return [left, right];
    }
    return null;
  };
  const written: string[] = [];
  const refs: number[] = [];
  const pairs: number[] = [];
  list.forEach((s, id) => {
    const pair = pairOf(s, id);
    if (pair) {
      refs.push(pairs.length + 1);
      pairs.push(...pair);
    } else {
      refs.push(2 * written.length);
      written.push(s);
    }
  });
  const encoder = new TextEncoder();
  const parts = written.map((s) => encoder.encode(s));
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
  out[`${name}.wide`] = uint(written.flatMap((s, i) => (parts[i]!.length === s.length ? [] : [i])));
  if (glued) {
    out[`${name}.refs`] = uint(refs);
    out[`${name}.pairs`] = uint(pairs);
  }
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
  stringSections('vocab', trie.vocabulary, true, sections, true);
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
  // One text (decoded and split at once when first needed), not a string made per word: as
  // vocabulary ids, 4,300 strings made one by one cost 25-30 ms of cold CPU where this costs 1.
  sections['fragments.text'] = new TextEncoder().encode(fragments.map((id) => trie.vocabulary[id]!).join('\n'));
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
  private readonly ascii: Uint8Array;
  /**
   * `start`, `wide`: of the strings written out; `refs`, `pairs`: which strings are two earlier ones
   * (stringSections' `glued`; null: none).
   */
  constructor(
    readonly size: number,
    private readonly bytes: Uint8Array,
    private readonly start: Monotonic,
    written: number,
    wide: Uint,
    private readonly slots: Uint | null,
    private readonly refs: Uint | null = null,
    private readonly pairs: Uint | null = null,
  ) {
    this.ascii = new Uint8Array(written).fill(1);
    for (let i = 0; i < wide.length; i++) this.ascii[wide[i]!] = 0;
    this.made = new Array(this.size);
  }

  /** String i's ref: 2 × its place among the strings written out, or 2 × its pair's place + 1. */
  private ref(i: number): number {
    return this.refs ? this.refs[i]! : 2 * i;
  }

  at(i: number): string {
    let s = this.made[i];
    if (s === undefined) {
      const ref = this.ref(i);
      if (ref & 1) s = this.at(this.pairs![ref - 1]!) + this.at(this.pairs![ref]!);
      else {
        const w = ref >> 1;
        const sub = this.bytes.subarray(this.start(w), this.start(w + 1));
        s = this.ascii[w] ? String.fromCharCode.apply(null, sub as unknown as number[]) : decoder.decode(sub);
      }
      this.made[i] = s;
    }
    return s;
  }

  /** Adds string i's letter counts (a–z, one byte each) to pool[at] …: its two parts' for a glued one. */
  countLetters(i: number, pool: Uint8Array, at: number): void {
    const ref = this.ref(i);
    if (ref & 1) {
      this.countLetters(this.pairs![ref - 1]!, pool, at);
      this.countLetters(this.pairs![ref]!, pool, at);
      return;
    }
    const bytes = this.bytes;
    for (let k = this.start(ref >> 1), end = this.start((ref >> 1) + 1); k < end; k++) pool[at + bytes[k]! - 97]!++;
  }

  /** Where `key` from `from` on goes on past string i (-1: it does not begin with it), without making strings. */
  private past(i: number, key: string, from: number): number {
    const ref = this.ref(i);
    if (ref & 1) {
      const mid = this.past(this.pairs![ref - 1]!, key, from);
      return mid < 0 ? -1 : this.past(this.pairs![ref]!, key, mid);
    }
    const w = ref >> 1;
    if (!this.ascii[w]) {
      const s = this.at(i);
      return key.startsWith(s, from) ? from + s.length : -1;
    }
    const at = this.start(w);
    const length = this.start(w + 1) - at;
    if (from + length > key.length) return -1;
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[at + k] !== key.charCodeAt(from + k)) return -1;
    return from + length;
  }

  /** The position of `key`, or -1. */
  find(key: string): number {
    const slots = this.slots!;
    const capacity = slots.length;
    for (let i = slotOf(key, capacity); ; i = i + 1 === capacity ? 0 : i + 1) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      if (this.past(slot - 1, key, 0) === key.length) return slot - 1;
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

/** A `monotonicSections` list of a file: value i, and where a value is (the first place not below it). */
const monotonicOf = (section: (name: string) => Uint, name: string) => {
  const low = section(`${name}.low`);
  const steps = section(`${name}.steps`);
  return {
    length: low.length,
    at: monotonic(low, steps),
    lowerBound(value: number): number {
      // The values with this high half are a range of places (`steps`): search its low halves only.
      const high = Math.floor(value / 0x10000);
      if (high > steps.length) return low.length;
      const from = high === 0 ? 0 : steps[high - 1]!;
      const to = high < steps.length ? steps[high]! : low.length;
      const v = value & 0xffff;
      return from + lowerBound(to - from, (i) => low[from + i]! < v);
    },
  };
};

const stringsOf = (section: (name: string) => Uint, name: string, lookup: boolean, glued = false) => {
  const starts = monotonicOf(section, `${name}.starts`);
  const refs = glued ? section(`${name}.refs`) : null;
  const slots = lookup ? section(`${name}.slots`) : null;
  const written = starts.length - 1;
  return new StringList(refs ? refs.length : written, section(`${name}.bytes`) as Uint8Array, starts.at, written, section(`${name}.wide`), slots, refs, glued ? section(`${name}.pairs`) : null);
};

/** No word corrected: the spelling file could not be loaded. */
const NO_BUCKETS = new Uint32Array(FUZZY_BUCKETS + 1);

/** Reads the data file in place (a page's first marks wait for this: it copies nothing). */
export function readMatchBinary(buffer: ArrayBuffer): MatchBinary {
  const section = sectionsOf(buffer);
  const vocab = stringsOf(section, 'vocab', true, true);
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
    fragmentWords: () => {
      const text = decoder.decode(section('fragments.text'));
      return text === '' ? [] : text.split('\n');
    },
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
          countLetters: (n, pool, at) => vocab.countLetters(words[n]!, pool, at),
          index: words,
          isExcluded: (key) => excluded.find(key) >= 0,
        };
      } else {
        exclusions = new StringList(0, new Uint8Array(0), () => 0, 0, new Uint8Array(0), new Uint8Array(1));
        tables = { count: 0, bucketStarts: NO_BUCKETS, word: () => '', masks: [], countLetters: () => {}, index: [], isExcluded: () => false };
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
            const lo = formEdges.lowerBound(edge);
            return lo < formEdges.length && formEdges.at(lo) === edge ? caseForms.at(forms[lo]!) : undefined;
          },
        },
      };
    },
  };
}
