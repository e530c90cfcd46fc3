// @vitest-environment happy-dom
/**
 * The page-terms pass: short forms the page teaches join the glossary layer (under their entry's
 * id, page-wide), while abbreviations we lack stay in the quieter page-only layer.
 */
import { describe, expect, it } from 'vitest';
import { defaultMatcher } from '../../../../glossary/default-matcher';
import { PageDefinitions } from '../../../../entrypoints/content/terms/page-definitions';
import { createPageTerms, PAGE_ID_PREFIX } from '../../../../entrypoints/content/terms/page-only-terms';
import { TermIndex } from '../../../../entrypoints/content/terms/term-index';

class FakeStaticRange {
  constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}
(globalThis as { StaticRange?: unknown }).StaticRange ??= FakeStaticRange;

function setup(html: string, readText?: () => Iterable<Text>) {
  document.body.innerHTML = html;
  const matcher = defaultMatcher();
  let added = 0;
  const index = new TermIndex({ added: (t) => (added += t.length), removed() {} });
  const pageIndex = new TermIndex({ added() {}, removed() {} });
  const defs = new PageDefinitions(matcher);
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  // What the scan does: glossary matches per node, then the definitions of each block.
  const scan = (node: Text) => index.set(node, matcher.find(node.data));
  for (const node of nodes) scan(node);
  for (const node of nodes) defs.readAround(node);
  const pageTerms = createPageTerms({ doc: document, index, pageIndex, defs, signal: new AbortController().signal, readText });
  const text = (id: string) => document.getElementById(id)!.firstChild as Text;
  const where = (layer: TermIndex) =>
    layer.all().map((f) => `${(f.node.parentElement as HTMLElement).id}:${f.node.data.slice(f.match.start, f.match.end)}=${f.match.id}`);
  return { index, pageIndex, defs, pageTerms, text, scan, where, added: () => added };
}

const PAGE = `
  <p id="before">The MHC shows what is inside a cell.</p>
  <p id="def">It is the major histocompatibility complex (MHC), and the neutrophil-to-lymphocyte ratio (NLR) is a blood test.</p>
  <p id="after">MHC and NLR again; MHCs on T cells.</p>`;

