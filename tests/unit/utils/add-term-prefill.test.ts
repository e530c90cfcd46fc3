import { describe, expect, it } from 'vitest';
import { addTermPath, MAX_PREFILL_LENGTH, prefillText, readAddTermParam } from '../../../utils/add-term-prefill';

describe('the right-click "Add to my terms" hand-over', () => {
  it('makes a selection one line, and round-trips it through the options page address', () => {
    expect(prefillText('  port\n\t flush ')).toBe('port flush');
    const path = addTermPath(' Keytruda & “MK-3475”?\n')!;
    expect(path.startsWith('/options.html?add=')).toBe(true);
    expect(readAddTermParam(path.slice(path.indexOf('?')))).toBe('Keytruda & “MK-3475”?');
  });

  it('carries page text as it is (the form shows it as text), markup included', () => {
    const markup = '<img src=x onerror=alert(1)>';
    expect(readAddTermParam(new URL(`chrome-extension://x${addTermPath(markup)}`).search)).toBe(markup);
  });

  it('has nothing to add for an empty or blank selection, or no parameter', () => {
    expect(addTermPath('')).toBeNull();
    expect(addTermPath(' \n ')).toBeNull();
    expect(readAddTermParam('')).toBeNull();
    expect(readAddTermParam('?add=%20%20')).toBeNull();
    expect(readAddTermParam('?other=1')).toBeNull();
  });

  it('cuts a huge selection to a bound far above any term, so the form can say "too long" with the text still there', () => {
    const huge = 'word '.repeat(10_000);
    const carried = readAddTermParam(addTermPath(huge)!.slice('/options.html'.length))!;
    expect(carried.length).toBeLessThanOrEqual(MAX_PREFILL_LENGTH);
    expect(carried.length).toBeGreaterThan(100);
    // A crafted address is bounded the same way.
    expect(readAddTermParam(`?add=${'x'.repeat(5000)}`)!.length).toBe(MAX_PREFILL_LENGTH);
  });
});
