// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { parseGlossaryFile } from '../../../utils/files/glossary-file';
import { freshBrowserEachTest } from '../support/fake-browser';
import { container, mountEachTest } from '../support/mount';

const stored = () => fakeBrowser.storage.local.get(null);
const snapshot = async () => JSON.stringify(await stored());
const text = () => container.textContent ?? '';

const buttonNamed = (name: string | RegExp, root: ParentNode = container) =>
  [...root.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));

/** The form control labelled `label` (exact label text, without "(optional)"). */
function field(label: string): HTMLInputElement | HTMLTextAreaElement {
  const el = [...container.querySelectorAll('label')].find((l) => l.firstChild?.textContent?.trim() === label);
  const control = el && container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(el.htmlFor)}`);
  if (!control) throw new Error(`no field labelled ${label}`);
  return control;
}

function type(label: string, value: string) {
  const control = field(label);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The error text shown for a field, found the way assistive technology finds it (aria-describedby). */
function errorFor(label: string): string | null {
  const control = field(label);
  if (control.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => container.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '').join(' ') || null;
}

async function loaded() {
  await vi.waitFor(() => expect(text()).not.toContain('Loading your terms'));
}

function chooseFile(name: string, contents: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const file = new File([contents], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const termNames = () => [...container.querySelectorAll('.tl-term-name')].map((el) => el.textContent);

freshBrowserEachTest();
mountEachTest();

describe('my terms', () => {
  it('starts with an empty list and an add form', async () => {
    render(<App />, container);
    await loaded();
    expect(text()).toContain('You have not added any terms yet.');
    expect(container.querySelector('h3')?.textContent).toBe('Add a term');
    expect(field('Term').tagName).toBe('INPUT');
    expect(field('Explanation').tagName).toBe('TEXTAREA');
  });

  it('adds a term: stored locally, listed, and announced', async () => {
    render(<App />, container);
    await loaded();
    type('Term', 'Lipitor');
    type('Other names or spellings', 'atorvastatin; Zocor');
    type('Explanation', 'A cholesterol pill.');
    type('Your note', 'Every 3 weeks.');
    buttonNamed('Add term')!.click();

    await vi.waitFor(() => expect(termNames()).toEqual(['Lipitor']));
    expect(await stored()).toEqual({
      personalTerms: [
        {
          id: 'personal-lipitor-1',
          term: 'Lipitor',
          aliases: ['atorvastatin', 'Zocor'],
          definition: 'A cholesterol pill.',
          note: 'Every 3 weeks.',
          updatedAt: expect.any(Number),
        },
      ],
    });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Added “Lipitor”. Termlight will explain it on pages.');
    expect(field('Term').value).toBe('');
    expect(text()).toContain('Also: atorvastatin, Zocor');
  });

  it('shows problems next to their fields, focuses the first, and stores nothing', async () => {
    render(<App />, container);
    await loaded();
    type('Other names or spellings', 'chemo');
    buttonNamed('Add term')!.click();

    await vi.waitFor(() => expect(errorFor('Term')).toBe('Problem: The term is missing.'));
    expect(errorFor('Explanation')).toBe('Problem: The explanation (definition) is missing.');
    // A word Termlight explains already is named on its own field, at the same time.
    expect(errorFor('Other names or spellings')).toMatch(/^Problem: “chemo” is already in Termlight's own glossary/);
    expect(errorFor('Your note')).toBeNull();
    expect(document.activeElement).toBe(field('Term'));
    expect(await stored()).toEqual({});

    type('Term', 'Chemo pill');
    type('Explanation', 'A chemotherapy medicine taken by mouth.');
    buttonNamed('Add term')!.click();
    await vi.waitFor(() => expect(errorFor('Term')).toBeNull());
    expect(errorFor('Explanation')).toBeNull();
    expect(errorFor('Other names or spellings')).toMatch(/“chemo” is already in Termlight's own glossary/);
    expect(document.activeElement).toBe(field('Other names or spellings'));
    expect(await stored()).toEqual({});
  });

  it('changes a term in place and keeps its id', async () => {
    await fakeBrowser.storage.local.set({
      personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A device.', updatedAt: 1 }],
    });
    render(<App />, container);
    await vi.waitFor(() => expect(termNames()).toEqual(['Port']));
    buttonNamed('Change')!.click();
    await vi.waitFor(() => expect(container.querySelector('form h3')?.textContent).toBe('Change “Port”'));
    expect(field('Explanation').value).toBe('A device.');
    expect(document.activeElement).toBe(field('Term'));
    type('Explanation', 'A small device under the skin.');
    buttonNamed('Save changes')!.click();
    await vi.waitFor(async () =>
      expect(await stored()).toEqual({
        personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A small device under the skin.', updatedAt: expect.any(Number) }],
      }),
    );
    await vi.waitFor(() => expect(container.querySelector('form h3')?.textContent).toBe('Add a term'));
    expect(text()).toContain('Saved your changes to “Port”.');
  });

  it('removes a term after asking once more', async () => {
    await fakeBrowser.storage.local.set({
      personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A device.', updatedAt: 1 }],
    });
    render(<App />, container);
    await vi.waitFor(() => expect(termNames()).toEqual(['Port']));
    buttonNamed('Remove')!.click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Yes, remove it'));
    buttonNamed('Keep it')!.click();
    await vi.waitFor(() => expect(buttonNamed('Remove')).toBeDefined());
    expect(await stored()).toHaveProperty('personalTerms.length', 1);

    buttonNamed('Remove')!.click();
    await vi.waitFor(() => expect(buttonNamed('Yes, remove it')).toBeDefined());
    buttonNamed('Yes, remove it')!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ personalTerms: [] }));
    await vi.waitFor(() => expect(text()).toContain('Removed “Port”.'));
  });

  it('shows damaged storage, keeps it as it is, and starts again only when asked', async () => {
    await fakeBrowser.storage.local.set({ personalTerms: { not: 'a list' } });
    const before = await snapshot();
    render(<App />, container);
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/could not be read/));
    expect(field('Term').disabled).toBe(true);
    expect(buttonNamed('Add term')!.disabled).toBe(true);
    expect(container.querySelector<HTMLInputElement>('input[type="file"]')!.disabled).toBe(true);
    expect(await snapshot()).toBe(before);

    buttonNamed(/Start again/)!.click();
    await vi.waitFor(() => expect(buttonNamed('Yes, delete it and start again')).toBeDefined());
    expect(await snapshot()).toBe(before);
    buttonNamed('Yes, delete it and start again')!.click();
    await vi.waitFor(() => expect(text()).toContain('You have not added any terms yet.'));
    expect(await stored()).toEqual({});
  });
});

describe('files', () => {
  it('imports a valid file and says how many terms it added', async () => {
    render(<App />, container);
    await loaded();
    chooseFile('my-terms.csv', 'term,aliases,definition,note\nLipitor,atorvastatin,A medicine.,\nPort,,A device.,Ask the nurse.\n');
    await vi.waitFor(() => expect(container.querySelector('.tl-message--ok')?.textContent).toBe('Added 2 terms from “my-terms.csv”.'));
    expect(termNames()).toEqual(['Lipitor', 'Port']); // listed A–Z
    expect(await stored()).toHaveProperty('personalTerms.length', 2);
  });

  it('lists every problem with its line and field, and changes nothing', async () => {
    await fakeBrowser.storage.local.set({
      personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A device.', updatedAt: 1 }],
    });
    const before = await snapshot();
    render(<App />, container);
    await vi.waitFor(() => expect(termNames()).toEqual(['Port']));
    chooseFile('terms.json', '[\n  {"term": "Lipitor", "definition": "A medicine."},\n  {"term": "Cycle"},\n  {"term": "Ports", "definition": "x"}\n]');

    const alert = () => container.querySelector('.tl-outcome [role="alert"]');
    await vi.waitFor(() => expect(alert()).not.toBeNull());
    expect(alert()!.querySelector('.tl-message-title')?.textContent).toBe('Nothing was changed. “terms.json” has 1 problem. Fix it and try again:');
    expect([...alert()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Line 3, definition: The explanation (definition) is missing.',
    ]);
    expect(await snapshot()).toBe(before);

    // Once the file itself is fine, conflicts with saved terms are checked (and still nothing changes).
    chooseFile('terms.json', '[\n  {"term": "Lipitor", "definition": "A medicine."},\n  {"term": "Ports", "definition": "x"}\n]');
    await vi.waitFor(() =>
      expect([...alert()!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
        'Line 3, term: “Ports” is already one of your terms (“Port”).',
      ]),
    );
    expect(await snapshot()).toBe(before);
    expect(termNames()).toEqual(['Port']);
  });

  it('says where reading stopped after a syntax error, and lists the problems before it', async () => {
    render(<App />, container);
    await loaded();
    chooseFile('terms.csv', 'term,definition\nCycle,\nPort,A device.\n"Dose,x\n');
    await vi.waitFor(() => expect(container.querySelector('.tl-outcome [role="alert"]')).not.toBeNull());
    const alert = container.querySelector('.tl-outcome [role="alert"]')!;
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Line 2, definition: The explanation (definition) is missing.',
      'Line 4, term: This quoted value is never closed: a closing " is missing.',
    ]);
    expect(alert.textContent).toContain('Termlight could not read the file after line 4.');
    expect(await stored()).toEqual({});
  });

  it('reports a file it cannot read as a glossary', async () => {
    render(<App />, container);
    await loaded();
    chooseFile('notes.txt', 'just some notes');
    await vi.waitFor(() => expect(container.querySelector('.tl-outcome li')?.textContent).toBe('File: Termlight reads .json and .csv files only.'));
    expect(await stored()).toEqual({});
  });

  it('replaces all terms when asked to', async () => {
    await fakeBrowser.storage.local.set({
      personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: [], definition: 'A device.', updatedAt: 1 }],
    });
    render(<App />, container);
    await vi.waitFor(() => expect(termNames()).toEqual(['Port']));
    container.querySelector<HTMLInputElement>('input[type="radio"][value="replace"]')!.click();
    chooseFile('new.json', JSON.stringify([{ term: 'Cycle', definition: 'A round of treatment.' }]));
    await vi.waitFor(() => expect(container.querySelector('.tl-message--ok')?.textContent).toBe('Your terms are now the 1 term from “new.json” (1 earlier term removed).'));
    expect(termNames()).toEqual(['Cycle']);
  });

  it('downloads the terms as JSON or CSV from a blob, which import back', async () => {
    await fakeBrowser.storage.local.set({
      personalTerms: [{ id: 'personal-port-1', term: 'Port', aliases: ['chest port'], definition: 'A device, "under the skin".', updatedAt: 1 }],
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:termlight-test';
    });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<App />, container);
    await vi.waitFor(() => expect(termNames()).toEqual(['Port']));
    buttonNamed('Download as JSON')!.click();
    buttonNamed('Download as CSV (for spreadsheets)')!.click();

    expect(clicks).toEqual([expect.stringMatching(/^termlight-my-terms-\d{4}-\d\d-\d\d\.json$/), expect.stringMatching(/\.csv$/)]);
    const [jsonText, csvText] = await Promise.all(blobs.map((b) => b.text()));
    const expected = [{ term: 'Port', aliases: ['chest port'], definition: 'A device, "under the skin".' }];
    expect(parseGlossaryFile(jsonText!, 'json')).toMatchObject({ ok: true, entries: expected });
    expect(parseGlossaryFile(csvText!, 'csv')).toMatchObject({ ok: true, entries: expected });
  });

  it('offers no download while there is nothing to save', async () => {
    render(<App />, container);
    await loaded();
    expect(buttonNamed('Download as JSON')!.disabled).toBe(true);
    expect(text()).toContain('Add a term first: there is nothing to save yet.');
  });
});

describe('settings', () => {
  it('lists the sites Termlight is off on and turns one back on', async () => {
    await fakeBrowser.storage.local.set({ disabledSites: ['example.org', 'file://'] });
    render(<App />, container);
    await vi.waitFor(() => expect([...container.querySelectorAll('.tl-site-name')].map((el) => el.textContent)).toEqual(['example.org', 'Files on this computer']));
    container.querySelector<HTMLButtonElement>('button[aria-label="Turn on again for example.org"]')!.click();
    await vi.waitFor(async () => expect(await stored()).toEqual({ disabledSites: ['file://'] }));
  });
});
