/**
 * Honest quotes: the card quotes the source article only where the quote does not mislead. The
 * article is partly vague and partly out of date, so some sentences must never be quoted, some
 * entries quote nothing, and some quotes carry a dated note saying what is known now.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEntry, glossary } from '../../../glossary/index';
import { articleBody } from '../../../glossary/build/passages';

const body = articleBody(readFileSync(resolve(__dirname, '../../..', glossary.source.file), 'utf8'));

describe('article quotes (shipped glossary)', () => {
  it.each(['median survival measured in months', 'not yet widely adopted', 'another avenue of immunotherapy', 'poor prognosis and limited treatment options'])(
    'never quotes a sentence with "%s"',
    (phrase) => {
      // The phrase is in the article: the test would be empty otherwise.
      expect(body).toContain(phrase);
      const quoting = glossary.entries.filter((e) => e.passages.some((p) => p.includes(phrase))).map((e) => e.id);
      expect(quoting).toEqual([]);
    },
  );

  it.each(['prognosis', 'median-survival', 'combination-therapy', 'monoclonal-antibody', 'cohort'])('%s quotes nothing', (id) => {
    const entry = getEntry(id);
    expect(entry, id).toBeDefined();
    expect(entry!.passages).toEqual([]);
    expect(entry!.articleNote).toBeUndefined();
  });

  it.each(['pd-l1', 'immune-checkpoint-inhibitor'])('%s quotes the article with a dated note saying what is known now', (id) => {
    const entry = getEntry(id)!;
    expect(entry.passages.length).toBeGreaterThan(0);
    expect(entry.articleNote?.text).toMatch(/\S/);
    expect(entry.articleNote?.asOf).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
  });

  it('quotes only verbatim article sentences, and notes only under a quote', () => {
    for (const e of glossary.entries) {
      for (const p of e.passages) expect(body, e.id).toContain(p);
      if (e.articleNote) expect(e.passages.length, e.id).toBeGreaterThan(0);
    }
  });
});
