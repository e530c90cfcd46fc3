import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleBody, findPassages, splitSentences } from '../../../../glossary/build/passages';
import type { GlossaryEntrySource } from '../../../../glossary/types';
import { ARTICLE_FILE } from '../../../support/paths';

const entry = (over: Partial<GlossaryEntrySource> = {}): GlossaryEntrySource => ({
  id: 'thing',
  term: 'Thing',
  aliases: ['thing'],
  category: 'treatment',
  definition: 'A thing.',
  related: [],
  ...over,
});

/** A stand-in for the matcher: reports every case-insensitive occurrence of `word` as `id`. */
const findWord =
  (word: string, id: string) =>
  (text: string) => {
    const out: { start: number; end: number; id: string }[] = [];
    const re = new RegExp(`\\b${word}\\b`, 'gi');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, id });
    return out;
  };

const BODY = [
  'A Title Line',
  '',
  'The first sentence mentions a widget.  A widget is a small part that does one job! Does it “work”? Yes, it’s fine',
  '',
  'Section Heading',
  '',
  'Dr. Smith said widgets cost 2.5 units. Another  sentence,\twith odd   spacing.',
].join('\n');

describe('splitSentences', () => {
  const sentences = splitSentences(BODY);

  it('returns exact substrings with their offsets', () => {
    for (const s of sentences) expect(BODY.slice(s.start, s.end)).toBe(s.text);
  });

  it('skips headings and keeps inner spacing, quotes and apostrophes untouched', () => {
    expect(sentences.map((s) => s.text)).toEqual([
      'The first sentence mentions a widget.',
      'A widget is a small part that does one job!',
      'Does it “work”?',
      'Yes, it’s fine',
      'Dr. Smith said widgets cost 2.5 units.',
      'Another  sentence,\twith odd   spacing.',
    ]);
  });

  it('splits the real article into its sentences, none from headings', () => {
    const full = readFileSync(ARTICLE_FILE, 'utf8');
    const body = articleBody(full);
    const ss = splitSentences(body);
    expect(ss).toHaveLength(24);
    for (const s of ss) {
      expect(body.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toMatch(/[.!?]$/);
    }
    expect(ss.map((s) => s.text)).not.toContain('Checkpoint Inhibitors');
    expect(ss[6]!.text).toContain('the body’s immune system');
  });
});

describe('articleBody', () => {
  const full = readFileSync(ARTICLE_FILE, 'utf8');

  it('ends with the Final Note paragraph and drops the site chrome', () => {
    const body = articleBody(full);
    expect(full.startsWith(body)).toBe(true);
    expect(body.endsWith('paving the way for personalized and effective treatment strategies.')).toBe(true);
    expect(body).toContain('Final Note');
    for (const chrome of ['Best Cancer Treatment Hospital', 'Jaipur', 'Leave a Reply', 'email address', 'You May Also Like']) {
      expect(body).not.toContain(chrome);
    }
  });

  it('throws when the Final Note marker is missing', () => {
    expect(() => articleBody(full.replace('Final Note', 'Closing Thoughts'))).toThrow(/Final Note/);
  });

  it('throws when no paragraph follows the Final Note heading', () => {
    expect(() => articleBody('Title\n\nSome text here.\n\nFinal Note\n\n')).toThrow(/no paragraph follows/);
  });

  it('throws when chrome sits inside the article body', () => {
    const text = 'Title\n\nBest Cancer Treatment Hospital is here.\n\nFinal Note\n\nThe end.\n';
    expect(() => articleBody(text)).toThrow(/site chrome/);
  });
});

describe('findPassages', () => {
  it('returns the sentence containing each hint, in hint order, without duplicates', () => {
    const e = entry({ passageHints: ['cost 2.5 units', 'small part'] });
    expect(findPassages(e, BODY, () => [])).toEqual([
      'Dr. Smith said widgets cost 2.5 units.',
      'A widget is a small part that does one job!',
    ]);
    const same = entry({ passageHints: ['small part', 'one job'] });
    expect(findPassages(same, BODY, () => [])).toEqual(['A widget is a small part that does one job!']);
  });

  it('throws naming the entry and the hint when a hint is not in the body', () => {
    const e = entry({ id: 'gadget', passageHints: ['not in the text'] });
    expect(() => findPassages(e, BODY, () => [])).toThrow(/"gadget".*"not in the text"/);
  });

  it('throws when a hint is only in a heading or is ambiguous', () => {
    expect(() => findPassages(entry({ passageHints: ['Section Heading'] }), BODY, () => [])).toThrow(/heading/);
    expect(() => findPassages(entry({ passageHints: ['widget'] }), BODY, () => [])).toThrow(/in 3 sentences/);
  });

  it('throws when more than two hints are given', () => {
    expect(() => findPassages(entry({ passageHints: ['a', 'b', 'c'] }), BODY, () => [])).toThrow(/at most 2/);
  });

  it('without hints, prefers a sentence that defines the term over the first mention', () => {
    expect(findPassages(entry({ id: 'widget' }), BODY, findWord('widget', 'widget'))).toEqual([
      'A widget is a small part that does one job!',
    ]);
  });

  it('without hints, falls back to the first sentence that mentions the entry', () => {
    const body = 'Title\n\nWe all saw the gizmo today. Then we saw that the gizmo broke.\n';
    expect(findPassages(entry({ id: 'gizmo' }), body, findWord('gizmo', 'gizmo'))).toEqual(['We all saw the gizmo today.']);
  });

  it('ignores matches for other entries and returns [] when the entry is never mentioned', () => {
    expect(findPassages(entry({ id: 'gizmo' }), BODY, findWord('widget', 'widget'))).toEqual([]);
  });

  it('never quotes a heading', () => {
    expect(findPassages(entry({ id: 'sec' }), BODY, findWord('section', 'sec'))).toEqual([]);
  });
});
