import { describe, expect, it } from 'vitest';
import { markdownReadingText } from '../../eval/coverage';
import { markdownIgnoredSpans } from '../../eval/scoring';

const read = (md: string) => markdownReadingText(md, markdownIgnoredSpans(md));

describe('markdownReadingText: the Markdown a reader sees in the browser', () => {
  it('drops link syntax and targets, keeping the link text', () => {
    expect(read('given with [platinum](https://x.test/p) chemotherapy')).toBe('given with platinum chemotherapy');
  });

  it('keeps the brackets of a citation, so the number does not glue to the word before it', () => {
    expect(read('neutropenia, infection, and alopecia.[[23](#cit/section_9.23)] There were')).toBe(
      'neutropenia, infection, and alopecia.[23] There were',
    );
    expect(read('on biopsy.[[19](#cit/a),[29](#cit/b)-[31](#cit/c)] And')).toBe('on biopsy.[19,29-31] And');
  });

  it('keeps brackets that are plain text', () => {
    expect(read('a dose [not shown] here')).toBe('a dose [not shown] here');
  });
});
