/**
 * A small JSON parser that remembers where things are, so a glossary file's problems
 * can name a line: where each array element and each object field starts. Pure.
 *
 * JSON.parse would do for valid files, but its error messages differ between browsers
 * and rarely say the line. This one reports line and column with a plain message, and
 * treats a field given twice in one object as an error (JSON.parse silently keeps the last).
 */
import { t } from '../i18n';

export interface JsonLocations {
  /** Offset of each element of every array in the result. */
  elements: WeakMap<unknown[], number[]>;
  /** Offset of each field name of every object in the result. */
  keys: WeakMap<object, Map<string, number>>;
}

export type JsonParse =
  | { ok: true; value: unknown; locations: JsonLocations }
  | { ok: false; line: number; column: number; message: string };

/** Deeper nesting than this is not a glossary (and could exhaust the stack). */
const MAX_DEPTH = 64;

class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** 1-based line and column of a UTF-16 offset. CRLF, LF and a lone CR each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(c: string | undefined): string {
  if (c === undefined) return t('optionsJsonEnd');
  if (c === "'") return t('optionsJsonSingleQuote');
  if (/\s/.test(c)) return t('optionsJsonSpace');
  return t('optionsJsonChar', c);
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE_RE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

export function parseJsonWithLocations(text: string): JsonParse {
  const n = text.length;
  const locations: JsonLocations = { elements: new WeakMap(), keys: new WeakMap() };
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SyntaxProblem(at, message);
  };
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= n) fail(t('optionsJsonUnclosedText'), start);
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        ESCAPE_RE.lastIndex = i;
        if (!ESCAPE_RE.test(text)) fail(t('optionsJsonBackslash'));
        i = ESCAPE_RE.lastIndex;
        continue;
      }
      if (c === '\n' || c === '\r') fail(t('optionsJsonLineBreak'));
      if (c < ' ') fail(t('optionsJsonControl'));
      i++;
    }
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (depth: number): unknown => {
    space();
    const c = text[i];
    if (c === '{') return object(depth + 1);
    if (c === '[') return array(depth + 1);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(text);
      if (!m) fail(t('optionsJsonNumber'));
      i = NUMBER_RE.lastIndex;
      return Number(m![0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === undefined) return fail(t('optionsJsonEndsEarly'));
    return fail(t('optionsJsonExpectedValue', describe(c)));
  };

  const array = (depth: number): unknown[] => {
    if (depth > MAX_DEPTH) fail(t('optionsJsonTooDeep'));
    const out: unknown[] = [];
    const offsets: number[] = [];
    i++; // [
    space();
    if (text[i] === ']') {
      i++;
    } else {
      for (;;) {
        space();
        if (text[i] === ']') fail(t('optionsJsonTrailingCommaList'));
        offsets.push(i);
        out.push(value(depth));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        fail(t('optionsJsonExpectedListComma', describe(text[i])));
      }
    }
    locations.elements.set(out, offsets);
    return out;
  };

  const object = (depth: number): Record<string, unknown> => {
    if (depth > MAX_DEPTH) fail(t('optionsJsonTooDeep'));
    // A null prototype, so a field named "__proto__" is just a field.
    const out = Object.create(null) as Record<string, unknown>;
    const keys = new Map<string, number>();
    i++; // {
    space();
    if (text[i] === '}') {
      i++;
    } else {
      for (;;) {
        space();
        if (text[i] === '}') fail(t('optionsJsonTrailingCommaObject'));
        if (text[i] !== '"') fail(t('optionsJsonExpectedName', describe(text[i])));
        const at = i;
        const key = string();
        if (keys.has(key)) fail(t('optionsJsonFieldTwice', key), at);
        keys.set(key, at);
        space();
        if (text[i] !== ':') fail(t('optionsJsonExpectedColon', [key, describe(text[i])]));
        i++;
        out[key] = value(depth);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail(t('optionsJsonExpectedObjectComma', describe(text[i])));
      }
    }
    locations.keys.set(out, keys);
    return out;
  };

  try {
    const result = value(0);
    space();
    if (i < n) fail(t('optionsJsonTrailing', describe(text[i])));
    return { ok: true, value: result, locations };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    return { ok: false, ...lineColumn(text, e.offset), message: e.message };
  }
}
