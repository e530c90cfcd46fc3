/**
 * A cheap, conservative "could this text hold a glossary term?" test, so the content script's
 * first stage (which runs in every frame) can leave the reader unloaded on pages with nothing
 * to explain. Pure TypeScript, no DOM.
 *
 * Every way the matcher can find a term (a path through its trie, glossary/matcher.ts) needs
 * all of that path's tokens in the text; the glossary build picks one of them per path, its
 * anchor (glossary/build/start-filter.ts: the longest word that is not a function word), and
 * stores the anchors in a Bloom filter (generated/start-filter.json): a few kilobytes instead of
 * the match data's hundreds. A text can hold a term only if one of its tokens, or two of them
 * glued the way the matcher glues them ("immuno-therapy"), or the pieces of a code split by dashes
 * glued back ("PDL-1", "CD-19": glossary/code-names.ts), normalises to an anchor. The filter
 * answers "no" only when that is certain; "yes" may be wrong (about one token in 10,000), which
 * costs a reader load and nothing else.
 *
 * What it does not see, on purpose: a term whose anchor word is misspelt (the matcher's
 * spelling correction). Such a match alone is never marked anyway (glossary/health-page.ts
 * needs three correctly spelt terms first); what a page with only misspelt terms loses is the
 * card on pointing at one. The page's own abbreviations ("Affordable Care Act (ACA)") are read
 * by the reader even where no glossary term is, so a bracket next to an acronym-like word also
 * answers "yes".
 */
import { MAX_CODE_PIECES } from './code-names';
import { ASCII_TOKEN_RE, DASH_CLASS, footnoteCut, gluedKey, gluesAcross, isAcronymToken, isJoiningGap, NON_ASCII_RE, TOKEN_SOURCE, tokenKey } from './normalise';

/** The generated filter, as glossary/generated/start-filter.json holds it. */
export interface StartFilterData {
  /** How many entries and aliases it was built from (the same staleness check as the trie's). */
  entries: number;
  aliases: number;
  /** How many anchor keys it holds (for tools and tests). */
  anchors: number;
  /** Bits in the filter, and how many of them each key sets. */
  bits: number;
  hashes: number;
  /** The bit array, base64 (bit i is byte i >> 3, bit i & 7). */
  filter: string;
}

/**
 * Its own copies of the token patterns (returning early leaves lastIndex where it stopped). The full
 * one is built on the first text that needs it: most pages' text nodes are ASCII, and building it
 * costs more than testing a short page's text.
 */
const ASCII_TOKENS = new RegExp(ASCII_TOKEN_RE.source, ASCII_TOKEN_RE.flags);
let unicodeTokens: RegExp | null = null;
const tokensFor = (text: string): RegExp => (NON_ASCII_RE.test(text) ? (unicodeTokens ??= new RegExp(TOKEN_SOURCE, 'gv')) : ASCII_TOKENS);

const DASH_RE = new RegExp(`[${DASH_CLASS}]`);

/** FNV-1a over UTF-16 code units, with a seed: two of these make the filter's probe sequence. */
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  // A final mix: FNV's low bits are weak for short keys.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

const SEED_1 = 2166136261;
const SEED_2 = 0x9747b28c;

/** The bit positions of `key` (double hashing: h1 + i·h2). */
export function positions(key: string, bits: number, hashes: number, out: number[]): number[] {
  const h1 = fnv1a(key, SEED_1);
  const h2 = fnv1a(key, SEED_2) | 1;
  out.length = 0;
  for (let i = 0; i < hashes; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) % bits);
  return out;
}

/** Builds the filter's bytes for `keys` (at glossary build time; see glossary/build/start-filter.ts). */
export function bloomBytes(keys: readonly string[], bits: number, hashes: number): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  const at: number[] = [];
  for (const key of keys) for (const p of positions(key, bits, hashes, at)) bytes[p >> 3]! |= 1 << (p & 7);
  return bytes;
}

/** The 6-bit value of a base64 character code (A–Z, a–z, 0–9, +, /). */
function sextet(c: number): number {
  if (c >= 97) return c - 71; // a–z: 26–51
  if (c >= 65) return c - 65; // A–Z: 0–25
  if (c >= 48) return c + 4; // 0–9: 52–61
  return c === 43 ? 62 : 63; // + and /
}

/**
 * Bit `i` of the base64 text's bytes (byte i >> 3, bit i & 7), read from the text itself: the first
 * stage runs on every page and frame, and decoding 25 KB into bytes first cost it more (2–3 ms of
 * cold code in Chromium) than all the probes a page's text makes. Four characters hold three bytes,
 * most significant bit first.
 */
export function base64Bit(text: string, i: number): boolean {
  const byte = i >> 3;
  const group = (byte / 3) | 0;
  // The bit's place in the group's 24 bits, counted from the last character's lowest bit.
  const q = 16 - 8 * (byte - 3 * group) + (i & 7);
  const sixBits = (q / 6) | 0;
  return ((sextet(text.charCodeAt(4 * group + 3 - sixBits)) >> (q - 6 * sixBits)) & 1) === 1;
}

