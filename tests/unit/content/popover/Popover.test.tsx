// @vitest-environment happy-dom
/** The popover with entries loaded on demand: drawn whole, and honest when they cannot be loaded. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFor, setEntrySource, type EntrySource } from '../../../../entrypoints/content/popover/entry-loader';
import { Popover } from '../../../../entrypoints/content/popover/Popover';
import { t } from '../../../../utils/i18n';
import type { PopoverContent } from '../../../../entrypoints/content/popover/types';
import { getEntry } from '../../../../glossary/index';
import type { GlossaryEntry } from '../../../../glossary/types';
import { freshBrowserEachTest } from '../../support/fake-browser';
import { container, mountEachTest } from '../../support/mount';

const ANCHOR = { left: 10, top: 10, width: 40, height: 16 };
const PDL1: PopoverContent = { kind: 'glossary', entryId: 'pd-l1', onPage: null };
const fromGlossary: EntrySource = async (ids) => ids.map((id) => getEntry(id)).filter((e): e is GlossaryEntry => e !== undefined);

const heading = () => container.querySelector('.tl-card-term')?.textContent;
const buttonNamed = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

async function show(content: PopoverContent) {
  await loadFor(content);
  render(<Popover content={content} anchor={ANCHOR} onClose={() => {}} />, container);
}

freshBrowserEachTest();
mountEachTest();

afterEach(() => {
  setEntrySource(null);
});

describe('a glossary popover', () => {
  it('shows the loaded entry, with its definition and a Save question row', async () => {
    setEntrySource(fromGlossary);
    await show(PDL1);
    expect(heading()).toBe('PD-L1');
    expect(container.textContent).toContain(getEntry('pd-l1')!.definition);
    expect(buttonNamed('Save question')).toBeDefined();
  });

  it('opens a related term only once its entry is loaded: never an empty card in between', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const related = getEntry(getEntry('pd-l1')!.related[0]!)!;
    setEntrySource(async (ids) => {
      if (ids.includes(related.id)) await gate;
      return fromGlossary(ids);
    });
    await show(PDL1);
    buttonNamed(related.term)!.click();
    await new Promise((r) => setTimeout(r, 10));
    expect(heading()).toBe('PD-L1');
    release();
    await vi.waitFor(() => expect(heading()).toBe(related.term));
    expect(container.textContent).toContain(related.definition);
    expect(buttonNamed('← Back')).toBeDefined();
  });

  it('says so in plain words when the entry cannot be loaded (e.g. Termlight was updated)', async () => {
    setEntrySource(async () => {
      throw new Error('Extension context invalidated.');
    });
    await show(PDL1);
    expect(heading()).toBe('PD-L1');
    expect(container.textContent).toContain(t('cardUnavailable'));
    // Nothing to save: there is no definition to save it with.
    expect(buttonNamed('Save question')).toBeUndefined();
  });
});

describe('stepping from the keyboard', () => {
  const IMMUNOTHERAPY: PopoverContent = { kind: 'glossary', entryId: 'immunotherapy', onPage: null };

  /** Draws a focused card as the host does for a step: a new dialog (a new key) in place of the last one. */
  async function step(content: PopoverContent, key: number, onStep: (step: 1 | -1) => void) {
    await loadFor(content);
    render(<Popover key={key} content={content} anchor={ANCHOR} onClose={() => {}} takeFocus onStep={onStep} />, container);
    // What the same task does after the render (Preact's re-render with the card's placement); no frame passes.
    await Promise.resolve();
  }

  it('a card opened by a step has focus as soon as it is drawn, so a ] pressed at once steps on', async () => {
    // The card used to take focus only after the next frame; on a long page that frame can take hundreds of
    // ms (a highlight change repaints the page), and a ] pressed in between went to the page: no next card
    // (hard-pages.spec.ts, the keyboard's steps on the 1.2 M character page, session 16).
    setEntrySource(fromGlossary);
    const steps: Array<1 | -1> = [];
    await step(PDL1, 1, (s) => steps.push(s));
    await step(IMMUNOTHERAPY, 2, (s) => steps.push(s));
    expect(heading()).toBe(getEntry('immunotherapy')!.term);
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('role')).toBe('dialog');
    focused.dispatchEvent(new KeyboardEvent('keydown', { key: ']', bubbles: true }));
    expect(steps).toEqual([1]);
  });
});
