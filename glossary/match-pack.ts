/**
 * The reader's glossary data in the form that is cheapest for a page to load
 * (glossary/generated/match-pack.json, written by `npm run glossary -- build` from match.json,
 * match-trie.json and fuzzy-exclusions.json, which it holds exactly). Since session 13 the content
 * script's reader bundles only its ids, flags and readings: the trie and the exclusions reach it as
 * the binary file match-binary.ts describes. Extension pages, tools and tests bundle it whole.
 *
 * Why: the reader (reader.js) is parsed on every page it reads, and before it can mark anything
 * the browser must scan all of its source. The data was 90 % of that source, as JSON arrays and
 * objects: every number, quote and comma a character to scan and then to JSON.parse. Here every
 * list is one string (items joined by a separator, numbers as a few ASCII digits each), about 40 %
 * fewer characters, and nothing is parsed until it is used: the trie's numbers when the matcher is
 * built, the entries' names and aliases when a term is first looked up.
 *
 * Text is ASCII only: any other character is written ^ and four hex digits (a handful in the
 * glossary, "é", "α", "²"), because V8 scans a literal that holds one more slowly from end to end.
 *
 * Numbers: the trie's per-node and per-edge lists are read one node at a time as a page's words
 * reach it (packedTrie), so they are written with a fixed number of base-90 digits each (the
 * count first): decoding all 90,000 up front in a cold loop cost more than JSON.parse did. The
 * short lists are written with as few digits as each number needs, in base 45: the last digit of
 * a number comes from one half of the alphabet, the others from the other half. The alphabet is printable ASCII without `"`, `\`, `` ` `` and `$`, so no character of a
 * packed list needs escaping in JSON or in the template literal the bundler wraps JSON in.
 */
import type { CompiledTrie, TrieSource } from './matcher';
import type { MatchData, MatchEntry, MatchReadings } from './types';

export interface MatchPack {
  title: string;
  /** Entry ids, joined by ITEM. */
  ids: string;
  terms: string;
  /** One per entry, '' when it has none. */
  expansions: string;
  /** Per entry its aliases joined by ITEM; entries joined by GROUP. */
  aliases: string;
  /** One digit per entry: 1 everyday, 2 general sense, 3 both, 0 neither. */
  flags: string;
  trie: {
    entries: number;
    aliases: number;
    vocabulary: string;
    words: string;
    /** The trie's entry ids as positions in `ids`. */
    ids: string;
    caseForms: string;
    /** Fixed width: where each node's edges start, and the edge count last. */
    edgeStarts: string;
    /** Fixed width. */
    nodeIds: string;
    /** Fixed width. */
    edgeTokens: string;
    edgeForms: string;
  };
  exclusions: string;
  /**
   * The readings derived at build time (MatchReadings): cancer-name ids joined by ITEM; per state
   * entry its id then its words, joined by ITEM, entries joined by GROUP; the word acronyms joined
   * by ITEM; the cancer nouns joined by ITEM; per cancer verb its entry's id then its forms, joined by
   * ITEM, verbs joined by GROUP; per short form the form, its entry's id and its family as entry
   * positions (base 36, joined by FAMILY), joined by ITEM, forms joined by GROUP; per summary stage
   * its entry's id and its word, joined by ITEM, stages joined by GROUP. Absent in a pack built from
   * data without readings.
   */
  readings?: {
    cancerNames: string;
    stateWords: string;
    wordAcronyms?: string;
    cancerNouns?: string;
    cancerVerbs?: string;
    shortForms?: string;
    summaryStages?: string;
  };
}

const ITEM = '|';
const GROUP = '~';
/** Between the entry positions of a short form's family (MatchPack.readings). */
const FAMILY = ',';
const ESCAPE = '^';
const BASE = 45;
const ALPHABET = (() => {
  let s = '';
  for (let c = 0x21; c <= 0x7e; c++) if (!'"\\`$'.includes(String.fromCharCode(c))) s += String.fromCharCode(c);
  return s;
})();
/** Char code → digit (0–44 a number's last digit, 45–89 one before it); -1 not a digit. */
const DIGIT = (() => {
  const d = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) d[ALPHABET.charCodeAt(i)] = i;
  return d;
})();