export interface StartFilter {
  /** True when `key` (a normalised token key) may be an anchor; false when it certainly is not. */
  has(key: string): boolean;
  /** True when `text` may hold a glossary term or an abbreviation the page defines. */
  mayHoldTerm(text: string): boolean;
}

/** Cached answers per token (or glued pair) kept before the cache is reset (bounds memory). */
const CACHE_LIMIT = 20_000;

export function createStartFilter(data: StartFilterData): StartFilter {
  const { bits, hashes, filter } = data;
  // The first stage reads the bits from its own source text (wxt.config.ts): were they ever not all
  // there, every key is a "maybe", never a false "no".
  if (filter.length !== 4 * Math.ceil(Math.ceil(bits / 8) / 3)) return textTest(() => true);
  // positions(), fnv1a() and base64Bit() written out in one function (the same arithmetic: the tests hold
  // it to them): the first stage runs on every page and frame, and each function it calls is compiled there
  // on its first call.
  return textTest((key: string): boolean => {
    let h1 = SEED_1 >>> 0;
    let h2 = SEED_2 >>> 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 16777619);
    }
    h1 ^= h1 >>> 15;
    h1 = Math.imul(h1, 0x2c1b3c6d);
    h1 ^= h1 >>> 12;
    h1 >>>= 0;
    h2 ^= h2 >>> 15;
    h2 = Math.imul(h2, 0x2c1b3c6d);
    h2 ^= h2 >>> 12;
    h2 = (h2 >>> 0) | 1;
    for (let i = 0; i < hashes; i++) {
      const p = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
      // base64Bit(filter, p)
      const byte = p >> 3;
      const group = (byte / 3) | 0;
      const q = 16 - 8 * (byte - 3 * group) + (p & 7);
      const sixBits = (q / 6) | 0;
      const c = filter.charCodeAt(4 * group + 3 - sixBits);
      const sextet = c >= 97 ? c - 71 : c >= 65 ? c - 65 : c >= 48 ? c + 4 : c === 43 ? 62 : 63;
      if (((sextet >> (q - 6 * sixBits)) & 1) !== 1) return false;
    }
    return true;
  });
}

/**
 * The text test over `has`, a test of one normalised key ("may this be an anchor?"): the shipped
 * filter's, or for tools an exact set of the anchors.
 */
export function textTest(has: (key: string) => boolean): StartFilter {
  // Pages repeat their words: each spelling is normalised and looked up once.
  let cache = new Map<string, boolean>();
  const remember = (key: string, answer: boolean): boolean => {
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(key, answer);
    return answer;
  };
  const known = (raw: string): boolean => cache.get(raw) ?? remember(raw, has(tokenKey(raw)));
  /**
   * Two pieces glued as the matcher glues them: the whole word's key, or the second piece's own
   * spelling variant ("angio-oedema" reads "angioedema"). Cached under a key no single token can
   * have (tokens hold no space).
   */
  const knownGlued = (first: string, second: string): boolean => {
    const key = `${first} ${second}`;
    return cache.get(key) ?? remember(key, has(tokenKey(first + second)) || has(gluedKey(first, second)));
  };

  /** The tokens before the current one that dashes join to it, nearest last (at most MAX_CODE_PIECES - 1). */
  const dashed: string[] = [];
  const mayHoldTerm = (text: string): boolean => {
    let prev = '';
    let prevEnd = -1;
    dashed.length = 0;
    const tokens = tokensFor(text);
    tokens.lastIndex = 0;
    for (let m = tokens.exec(text); m !== null; m = tokens.exec(text)) {
      let raw = m[0];
      if (known(raw)) return true;
      // "chemotherapy¹", "chemotherapy1": the matcher reads the word without the footnote's number.
      const cut = footnoteCut(raw);
      if (cut !== null) {
        if (known(cut.stem)) return true;
        if (cut.sure) raw = cut.stem;
      }
      if (prevEnd >= 0) {
        const gap = text.slice(prevEnd, m.index);
        const joins = isJoiningGap(gap);
        // "immuno-therapy", "check point": the matcher glues two pieces into one glossary word.
        if (joins && gluesAcross(prev, gap) && knownGlued(prev, raw)) return true;
        // "long form (LF)" or "LF (long form)": a definition the page gives for its own abbreviation.
        if (gap.includes('(') && (isAcronymToken(raw) || isAcronymToken(prev))) return true;
        // "CD-19", "PD-L-1": a code split by dashes where its alias is not. The matcher reads it as
        // the alias's spelling with those pieces glued ("CD19"), whose anchor is among its words.
        if (joins && DASH_RE.test(gap)) {
          let glued = raw;
          for (let k = dashed.length - 1; k >= 0; k--) {
            glued = dashed[k] + glued;
            if (known(glued)) return true;
          }
        } else dashed.length = 0;
      }
      if (dashed.length === MAX_CODE_PIECES - 1) dashed.shift();
      dashed.push(raw);
      prev = raw;
      prevEnd = m.index + raw.length;
    }
    return false;
  };

  return { has, mayHoldTerm };
}