describe('createPageTerms: taught short forms', () => {
  it('marks a taught short form in the glossary layer as its entry, before and after the definition; not in the page layer', async () => {
    const { pageTerms, index, pageIndex, where } = setup(PAGE);
    await pageTerms.refresh();
    const glossary = where(index);
    expect(glossary).toEqual(expect.arrayContaining(['before:MHC=hla', 'def:MHC=hla', 'after:MHC=hla', 'after:MHCs=hla', 'def:major histocompatibility complex=hla']));
    expect(index.termCounts().find((c) => c.id === 'hla')?.count).toBe(5);
    expect(where(pageIndex)).toEqual(['def:NLR=page:NLR', 'after:NLR=page:NLR']);
    expect(where(pageIndex).some((w) => w.includes('MHC'))).toBe(false);
    expect(pageIndex.termCounts().map((c) => c.id)).toEqual([`${PAGE_ID_PREFIX}NLR`]);
  });

  it('marks "ADC" as our antibody-drug conjugate entry where the page defines it so: the card\'s own title names it, though the glossary leaves it out alone', async () => {
    const { pageTerms, index, pageIndex, where } = setup(`
      <p id="def">Tisotumab vedotin is an antibody-drug conjugate (ADC) for cervical cancer.</p>
      <p id="after">The ADC binds tissue factor. Other ADCs are in trials.</p>`);
    await pageTerms.refresh();
    expect(where(index)).toEqual(expect.arrayContaining(['def:ADC=antibody-drug-conjugate', 'after:ADC=antibody-drug-conjugate', 'after:ADCs=antibody-drug-conjugate']));
    expect(where(pageIndex).some((w) => w.includes('ADC'))).toBe(false);
  });

  // Session 24: "X or Y" with no bracket taught nothing (blocks without a bracket were not read, and a
  // bare "or" was no cue); bare "EPO" is no glossary alias (the European Patent Office).
  it('marks "EPO" as erythropoietin where the page pairs them with "or" or ", or", and nowhere else', async () => {
    const { pageTerms, index, pageIndex, where } = setup(`
      <p id="def">Your doctor may give you erythropoietin or EPO to raise your red cells.</p>
      <p id="after">EPO can raise the risk of clots.</p>`);
    await pageTerms.refresh();
    expect(where(index)).toEqual(expect.arrayContaining(['def:EPO=erythropoietin', 'after:EPO=erythropoietin']));
    expect(where(pageIndex)).toEqual([]);
    const comma = setup(`
      <p id="def">Some patients get erythropoietin, or EPO, after chemo.</p>
      <p id="after">EPO helps.</p>`);
    await comma.pageTerms.refresh();
    expect(comma.where(comma.index)).toEqual(expect.arrayContaining(['def:EPO=erythropoietin', 'after:EPO=erythropoietin']));
    // Session 25: the other order, the short form first.
    const first = setup(`
      <p id="def">Your doctor may give you EPO or erythropoietin to raise your red cells.</p>
      <p id="after">EPO can raise the risk of clots.</p>`);
    await first.pageTerms.refresh();
    expect(first.where(first.index)).toEqual(expect.arrayContaining(['def:EPO=erythropoietin', 'after:EPO=erythropoietin']));
    const patent = setup(`
      <p id="def">The European Patent Office (EPO) granted it. A hormone called erythropoietin helps.</p>
      <p id="after">EPO rules apply.</p>`);
    await patent.pageTerms.refresh();
    expect(patent.where(patent.index).some((w) => w.includes('EPO'))).toBe(false);
  });

  // Session 25: "all" being an English word, "(ALL)" taught nothing, and the page-only layer marked every "ALL", headings too.
  it('marks "ALL" as acute lymphoblastic leukemia where the page defines it, in running text, and not in a line of capitals', async () => {
    const { pageTerms, index, pageIndex, where } = setup(`
      <p id="def">Children with acute lymphoblastic leukemia (ALL) may get CAR T-cell therapy.</p>
      <p id="after">CAR T-cell therapy for children with ALL is approved. All children need care.</p>
      <p id="nav">SEE ALL</p>
      <p id="tab">ALL</p>`);
    await pageTerms.refresh();
    const all = where(index).filter((w) => w.endsWith('=acute-lymphoblastic-leukemia'));
    expect(all).toEqual(['def:acute lymphoblastic leukemia=acute-lymphoblastic-leukemia', 'def:ALL=acute-lymphoblastic-leukemia', 'after:ALL=acute-lymphoblastic-leukemia']);
    expect(where(pageIndex).some((w) => w.includes('ALL'))).toBe(false);
  });

  it('goes over the text the scan has read, not the whole page (a long page holds most of its text back)', async () => {
    let read: Text[] = [];
    const { pageTerms, pageIndex, text, where } = setup(PAGE, () => read);
    read = [text('def')];
    await pageTerms.refresh();
    expect(where(pageIndex)).toEqual(['def:NLR=page:NLR']);
    // The reader scrolled on and the scan read the rest: a pass over what it read now marks it.
    read = [text('def'), text('after')];
    await pageTerms.refresh([text('after')]);
    expect(where(pageIndex)).toEqual(['def:NLR=page:NLR', 'after:NLR=page:NLR']);
  });

  it("gives the card our entry with the page's words", async () => {
    const { pageTerms, defs, text } = setup(PAGE);
    await pageTerms.refresh();
    expect(defs.forEntry('hla', text('after'))).toMatchObject({ entryId: 'hla', term: 'MHC', text: 'major histocompatibility complex', conflict: false });
    expect(defs.pageOnlyTerms()).toEqual(['NLR']);
  });

  it('is idempotent, and puts the taught form back after the scan rewrites a node', async () => {
    const { pageTerms, index, text, scan, where, added } = setup(PAGE);
    await pageTerms.refresh();
    const before = added();
    await pageTerms.refresh();
    expect(added()).toBe(before);
    // A change on the page: the scan sets the node's glossary matches again, without the taught ones.
    scan(text('after'));
    expect(where(index)).not.toContain('after:MHC=hla');
    await pageTerms.refresh([text('after')]);
    expect(where(index)).toContain('after:MHC=hla');
  });

  it('takes the taught form back when the page later gives it another meaning too', async () => {
    const { pageTerms, index, defs, where } = setup(PAGE);
    await pageTerms.refresh();
    const p = document.createElement('p');
    p.id = 'other';
    p.textContent = 'Our mental health clinic (MHC) is open on Mondays.';
    document.body.append(p);
    defs.readAround(p.firstChild as Text);
    await pageTerms.refresh([p.firstChild as Text]);
    expect(where(index).filter((w) => w.endsWith('=hla'))).toEqual(['def:major histocompatibility complex=hla']);
    expect(defs.pageOnlyTerms()).toContain('MHC');
  });
});
