import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleBody, quotedPassages, splitSentences } from '../../../../glossary/build/passages';
import { ARTICLE_FILE } from '../../../support/paths';

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

describe('quotedPassages', () => {
  it('returns the sentence containing each hint, in hint order, without duplicates', () => {
    expect(quotedPassages('thing', ['cost 2.5 units', 'small part'], BODY)).toEqual([
      'Dr. Smith said widgets cost 2.5 units.',
      'A widget is a small part that does one job!',
    ]);
    expect(quotedPassages('thing', ['small part', 'one job'], BODY)).toEqual(['A widget is a small part that does one job!']);
  });

  it('quotes nothing without hints, even when the article mentions the entry: quoting is a choice', () => {
    // "widget" is in three sentences, one of them a definition; none is picked automatically.
    expect(quotedPassages('widget', [], BODY)).toEqual([]);
  });

  it('throws naming the entry and the hint when a hint is not in the body', () => {
    expect(() => quotedPassages('gadget', ['not in the text'], BODY)).toThrow(/"gadget".*"not in the text"/);
  });

  it('throws when a hint is empty, only in a heading or ambiguous', () => {
    expect(() => quotedPassages('thing', ['  '], BODY)).toThrow(/"thing": empty passage hint/);
    expect(() => quotedPassages('thing', ['Section Heading'], BODY)).toThrow(/heading/);
    expect(() => quotedPassages('thing', ['widget'], BODY)).toThrow(/in 3 sentences/);
  });

  it('throws when more than two hints are given', () => {
    expect(() => quotedPassages('thing', ['a', 'b', 'c'], BODY)).toThrow(/"thing": at most 2/);
  });

  it('quotes exact sentences of the real article body', () => {
    const body = articleBody(readFileSync(ARTICLE_FILE, 'utf8'));
    const [p] = quotedPassages('pd-l1', ['PD-L1 expression'], body);
    expect(p).toMatch(/^Biomarkers such as PD-L1 expression.*\.$/);
    expect(body).toContain(p);
  });
});
