// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { GlossaryEntry } from '../../../glossary/types';
import { container, mountEachTest } from '../support/mount';
import { t } from '../../../utils/i18n';

// A fixed glossary, so these tests do not depend on the shipped data.
vi.mock('../../../glossary/index', () => import('../support/glossary-mock').then((m) => m.glossaryIndexModule()));
vi.mock('../../../glossary/match-data', () => import('../support/glossary-mock').then((m) => m.matchDataModule()));

const { TermCard, monthYear, sourceNames } = await import('../../../components/TermCard');
const DISCLAIMER = t('cardDisclaimer');

const SOURCE = 'Immunotherapy for Stage 4 Cervical Cancer';

const pdl1: GlossaryEntry = {
  id: 'pd-l1',
  term: 'PD-L1',
  expansion: 'programmed death-ligand 1',
  aliases: ['PD-L1'],
  category: 'biomarkers',
  definition: 'A protein on some cells that tells immune cells to stand down.',
  related: ['immunotherapy', 'no-such-entry'],
  passages: ['Checkpoint inhibitors, such as those targeting PD-1 and its ligand PD-L1, have emerged as promising agents.'],
  checkedAgainst: ['NCI Dictionary of Cancer Terms: PD-L1', 'FDA label: KEYTRUDA'],
  reviewed: '2026-12-05',
};

mountEachTest();

