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
