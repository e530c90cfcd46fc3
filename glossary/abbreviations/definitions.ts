/**
 * Finds the plain definitions a page gives for its own glossary terms: "PD-L1 is a protein that
 * …", "TILs are immune cells that …", "pembrolizumab, a type of immunotherapy, …",
 * "CAR T-cell therapy (a treatment that …)", "TMB refers to …". Pure and DOM-free.
 *
 * Precision over recall: the term must be the subject of the sentence (at its start, after an
 * article, or the abbreviation in brackets right after the subject), and the words after it must
 * be one of a few definitional patterns. "Immunotherapy is not for everyone" and "TMB is a good
 * sign" are not definitions.
 */
import { NON_FINAL_ABBREVIATIONS } from './abbreviations-text';

export interface TermOccurrence {
  start: number;
  end: number;
  id: string;
}

export type DefinitionPattern = 'copula' | 'explicit' | 'appositive' | 'parenthetical';

export interface PageDefinition {
  /** The glossary entry the definition is for. */
  id: string;
  /** The definition as written on the page: text.slice(start, end). */
  text: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** The term occurrence the definition is about. */
  termStart: number;
  termEnd: number;
  pattern: DefinitionPattern;
}

/** Longer sentences are cut at a clause boundary; past this they are not quoted at all. */
const MAX_DEFINITION_LENGTH = 400;

/** "is a", "are the", "is one of", "is a type of", "are types of". */
const COPULA = /^\s+(?:is|are)\s+(?:one\s+of\s+|(?:a|an|the)\s+|(?:types?|kinds?|forms?|groups?|class(?:es)?|famil(?:y|ies))\s+of\s+)/i;
/** "are immune cells that", "are drugs which" (plural subjects take no article). */
const PLURAL_COPULA = /^\s+are\s+(?:[\p{L}\p{N}-]+\s+){0,3}?[\p{L}\p{N}-]+\s+(?:that|which|who|whose)\s/iu;
const EXPLICIT = /^\s+(?:refers?\s+to|means?|(?:is|are)\s+defined\s+as|(?:is|are)\s+short\s+for|stands?\s+for|(?:is|are)\s+(?:also\s+)?(?:a\s+)?(?:term|name|word)\s+for)\s+/i;
/** ", a type of immunotherapy," — an appositive noun phrase. */
const APPOSITIVE = /^,\s+(?:a|an)\s+/i;
/** "(a protein that …)". */
const PARENTHETICAL = /^\s*\(\s*(?:a|an)\s+[^()]{8,}\)/i;
/** Words after "are" that describe rather than define ("are different from the ones that …"). */
const NOT_A_CLASS = /^(?:different|similar|often|usually|also|not|more|less|most|very|only|still|now|being|used|given|available|able|likely|unlikely|important|common|rare|safe|effective|useful|those|ones|all|some|many|few)\b/i;
/** Opinions and roles, not definitions: "is the treatment of choice". */
const OPINION = /^(?:\S+\s+){0,4}?(?:of\s+choice|standard\s+of\s+care)\b/i;

/** Words after "is a" that make an opinion or a role, not a definition ("is a good option"). */
const NOT_DEFINING = /^(?:only|good|great|better|best|first|last|big|major|key|new|promising|important|possible|reasonable|option|choice|concern|question|issue|reason|lot|bit|part|step|goal|way|must|chance|risk|sign|possibility|combination|bad|poor|matter|case|fact)\b/i;
/** A definition states what something is: these words before the term make it something else. */
const LEADING_PREPOSITION = /^(?:for|in|with|of|about|after|before|during|unlike|like|without|if|when|because|although|while)$/i;