describe('TermCard', () => {
  it('shows the term, expansion, definition, passage, source, category and disclaimer', () => {
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} />, container);
    const heading = container.querySelector('h2');
    expect(heading?.textContent).toBe('PD-L1');
    expect(container.querySelector('.tl-card-expansion')?.textContent).toBe('programmed death-ligand 1');
    expect(container.querySelector('.tl-card-definition')?.textContent).toBe(pdl1.definition);
    const quote = container.querySelector('blockquote');
    expect(quote?.textContent).toBe(pdl1.passages[0]);
    expect(container.querySelector('cite')?.textContent).toBe(SOURCE);
    expect(container.querySelector('.tl-chip')?.textContent).toBe('Biomarkers and genes');
    expect(container.querySelector('.tl-card-category')?.textContent).toBe('Category: Biomarkers and genes');
    expect(container.querySelector('.tl-card-checked')?.textContent).toBe(
      'Checked against NCI Dictionary of Cancer Terms, FDA label (December 2026).',
    );
    expect(container.querySelector('footer')?.textContent).toBe(
      'Checked against NCI Dictionary of Cancer Terms, FDA label (December 2026).' + DISCLAIMER,
    );
    expect(DISCLAIMER).toBe('General information, not medical advice. Ask your care team about your own care.');
    const subheadings = [...container.querySelectorAll('h3')].map((h) => h.textContent);
    expect(subheadings).toEqual(['From the article', 'Related terms']);
  });

  it('shows the pronunciation under the term, only when the entry has one', () => {
    render(<TermCard entry={{ ...pdl1, pronunciation: 'pem-broh-LIZ-oo-mab' }} sourceTitle={SOURCE} />, container);
    const said = container.querySelector('.tl-card-pronunciation');
    expect(said?.textContent).toBe('Say it like this: pem-broh-LIZ-oo-mab');
    expect(said?.closest('header')).not.toBeNull();
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} />, container);
    expect(container.querySelector('.tl-card-pronunciation')).toBeNull();
  });

  it('shows a dated update under an out-of-date quote', () => {
    const noted: GlossaryEntry = { ...pdl1, articleNote: { text: 'PD-L1 testing is now standard.', asOf: '2026-12' } };
    render(<TermCard entry={noted} sourceTitle={SOURCE} />, container);
    const note = container.querySelector('.tl-quote-note');
    expect(note?.textContent).toBe('Update, December 2026: PD-L1 testing is now standard.');
    const quote = container.querySelector('blockquote');
    expect(quote && note && quote.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} />, container);
    expect(container.querySelector('.tl-quote-note')).toBeNull();
  });

  it('leaves the checked-against line out when no source is named', () => {
    render(<TermCard entry={{ ...pdl1, checkedAgainst: [] }} sourceTitle={SOURCE} />, container);
    expect(container.querySelector('.tl-card-checked')).toBeNull();
    expect(container.querySelector('footer')?.textContent).toBe(DISCLAIMER);
  });

  it('names sources briefly, once each, at most three', () => {
    expect(sourceNames(['NCI Dictionary of Cancer Terms: brachytherapy', 'NCI Dictionary of Cancer Terms: PD-L1', 'FDA label: KEYTRUDA'])).toEqual([
      'NCI Dictionary of Cancer Terms',
      'FDA label',
    ]);
    expect(sourceNames(['AACR News (2024)', 'A', 'B', 'C'])).toEqual(['AACR News', 'A', 'B']);
    expect(sourceNames(['Mayo Clinic'], 1)).toEqual(['Mayo Clinic']);
    // A bare "NCI" beside "NCI Dictionary of Cancer Terms" says nothing more.
    expect(sourceNames(['NCI: Prognosis', 'NCI Dictionary of Cancer Terms: prognosis'])).toEqual(['NCI Dictionary of Cancer Terms']);
  });

  it('writes a date as month and year', () => {
    expect(monthYear('2026-12')).toBe('December 2026');
    expect(monthYear('2026-01-05')).toBe('January 2026');
    expect(monthYear('2026-13')).toBe('2026-13');
    expect(monthYear('soon')).toBe('soon');
  });

  it('uses only tl- prefixed classes', () => {
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} onRelated={() => {}} />, container);
    const classes = [...container.querySelectorAll('[class]')].flatMap((el) => [...el.classList]);
    expect(classes.length).toBeGreaterThan(5);
    for (const c of classes) expect(c).toMatch(/^tl-/);
  });

  it('renders markup in the data as text, never as HTML', () => {
    const evil: GlossaryEntry = {
      ...pdl1,
      term: '<b>PD-L1</b>',
      expansion: '<i>x</i>',
      definition: 'Before <img src=x onerror=alert(1)> after',
      passages: ['<script>alert(1)</script><img src=y>'],
      pronunciation: '<u>x</u>',
      articleNote: { text: '<a href=x>y</a>', asOf: '2026-12' },
      checkedAgainst: ['<img src=w>'],
      category: '<svg onload=alert(1)>' as GlossaryEntry['category'],
    };
    render(<TermCard entry={evil} sourceTitle={'<img src=z>'} />, container);
    for (const tag of ['img', 'script', 'b', 'i', 'svg', 'u', 'a']) {
      expect(container.querySelector(tag), tag).toBeNull();
    }
    expect(container.querySelector('.tl-card-definition')?.textContent).toBe('Before <img src=x onerror=alert(1)> after');
    expect(container.querySelector('h2')?.textContent).toBe('<b>PD-L1</b>');
    expect(container.querySelector('blockquote')?.textContent).toBe('<script>alert(1)</script><img src=y>');
    expect(container.querySelector('cite')?.textContent).toBe('<img src=z>');
  });

  it('makes related terms buttons that call onRelated, skipping unknown ids', () => {
    const onRelated = vi.fn();
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} onRelated={onRelated} />, container);
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Immunotherapy']);
    expect(buttons[0]?.type).toBe('button');
    buttons[0]?.click();
    expect(onRelated).toHaveBeenCalledWith('immunotherapy');
  });

  it('lists related terms as plain text without onRelated', () => {
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} />, container);
    expect(container.querySelector('button')).toBeNull();
    expect(container.querySelector('.tl-related')?.textContent).toBe('Immunotherapy');
  });

  it('leaves out empty sections and an expansion that only repeats the term', () => {
    const plain: GlossaryEntry = { ...pdl1, expansion: 'pd-l1', related: [], passages: [] };
    render(<TermCard entry={plain} sourceTitle={SOURCE} />, container);
    expect(container.querySelector('.tl-card-expansion')).toBeNull();
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('.tl-related')).toBeNull();
    expect(container.querySelector('h3')).toBeNull();
  });

  it('shows every passage', () => {
    render(<TermCard entry={{ ...pdl1, passages: ['One.', 'Two.'] }} sourceTitle={SOURCE} />, container);
    expect([...container.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual(['One.', 'Two.']);
  });

  it('shows at most passageLimit passages (the popover keeps to one)', () => {
    render(<TermCard entry={{ ...pdl1, passages: ['One.', 'Two.'] }} sourceTitle={SOURCE} passageLimit={1} />, container);
    expect([...container.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual(['One.']);
  });

  it('fits a deeper outline with headingLevel 3', () => {
    render(<TermCard entry={pdl1} sourceTitle={SOURCE} headingLevel={3} />, container);
    expect(container.querySelector('h2')).toBeNull();
    expect(container.querySelector('h3')?.textContent).toBe('PD-L1');
    expect([...container.querySelectorAll('h4')].map((h) => h.textContent)).toEqual(['From the article', 'Related terms']);
  });

  it('puts children inside the card, before the footer', () => {
    render(
      <TermCard entry={pdl1} sourceTitle={SOURCE}>
        <section class="tl-on-page">On this page: 3 times</section>
      </TermCard>,
      container,
    );
    const card = container.querySelector('.tl-card');
    const extra = card?.querySelector('.tl-on-page');
    expect(extra?.textContent).toBe('On this page: 3 times');
    const footer = card?.querySelector('footer');
    expect(extra && footer && extra.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
