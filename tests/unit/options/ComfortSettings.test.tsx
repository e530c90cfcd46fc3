// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComfortSettings } from '../../../entrypoints/options/ComfortSettings';
import { ComfortPanel } from '../../../entrypoints/popup/ComfortPanel';
import { freshBrowserEachTest } from '../support/fake-browser';
import { container, mountEachTest } from '../support/mount';

const radio = (name: RegExp) =>
  [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => name.test(r.closest('label')?.textContent ?? ''))!;

freshBrowserEachTest();
mountEachTest();

describe('options page: reading comfort', () => {
  it('shows the stored choices and writes nothing on load', async () => {
    await fakeBrowser.storage.local.set({ hoverDelay: 'long' });
    render(<ComfortSettings />, container);
    await vi.waitFor(() => expect(radio(/^Long/).checked).toBe(true));
    expect(radio(/^Dotted line/).checked).toBe(true);
    expect(radio(/^Normal \(100%\)/).checked).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ hoverDelay: 'long' });
  });

  it('saves only the setting the reader changed', async () => {
    render(<ComfortSettings />, container);
    await vi.waitFor(() => expect(radio(/^Dotted line/).checked).toBe(true));
    radio(/^Soft colour/).click();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({ highlightStyle: 'soft' }));
    const firstOnly = container.querySelector<HTMLInputElement>('input[role="switch"]')!;
    firstOnly.click();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({ highlightStyle: 'soft', firstMentionOnly: true }));
  });

  it('names the keyboard shortcut that is set, or says none is', async () => {
    const commands = (shortcut: string) => [{ name: 'explain-selection', shortcut }] as never;
    const getAll = vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(commands('Alt+Shift+E'));
    render(<ComfortSettings />, container);
    await vi.waitFor(() => expect(container.querySelector('kbd')?.textContent).toBe('Alt+Shift+E'));
    render(null, container);
    getAll.mockResolvedValue(commands(''));
    render(<ComfortSettings />, container);
    await vi.waitFor(() => expect(container.textContent).toContain('No keyboard shortcut is set'));
  });
});

describe('popup: reading comfort', () => {
  it('changes the mark style and the text size, one key each', async () => {
    render(<ComfortPanel />, container);
    const [style, size] = [...container.querySelectorAll('select')];
    await vi.waitFor(() => expect(style!.disabled).toBe(false));
    expect(style!.value).toBe('underline');
    expect(size!.value).toBe('100');
    size!.value = '125';
    size!.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({ textSize: 125 }));
    style!.value = 'off';
    style!.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({ textSize: 125, highlightStyle: 'off' }));
  });
});
