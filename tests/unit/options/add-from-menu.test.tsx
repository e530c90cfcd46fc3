// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { freshBrowserEachTest } from '../support/fake-browser';
import { container, mountEachTest } from '../support/mount';

freshBrowserEachTest();
mountEachTest();

const input = (name: string) => container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

/** The options page as the right-click menu opens it: options.html?add=<text>. */
function openWithAdd(text: string) {
  history.replaceState(null, '', `/options.html?add=${encodeURIComponent(text)}#terms`);
  render(<App />, container);
}

describe('the options page opened by "Add … to my terms"', () => {
  it('starts the form with the term, says so, moves on to the explanation and takes the word out of the address', async () => {
    openWithAdd('port flush');
    expect(input('term').value).toBe('port flush');
    expect(container.querySelector('[role="status"]')?.textContent).toContain('“port flush” is in the Term field');
    expect(location.search).toBe('');
    expect(location.hash).toBe('#terms');
    await vi.waitFor(() => expect(document.activeElement).toBe(input('definition')));
    // Nothing is saved until the reader chooses to.
    expect(await fakeBrowser.storage.local.get('personalTerms')).toEqual({});
  });

  it('shows a term that is too long with its problem at once, keeping all of it, and focuses it', async () => {
    const long = 'x'.repeat(150);
    openWithAdd(long);
    expect(input('term').value).toBe(long);
    expect(input('term').getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('The term is too long: 150 characters. The most is 100.');
    await vi.waitFor(() => expect(document.activeElement).toBe(input('term')));
  });

  it('puts markup from the page into the field as text only', () => {
    openWithAdd('<img src=x onerror=alert(1)>');
    expect(input('term').value).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});
