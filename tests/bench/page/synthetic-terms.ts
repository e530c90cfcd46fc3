/**
 * A deterministic synthetic glossary: pseudo-medical words ("trolabine", "cytovesal kinase"), 1–3 tokens per
 * term, some acronyms ("QTX", "RV2"), so the matcher can be grown to 1,000 or 10,000 terms. Same seed, same
 * terms on every run and machine (mulberry32 PRNG).
 */
import type { MatchableEntry } from '../../../glossary/matcher';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cl', 'cr', 'dr', 'gl', 'ph', 'pl', 'pr', 'st', 'th', 'tr', 'cy', 'ly'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'y', 'io', 'ea', 'ou', 'ae'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'x', 'm', 't', 'st', 'nd'];
const SUFFIXES = ['', '', 'ine', 'ase', 'oma', 'itis', 'emia', 'ide', 'ol', 'ab', 'ib', 'in', 'osis', 'ic', 'al'];
const UPPER = [...'ABCDEFGHJKLMNPQRSTVWXYZ'];

/** `count` synthetic entries with ids `syn-0` … `syn-{count-1}`. */
export function syntheticEntries(count: number, seed = 0x7e51): MatchableEntry[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = (): string => {
    // 2–4 syllables plus an optional suffix: 4–16 letters, most 6–11 (like medical words).
    const syllables = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(NUCLEI) + (i === syllables - 1 ? pick(CODAS) : '');
    return w + pick(SUFFIXES);
  };
  const acronym = (): string => {
    const n = 2 + Math.floor(rnd() * 3);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(UPPER);
    return rnd() < 0.3 ? `${s}${1 + Math.floor(rnd() * 9)}` : s;
  };
  const seen = new Set<string>();
  const out: MatchableEntry[] = [];
  while (out.length < count) {
    const r = rnd();
    const tokens = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
    const words: string[] = [];
    for (let i = 0; i < tokens; i++) words.push(rnd() < 0.1 ? acronym() : word());
    const alias = words.join(rnd() < 0.2 ? '-' : ' ');
    const key = alias.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const entry: MatchableEntry = { id: `syn-${out.length}`, aliases: [alias] };
    // A quarter get a second alias (a short form), like real entries.
    if (rnd() < 0.25) {
      const short = acronym();
      if (!seen.has(short.toLowerCase())) {
        seen.add(short.toLowerCase());
        entry.aliases.push(short);
      }
    }
    out.push(entry);
  }
  return out;
}