export function findDefinitions(text: string, terms: TermOccurrence[]): PageDefinition[] {
  const found: PageDefinition[] = [];
  const seen = new Set<string>();
  const sentences = sentenceFinder(text);
  for (const term of terms) {
    const definition = definitionFor(text, term, sentences);
    if (!definition) continue;
    const key = `${definition.id}:${definition.start}:${definition.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(definition);
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * What every pattern below needs right after the term (or after a bracketed aside or the ")" of
 * the subject's abbreviation, see subjectEnd): "is", "are", "refers", "means", "stands", ", a",
 * "(a". Most terms have none of these after them, and are let go before their sentence is found
 * (finding sentences was most of the definition reading on the 5 MB bench page).
 */
const CUE = /(?:\s*\)|\s*\([^()]{1,80}\))?(?:\s+(?:is|are|refers?|means?|stands?)\s|,\s+(?:a|an)\s|\s*\(\s*(?:a|an)\s)/iy;

function definitionFor(text: string, term: TermOccurrence, sentences: (pos: number) => Span | undefined): PageDefinition | undefined {
  CUE.lastIndex = term.end;
  if (!CUE.test(text)) return undefined;
  const sentence = sentences(term.start);
  if (!sentence || text[sentence.end - 1] === '?') return undefined;
  const make = (start: number, end: number, pattern: DefinitionPattern): PageDefinition | undefined => {
    const span = trimSpan(text, start, end);
    if (span.end - span.start > MAX_DEFINITION_LENGTH || span.end <= term.end) return undefined;
    return { id: term.id, text: text.slice(span.start, span.end), start: span.start, end: span.end, termStart: term.start, termEnd: term.end, pattern };
  };
  const prefix = text.slice(sentence.start, term.start);
  const subject = subjectEnd(text, term, prefix);
  if (subject !== undefined) {
    const rest = text.slice(subject, sentence.end);
    const copula = COPULA.exec(rest);
    const complement = copula && rest.slice(copula[0].length);
    if (complement && !NOT_DEFINING.test(complement) && !OPINION.test(complement)) return make(sentence.start, clauseEnd(text, subject, sentence.end), 'copula');
    const plural = rest.replace(/^\s+are\s+/i, '');
    if (PLURAL_COPULA.test(rest) && !NOT_DEFINING.test(plural) && !NOT_A_CLASS.test(plural) && !OPINION.test(plural)) {
      return make(sentence.start, clauseEnd(text, subject, sentence.end), 'copula');
    }
    if (EXPLICIT.test(rest)) return make(sentence.start, clauseEnd(text, subject, sentence.end), 'explicit');
  }
  const after = text.slice(term.end, sentence.end);
  const firstWord = /^[\p{L}]+/u.exec(prefix.trim())?.[0] ?? '';
  if (APPOSITIVE.test(after) && !(prefix.trim() === firstWord && LEADING_PREPOSITION.test(firstWord))) {
    // The appositive must close with a comma: "To find the lymph node, a dye is injected" is no appositive.
    const stop = after.indexOf(',', 1);
    const end = term.end + stop;
    const phrase = text.slice(term.end + 1, end).trim();
    if (stop > 0 && phrase.split(/\s+/).length >= 3 && !NOT_DEFINING.test(after.replace(APPOSITIVE, ''))) return make(term.start, end, 'appositive');
  }
  const parenthetical = PARENTHETICAL.exec(after);
  if (parenthetical && parenthetical[0].split(/\s+/).length >= 4) return make(term.start, term.end + parenthetical[0].length, 'parenthetical');
  return undefined;
}

/**
 * Where the subject ends, when the term is the subject: at the start of the sentence (after an
 * optional article), or the abbreviation in brackets right after it ("Tumor mutational burden
 * (TMB) is …"). A bracketed aside right after the term is part of the subject.
 */
function subjectEnd(text: string, term: TermOccurrence, prefix: string): number | undefined {
  let end = term.end;
  if (/^\s*(?:(?:a|an|the)\s+)?(?:(?:term|word|phrase|abbreviation|acronym)\s+)?["'“‘]?$/i.test(prefix)) {
    // "PD-L1 (programmed death-ligand 1) is …"
    const aside = /^\s*\([^()]{1,80}\)/.exec(text.slice(end, end + 90));
    if (aside) end += aside[0].length;
    return end;
  }
  // "Tumor mutational burden (TMB) is …": the term is the abbreviation of a short subject.
  if (/^\s*(?:(?:a|an|the)\s+)?[^\s.,;:()][^.,;:()]{0,80}\(\s*$/i.test(prefix) && /^\s*\)/.test(text.slice(end, end + 5))) {
    return end + text.slice(end).indexOf(')') + 1;
  }
  return undefined;
}

interface Span {
  start: number;
  end: number;
}

/** A sentence longer than this either way is not quoted (and the scan stays bounded per term). */
const MAX_SENTENCE_REACH = 1500;

/**
 * The sentence around a position (from after the previous sentence end to after the next one),
 * for many positions in one text, each sentence's edges found once. A long block
 * with a term every few words looked for the same edges again from each term, character by
 * character (up to MAX_SENTENCE_REACH each way): most of the definition reading on long pages.
 * The edges found for one position are the nearest sentence breaks on either side, so they are
 * the same for every position between them; only the reach limit is checked again per position.
 */
export function sentenceFinder(text: string): (pos: number) => Span | undefined {
  let from = -1;
  let to = -1;
  let span: Span | undefined;
  return (pos) => {
    if (pos < from || pos >= to) {
      // Where a sentence starts and ends: `from` is a break (or 0), `to` the next one (or the end).
      let start = pos;
      while (start > 0 && !isBoundaryBefore(text, start)) if (pos - --start > MAX_SENTENCE_REACH) return undefined;
      let end = Math.min(pos + 1, text.length);
      while (end < text.length && !isBoundaryBefore(text, end)) if (++end - pos > MAX_SENTENCE_REACH) return undefined;
      from = start;
      to = end;
      span = trimSpan(text, start, end);
    }
    return pos - from > MAX_SENTENCE_REACH || to - pos > MAX_SENTENCE_REACH ? undefined : span;
  };
}

/** Is there a sentence break just before index i (after the punctuation and spaces)? */
function isBoundaryBefore(text: string, i: number): boolean {
  const prev = text[i - 1];
  // Most positions are inside a word: decide those without a regular expression.
  if (prev === undefined || (prev !== ' ' && prev !== '\n' && prev !== '\t' && prev !== '\r' && !/\s/.test(prev))) return false;
  if (prev === '\n' && (text[i - 2] === '\n' || /^[ \t]*(?:[#>*+|-]|\d+[.)]\s)/.test(text.slice(i, i + 8)))) return true;
  if (prev === '\n' && /[.!?:]\s*$/.test(text.slice(Math.max(0, i - 4), i - 1))) return true;
  // Walk back over spaces and closing quotes/brackets to the punctuation.
  let j = i - 1;
  while (j > 0 && /\s/.test(text[j]!)) j--;
  while (j > 0 && /["'”’)\]]/.test(text[j]!)) j--;
  const ch = text[j];
  if (ch === '!' || ch === '?') return true;
  if (ch !== '.') return false;
  let w = j;
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, j).toLowerCase();
  // Initials and abbreviations ("J.", "U.S.", "e.g.", "vs.") do not end a sentence.
  if (word.length === 1 || word.includes('.') || NON_FINAL_ABBREVIATIONS.has(word)) return false;
  return /^\s*["'“‘(]?[\p{Lu}\p{N}]/u.test(text.slice(i, i + 4)) || i >= text.length;
}

/** A long sentence is cut at its first ";" after the subject. */
function clauseEnd(text: string, from: number, sentenceEnd: number): number {
  const semicolon = text.indexOf(';', from);
  return semicolon > 0 && semicolon < sentenceEnd ? semicolon : sentenceEnd;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}
