// @vitest-environment happy-dom
/**
 * The card for a glossary short form the page gives another meaning ("call the Symptom Care Clinic
 * (SCC)"): the page's words, never our entry, also when it is hovered before the page-only pass
 * took it out of the glossary layer (the scan's first marks).
 */
import { describe, expect, it } from 'vitest';
import { defaultMatcher } from '../../../../glossary/default-matcher';
import { PageDefinitions } from '../../../../entrypoints/content/terms/page-definitions';
import { createTermDescriber } from '../../../../entrypoints/content/terms/term-content';
import type { FoundTerm } from '../../../../entrypoints/content/terms/term-index';

function found(node: Text, word: string, id: string): FoundTerm {
  const start = node.data.indexOf(word);
  return { node, match: { start, end: start + word.length, id, fuzzy: false }, range: null as unknown as AbstractRange };
}

describe('createTermDescriber', () => {
  it('shows the page meaning, not our card, for a glossary short form the page redefines', () => {
    document.body.innerHTML = '<p id="a">If you have a fever, call the Symptom Care Clinic (SCC).</p><p id="b">The SCC is open 24 hours.</p>';
    const defs = new PageDefinitions(defaultMatcher());
    const describer = createTermDescriber(defs, new Map());
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    // The definition's own block is read when its SCC is hovered; the later one then follows it.
    expect(describer.describe(found(a, 'SCC', 'squamous-cell-carcinoma'))).toMatchObject({ kind: 'page', words: { term: 'SCC', text: 'Symptom Care Clinic', conflict: true } });
    expect(describer.describe(found(b, 'SCC', 'squamous-cell-carcinoma'))).toMatchObject({ kind: 'page', words: { text: 'Symptom Care Clinic' } });
  });

  it('keeps our card where the page means our sense', () => {
    document.body.innerHTML = '<p id="a">Squamous cell carcinoma (SCC) is common.</p><p id="b">The SCC grows.</p>';
    const defs = new PageDefinitions(defaultMatcher());
    const describer = createTermDescriber(defs, new Map());
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    describer.describe(found(a, 'SCC', 'squamous-cell-carcinoma'));
    expect(describer.describe(found(b, 'SCC', 'squamous-cell-carcinoma'))).toMatchObject({ kind: 'glossary', entryId: 'squamous-cell-carcinoma' });
  });
});
