// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopoverActions, speechLang } from '../../../../entrypoints/content/popover/PopoverActions';
import { questionFor } from '../../../../entrypoints/content/popover/question';
import type { PersonalDisplayEntry } from '../../../../utils/storage/personal-glossary';
import type { QuestionInput } from '../../../../utils/storage/saved-questions';
import type { GlossaryEntry } from '../../../../glossary/types';
import { freshBrowserEachTest } from '../../support/fake-browser';
import { container, mountEachTest } from '../../support/mount';

const PDL1: QuestionInput = { term: 'PD-L1', source: 'glossary', entryId: 'pd-l1', definition: 'A protein that some cancer cells make.' };

let holds: boolean[];

const stored = () => fakeBrowser.storage.local.get(null);
const buttonNamed = (name: string | RegExp) =>
  [...container.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
const textarea = () => container.querySelector('textarea');
const status = () => container.querySelector('[role="status"]')?.textContent ?? '';

function mount(question: QuestionInput = PDL1) {
  render(<PopoverActions question={question} lang="en" onHold={(h) => holds.push(h)} />, container);
}

async function openForm() {
  await vi.waitFor(() => expect(buttonNamed('Save question')?.disabled).toBe(false));
  buttonNamed('Save question')!.click();
  await vi.waitFor(() => expect(textarea()).not.toBeNull());
}

function typeNote(value: string) {
  const field = textarea()!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

freshBrowserEachTest();
mountEachTest();

beforeEach(() => {
  holds = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Save question', () => {
  it('saves the term with a note from a labelled form, then says it is saved', async () => {
    mount();
    await openForm();
    const field = textarea()!;
    expect(document.activeElement).toBe(field);
    expect(container.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('Your question or note (optional)');
    expect(field.maxLength).toBe(1000);
    expect(holds).toEqual([false, true]);

    typeNote('Is mine positive?');
    buttonNamed('Save')!.click();
    await vi.waitFor(() => expect(status()).toBe('Saved to your questions.'));
    expect(await stored()).toEqual({ savedQuestions: [{ ...PDL1, note: 'Is mine positive?', savedAt: expect.any(Number) }] });
    expect(textarea()).toBeNull();
    const saved = buttonNamed('Saved')!;
    expect(saved.getAttribute('aria-label')).toMatch(/^Saved to your questions/);
    await vi.waitFor(() => expect(document.activeElement).toBe(saved));
    expect(holds.at(-1)).toBe(false);
  });

  it('shows a saved term as saved, and saving again changes its note', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: [{ ...PDL1, note: 'Old note', savedAt: 1 }] });
    mount();
    await vi.waitFor(() => expect(buttonNamed('Saved')).toBeDefined());
    buttonNamed('Saved')!.click();
    await vi.waitFor(() => expect(textarea()?.value).toBe('Old note'));
    typeNote('New note');
    container.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ savedQuestions: [{ term: 'PD-L1', note: 'New note' }] }));
  });

  it('Escape in the note cancels it: nothing saved, focus back on the button', async () => {
    mount();
    await openForm();
    typeNote('half a thought');
    textarea()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(textarea()).toBeNull());
    await vi.waitFor(() => expect(document.activeElement).toBe(buttonNamed('Save question')));
    expect(await stored()).toEqual({});
    expect(holds.at(-1)).toBe(false);
  });

  it('keeps the form and the note when the list cannot be read, and writes nothing', async () => {
    await fakeBrowser.storage.local.set({ savedQuestions: 'not a list' });
    mount();
    await openForm();
    typeNote('Keep me');
    buttonNamed('Save')!.click();
    await vi.waitFor(() => expect(status()).toContain('could not be read'));
    expect(textarea()?.value).toBe('Keep me');
    expect(await stored()).toEqual({ savedQuestions: 'not a list' });
  });
});

