// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultMatcher } from '../../../../glossary/default-matcher';
import type { Matcher } from '../../../../glossary/matcher';
import { definitionReader, PageDefinitions } from '../../../../entrypoints/content/terms/page-definitions';

function setup(html: string) {
  document.body.innerHTML = html;
  const defs = new PageDefinitions(defaultMatcher());
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) defs.readAround(n as Text);
  const text = (id: string) => document.getElementById(id)!.firstChild as Text;
  return { defs, text };
}

describe('PageDefinitions', () => {
  it('reads a definition spread over inline tags, as one block', () => {
    const { defs, text } = setup('<p id="a">We grow <em>tumor-infiltrating lymphocytes</em> (TILs) in a lab.</p><p id="b">TILs again</p>');
    expect(defs.forEntry('tumor-infiltrating-lymphocytes', text('b'))).toMatchObject({ term: 'TILs', text: 'tumor-infiltrating lymphocytes', conflict: false });
  });

  it('picks the nearest definition before the occurrence, else the first on the page', () => {
    const { defs, text } = setup(`
      <p id="early">Look for PD-L1 first.</p>
      <p id="one">PD-L1 (programmed death-ligand 1) is a protein.</p>
      <p id="mid">PD-L1 here.</p>
      <p id="two">PD-L1 (programmed cell death ligand 1) again.</p>
      <p id="late">PD-L1 at the end.</p>`);
    expect(defs.forEntry('pd-l1', text('early'))?.text).toBe('programmed death-ligand 1');
    expect(defs.forEntry('pd-l1', text('mid'))?.text).toBe('programmed death-ligand 1');
    expect(defs.forEntry('pd-l1', text('late'))?.text).toBe('programmed cell death ligand 1');
  });

  it('follows the page when it gives one of our abbreviations another meaning', () => {
    const { defs, text } = setup('<p id="a">Here TMB (total metabolic burden) is seen on a PET scan.</p><p id="b">High TMB.</p>');
    expect(defs.isConflict('TMB')).toBe(true);
    expect(defs.forEntry('tumor-mutational-burden', text('b'))).toBeNull();
    expect(defs.pageMeaning('TMB', text('b'))).toMatchObject({ text: 'total metabolic burden', conflict: true });
    expect(defs.conflictTerms()).toEqual(['TMB']);
  });

  it('keeps abbreviations our glossary lacks as page-only terms, plural or not', () => {
    const { defs, text } = setup('<p id="a">The neutrophil-to-lymphocyte ratio (NLR) matters.</p><p id="b">Two NLRs.</p>');
    expect(defs.pageOnlyTerms()).toEqual(['NLR']);
    expect(defs.pageMeaning('NLRs', text('b'))).toMatchObject({ text: 'neutrophil-to-lymphocyte ratio', conflict: false });
    expect(defs.isConflict('NLR')).toBe(false);
  });

  it('marks only acronym-like page-only terms: a defined "E" or "Ad" would light up every "e" and "ad"', () => {
    const { defs, text } = setup(
      '<p id="a">Cells were excitatory (E, n = 20). An adenovirus (Ad) vector and the nucleoprotein (NP) were used.</p><p id="b">E and Ad again.</p>',
    );
    expect(defs.pageOnlyTerms()).toEqual(['NP']);
    // The definition is still read; only the marking is left out.
    expect(defs.pageMeaning('Ad', text('b'))).toMatchObject({ text: 'adenovirus' });
  });

  it('reads each block once and finds nothing in blocks that only use terms', () => {
    const { defs } = setup('<p>Immunotherapy helps. Chemotherapy too.</p>');
    expect(defs.size).toBe(0);
  });

  it("takes a sentence that defines a glossary term as the page's explanation", () => {
    const { defs, text } = setup(`
      <p id="def">A <b>biomarker</b> is a substance in your blood or tumor that doctors can measure.</p>
      <p id="opinion">Immunotherapy is a good option for some people.</p>
      <p id="use">Ask which biomarker was tested. Ask about immunotherapy.</p>`);
    expect(defs.forEntry('biomarker', text('use'))).toMatchObject({
      term: 'biomarker',
      text: expect.stringContaining('a substance in your blood or tumor'),
      conflict: false,
    });
    expect(defs.forEntry('immunotherapy', text('use'))).toBeNull();
  });

  it('prefers the long form given in brackets over a defining sentence in the same block', () => {
    const { defs, text } = setup(
      '<p id="a">Tumor-infiltrating lymphocytes (TILs) are immune cells that have moved into a tumor.</p><p id="b">TILs</p>',
    );
    expect(defs.forEntry('tumor-infiltrating-lymphocytes', text('b'))?.text).toBe('Tumor-infiltrating lymphocytes');
  });

  it("reads a scanned block with the scan's matches, and matches a block again only when the scan has not read it all", () => {
    document.body.innerHTML = '<p id="a">A <b>biomarker</b> is a substance in your blood or tumor that doctors can measure.</p><p id="b">Biomarker.</p>';
    const matcher = defaultMatcher();
    const matched: string[] = [];
    const counting = Object.create(matcher, { find: { value: (t: string) => (matched.push(t), matcher.find(t)) } }) as Matcher;
    const nodes = [...document.querySelectorAll('p, b')].flatMap((e) => [...e.childNodes].filter((n): n is Text => n.nodeType === 3));
    const scanned = new PageDefinitions(counting);
    const read = definitionReader(scanned);
    for (const node of nodes) read(node, matcher.find(node.data));
    scanned.readAround(nodes[0]!);
    expect(matched).toEqual([]);
    const b = document.getElementById('b')!.firstChild as Text;
    expect(scanned.forEntry('biomarker', b)).toMatchObject({ term: 'biomarker', text: expect.stringContaining('a substance in your blood') });
    // Hovered before the scan got there: the block is matched whole, as the scan would have.
    const unscanned = new PageDefinitions(counting);
    unscanned.readAround(nodes[0]!);
    expect(matched).toEqual([document.getElementById('a')!.textContent]);
    expect(unscanned.forEntry('biomarker', b)).toMatchObject({ term: 'biomarker' });
  });

  it('reads queued blocks after the scan, and nothing once stopped', async () => {
    document.body.innerHTML = '<p id="a">The neutrophil-to-lymphocyte ratio (NLR) matters.</p>';
    const node = document.getElementById('a')!.firstChild as Text;
    const defs = new PageDefinitions(defaultMatcher());
    defs.enqueue(node);
    expect(defs.size).toBe(0); // queued, not read yet
    const stopped = new AbortController();
    stopped.abort();
    await defs.readQueued(stopped.signal, () => Promise.resolve());
    expect(defs.size).toBe(0);
    await defs.readQueued(new AbortController().signal, () => Promise.resolve());
    expect(defs.pageOnlyTerms()).toEqual(['NLR']);
  });
});