export function packNumbers(values: readonly number[]): string {
  let out = '';
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`packNumbers: ${v} is not a whole number ≥ 0`);
    let digits = ALPHABET[v % BASE]!;
    for (let q = Math.floor(v / BASE); q > 0; q = Math.floor(q / BASE)) digits = ALPHABET[BASE + (q % BASE)]! + digits;
    out += digits;
  }
  return out;
}

export function unpackNumbers(packed: string): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < packed.length; i++) {
    const d = DIGIT[packed.charCodeAt(i)] ?? -1;
    if (d < 0) throw new Error(`unpackNumbers: ${JSON.stringify(packed[i])} is not a digit`);
    if (d >= BASE) acc = acc * BASE + d - BASE;
    else {
      out.push(acc * BASE + d);
      acc = 0;
    }
  }
  return out;
}

/** Fixed width: the width (one digit, 1–9), then every number in that many base-90 digits. */
export function packFixed(values: readonly number[]): string {
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  let width = 1;
  while (ALPHABET.length ** width <= max) width++;
  if (width > 9) throw new Error(`packFixed: ${max} is too large`);
  let out = String(width);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`packFixed: ${v} is not a whole number ≥ 0`);
    let digits = '';
    for (let k = 0, q = v; k < width; k++, q = Math.floor(q / ALPHABET.length)) digits = ALPHABET[q % ALPHABET.length]! + digits;
    out += digits;
  }
  return out;
}

/** Reads packFixed's numbers one at a time. */
export function fixedReader(packed: string): { length: number; at(i: number): number } {
  const width = packed.charCodeAt(0) - 48;
  const radix = ALPHABET.length;
  return {
    length: (packed.length - 1) / width,
    at(i: number): number {
      let v = 0;
      for (let k = 1 + i * width, end = k + width; k < end; k++) v = v * radix + DIGIT[packed.charCodeAt(k)]!;
      return v;
    },
  };
}

function join(list: readonly string[], sep: string, what: string, allowEmpty = false): string {
  for (const s of list) {
    if (s.includes(ITEM) || s.includes(GROUP) || s.includes(ESCAPE)) {
      throw new Error(`match pack: ${what} ${JSON.stringify(s)} holds a separator (${ITEM}, ${GROUP} or ${ESCAPE})`);
    }
    if (!allowEmpty && s === '') throw new Error(`match pack: an empty ${what}`);
  }
  return ascii(list.join(sep));
}