describe('Say it', () => {
  function fakeSpeech(voices: Array<{ name: string; lang: string; localService: boolean; default: boolean }>) {
    const spoken: Array<{ text: string; voice: string; lang: string }> = [];
    const synth = Object.assign(new EventTarget(), {
      getVoices: () => voices,
      speak: vi.fn((u: { text: string; voice: { name: string }; lang: string }) => spoken.push({ text: u.text, voice: u.voice.name, lang: u.lang })),
      cancel: vi.fn(),
    });
    class Utterance {
      voice: unknown = null;
      lang = '';
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
    return { synth, spoken };
  }

  it('is not offered without speech, nor with network voices only', async () => {
    mount();
    await vi.waitFor(() => expect(buttonNamed('Save question')).toBeDefined());
    expect(buttonNamed(/Say it/)).toBeUndefined();
    render(null, container);
    fakeSpeech([{ name: 'Cloud', lang: 'en-US', localService: false, default: true }]);
    mount();
    await vi.waitFor(() => expect(buttonNamed('Save question')).toBeDefined());
    expect(buttonNamed(/Say it/)).toBeUndefined();
  });

  it('appears when a local voice arrives, says the term with it, and stops when the popover closes', async () => {
    const voices: Array<{ name: string; lang: string; localService: boolean; default: boolean }> = [];
    const { synth, spoken } = fakeSpeech(voices);
    mount();
    await vi.waitFor(() => expect(buttonNamed('Save question')).toBeDefined());
    expect(buttonNamed(/Say it/)).toBeUndefined();
    voices.push({ name: 'Cloud', lang: 'en-US', localService: false, default: true }, { name: 'Local', lang: 'en-GB', localService: true, default: false });
    synth.dispatchEvent(new Event('voiceschanged'));
    await vi.waitFor(() => expect(buttonNamed('Say it')).toBeDefined());
    expect(buttonNamed('Say it')!.getAttribute('aria-label')).toBe('Say it: PD-L1');

    buttonNamed('Say it')!.click();
    expect(spoken).toEqual([{ text: 'PD-L1', voice: 'Local', lang: 'en-GB' }]);
    expect(synth.cancel).not.toHaveBeenCalled();
    render(null, container);
    expect(synth.cancel).toHaveBeenCalledTimes(1);
  });

  it("does not cancel the page's own speech once ours has finished", async () => {
    const { synth } = fakeSpeech([{ name: 'Local', lang: 'en-US', localService: true, default: true }]);
    mount();
    await vi.waitFor(() => expect(buttonNamed('Say it')).toBeDefined());
    buttonNamed('Say it')!.click();
    const utterance = synth.speak.mock.calls[0]![0] as unknown as { onend: () => void };
    utterance.onend();
    render(null, container);
    expect(synth.cancel).not.toHaveBeenCalled();
  });
});

describe('questionFor', () => {
  const entry = { id: 'pd-l1', term: 'PD-L1', definition: 'A protein.' } as GlossaryEntry;

  it("saves Termlight's entry, the reader's own term, or the page's words, never the page's address", () => {
    expect(questionFor({ kind: 'glossary', entryId: 'pd-l1', onPage: null }, entry)).toEqual({
      term: 'PD-L1',
      source: 'glossary',
      entryId: 'pd-l1',
      definition: 'A protein.',
    });
    const personal: PersonalDisplayEntry = { id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A device.', personal: true };
    expect(questionFor({ kind: 'personal', entry: personal }, undefined)).toEqual({
      term: 'Port',
      source: 'personal',
      entryId: 'personal-port-1',
      definition: 'A device.',
    });
    expect(questionFor({ kind: 'page', words: { term: 'TILs', text: 'tumor-infiltrating lymphocytes', conflict: false } }, undefined)).toEqual({
      term: 'TILs',
      source: 'page',
      definition: 'tumor-infiltrating lymphocytes',
    });
  });

  it("speaks Termlight's terms in English and others in the page's language", () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.documentElement.lang = 'fr';
    expect(speechLang('glossary', doc)).toBe('en');
    expect(speechLang('personal', doc)).toBe('fr');
    doc.documentElement.lang = '';
    expect(speechLang('page', doc)).toBe('en');
  });
});