const ascii = (s: string): string => s.replace(/[^\x00-\x7f]/g, (c) => ESCAPE + c.charCodeAt(0).toString(16).padStart(4, '0'));
/** Undoes `ascii`. */
const unescape = (s: string): string =>
  s.includes(ESCAPE) ? s.replace(/\^([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
/**
 * The items of a joined list. Split first, then unescape the few items that need it: unescaping the
 * whole text first made it (and every item) two-byte, slower to split, hash and compare.
 */
const split = (s: string, sep: string): string[] => {
  if (s === '') return [];
  const items = s.split(sep);
  if (s.includes(ESCAPE)) for (let i = 0; i < items.length; i++) if (items[i]!.includes(ESCAPE)) items[i] = unescape(items[i]!);
  return items;
};

function edgeStarts(counts: readonly number[]): number[] {
  const starts = [0];
  for (const c of counts) starts.push(starts[starts.length - 1]! + c);
  return starts;
}

/** The pack of the reader's data (at glossary build time). */
export function packMatch(data: MatchData, trie: CompiledTrie, exclusions: readonly string[]): MatchPack {
  const ids = data.entries.map((e) => e.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  return {
    title: ascii(data.source.title),
    ids: join(ids, ITEM, 'id'),
    terms: join(data.entries.map((e) => e.term), ITEM, 'term'),
    expansions: join(data.entries.map((e) => e.expansion ?? ''), ITEM, 'expansion', true),
    aliases: data.entries.map((e) => join(e.aliases, ITEM, 'alias')).join(GROUP),
    flags: data.entries.map((e) => String((e.everyday ? 1 : 0) + (e.generalSense ? 2 : 0))).join(''),
    trie: {
      entries: trie.entries,
      aliases: trie.aliases,
      vocabulary: join(trie.vocabulary, ITEM, 'vocabulary key'),
      words: packNumbers(trie.words),
      ids: packNumbers(
        trie.ids.map((id) => {
          const i = position.get(id);
          if (i === undefined) throw new Error(`match pack: the trie names ${id}, which match.json does not have`);
          return i;
        }),
      ),
      caseForms: join(trie.caseForms, ITEM, 'case form'),
      edgeStarts: packFixed(edgeStarts(trie.edgeCounts)),
      nodeIds: packFixed(trie.nodeIds),
      edgeTokens: packFixed(trie.edgeTokens),
      edgeForms: packNumbers(trie.edgeForms),
    },
    exclusions: join(exclusions, ITEM, 'excluded word'),
    ...(data.readings
      ? {
          readings: {
            cancerNames: join(data.readings.cancerNames, ITEM, 'cancer name'),
            stateWords: data.readings.stateWords.map(({ id, words }) => join([id, ...words], ITEM, 'state word')).join(GROUP),
            ...(data.readings.wordAcronyms ? { wordAcronyms: join(data.readings.wordAcronyms, ITEM, 'word acronym') } : {}),
            ...(data.readings.cancerNouns ? { cancerNouns: join(data.readings.cancerNouns, ITEM, 'cancer noun') } : {}),
            ...(data.readings.cancerVerbs ? { cancerVerbs: data.readings.cancerVerbs.map(({ id, forms }) => join([id, ...forms], ITEM, 'cancer verb')).join(GROUP) } : {}),
            ...(data.readings.shortForms
              ? {
                  shortForms: data.readings.shortForms
                    .map(({ short, id, family }) => {
                      const at = family.map((f) => {
                        const i = position.get(f);
                        if (i === undefined) throw new Error(`match pack: the short form ${short} names ${f}, which match.json does not have`);
                        return i.toString(36);
                      });
                      return join([short, id, at.join(FAMILY)], ITEM, 'short form');
                    })
                    .join(GROUP),
                }
              : {}),
            ...(data.readings.summaryStages ? { summaryStages: data.readings.summaryStages.map(({ id, word }) => join([id, word], ITEM, 'summary stage')).join(GROUP) } : {}),
          },
        }
      : {}),
  };
}

/** The pack's entry names (MatchPack's terms, expansions and aliases): what naming a term needs, not finding it. */
export const MATCH_NAME_FIELDS = ['terms', 'expansions', 'aliases'] as const;
export type MatchNames = Pick<MatchPack, (typeof MATCH_NAME_FIELDS)[number]>;
/** A pack whose names ship apart (the content script's reader: see wxt.config.ts and match-data.ts). */
export type MatchPackWithoutNames = Omit<MatchPack, (typeof MATCH_NAME_FIELDS)[number]>;

/** The pack without its names: the part a page needs before its first marks. */
export function withoutNames(pack: MatchPack): MatchPackWithoutNames {
  const rest: Partial<MatchPack> = { ...pack };
  for (const field of MATCH_NAME_FIELDS) delete rest[field];
  return rest as MatchPackWithoutNames;
}

/** The pack's names alone (from a whole pack, or a names object that may carry more). */
export function namesOf(pack: MatchNames): MatchNames {
  return Object.fromEntries(MATCH_NAME_FIELDS.map((field) => [field, pack[field]])) as MatchNames;
}

/** Whether `value` holds a pack's names (each a string), as a names file hands them over. */
export function isMatchNames(value: unknown): value is MatchNames {
  return typeof value === 'object' && value !== null && MATCH_NAME_FIELDS.every((f) => typeof (value as Record<string, unknown>)[f] === 'string');
}

const idLists = new WeakMap<object, string[]>();
/** The entries' ids, in order (split once per pack: the reader's matcher and its flags both ask). */
export function packedIds(pack: MatchPackWithoutNames): string[] {
  let ids = idLists.get(pack);
  if (!ids) {
    ids = split(pack.ids, ITEM);
    idLists.set(pack, ids);
  }
  return ids;
}

/** The entries, as match.json has them (read when first needed: names and aliases are not needed to find terms). */
export function unpackEntries(pack: MatchPack): MatchData {
  const ids = split(pack.ids, ITEM);
  const terms = split(pack.terms, ITEM);
  const expansions = unescape(pack.expansions).split(ITEM);
  const aliases = split(pack.aliases, GROUP);
  const entries = ids.map((id, i): MatchEntry => {
    const flags = pack.flags.charCodeAt(i) - 48;
    const expansion = expansions[i];
    const list = aliases[i] ?? '';
    return {
      id,
      term: terms[i]!,
      ...(expansion ? { expansion } : {}),
      aliases: list === '' ? [] : list.split(ITEM),
      ...(flags & 1 ? { everyday: true as const } : {}),
      ...(flags & 2 ? { generalSense: true as const } : {}),
    };
  });
  const readings = unpackReadings(pack);
  return { source: { title: unescape(pack.title) }, entries, ...(readings ? { readings } : {}) };
}

const all = (packed: string): number[] => {
  const r = fixedReader(packed);
  return Array.from({ length: r.length }, (_, i) => r.at(i));
};

/** The trie, as match-trie.json has it (for tests and tools: pages load packedTrie). */
export function unpackTrie(pack: MatchPack): CompiledTrie {
  const t = pack.trie;
  const ids = split(pack.ids, ITEM);
  const starts = all(t.edgeStarts);
  return {
    entries: t.entries,
    aliases: t.aliases,
    vocabulary: split(t.vocabulary, ITEM),
    words: unpackNumbers(t.words),
    ids: unpackNumbers(t.ids).map((i) => ids[i]!),
    caseForms: split(t.caseForms, ITEM),
    edgeCounts: starts.slice(1).map((s, n) => s - starts[n]!),
    nodeIds: all(t.nodeIds),
    edgeTokens: all(t.edgeTokens),
    edgeForms: unpackNumbers(t.edgeForms),
  };
}

/** The trie for createMatcher, decoding each node's numbers when a walk first reaches it. */
export function packedTrie(pack: MatchPackWithoutNames): TrieSource {
  const t = pack.trie;
  const ids = split(pack.ids, ITEM);
  const caseForms = split(t.caseForms, ITEM);
  const pairs = unpackNumbers(t.edgeForms);
  const edgeForms = new Map<number, string>();
  for (let i = 0; i < pairs.length; i += 2) edgeForms.set(pairs[i]!, caseForms[pairs[i + 1]!]!);
  const starts = fixedReader(t.edgeStarts);
  const nodeIds = fixedReader(t.nodeIds);
  const tokens = fixedReader(t.edgeTokens);
  return {
    vocabulary: split(t.vocabulary, ITEM),
    words: unpackNumbers(t.words),
    ids: unpackNumbers(t.ids).map((i) => ids[i]!),
    edgeStart: (n) => starts.at(n),
    nodeId: (n) => nodeIds.at(n),
    edgeToken: (e) => tokens.at(e),
    edgeForms,
  };
}

/** The readings (what the matcher reads before a cancer name), or undefined for a pack without them. */
export function unpackReadings(pack: MatchPackWithoutNames): MatchReadings | undefined {
  if (!pack.readings) return undefined;
  return {
    cancerNames: split(pack.readings.cancerNames, ITEM),
    stateWords: split(pack.readings.stateWords, GROUP).map((group) => {
      const [id, ...words] = split(group, ITEM);
      return { id: id!, words };
    }),
    ...(pack.readings.wordAcronyms !== undefined ? { wordAcronyms: split(pack.readings.wordAcronyms, ITEM) } : {}),
    ...(pack.readings.cancerNouns !== undefined ? { cancerNouns: split(pack.readings.cancerNouns, ITEM) } : {}),
    ...(pack.readings.cancerVerbs !== undefined
      ? {
          cancerVerbs: split(pack.readings.cancerVerbs, GROUP).map((group) => {
            const [id, ...forms] = split(group, ITEM);
            return { id: id!, forms };
          }),
        }
      : {}),
    ...(pack.readings.shortForms !== undefined
      ? {
          shortForms: split(pack.readings.shortForms, GROUP).map((group) => {
            const [short, id, at] = split(group, ITEM);
            const ids = packedIds(pack);
            return { short: short!, id: id!, family: split(at!, FAMILY).map((p) => ids[parseInt(p, 36)]!) };
          }),
        }
      : {}),
    ...(pack.readings.summaryStages !== undefined
      ? {
          summaryStages: split(pack.readings.summaryStages, GROUP).map((group) => {
            const [id, word] = split(group, ITEM);
            return { id: id!, word: word! };
          }),
        }
      : {}),
  };
}

export function unpackExclusions(pack: MatchPackWithoutNames): string[] {
  return split(pack.exclusions, ITEM);
}
