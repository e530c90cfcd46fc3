import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerHighlightStyles } from '../../../../utils/page-styles/page-highlight-styles';
import { highlightCss, type HighlightNames } from '../../../../utils/page-styles/highlight-css';
import { highlightStylesRequest } from '../../../../utils/messages';
import { freshBrowserEachTest } from '../../support/fake-browser';

const NAMES: HighlightNames = { terms: 'qa1b2c3d4', page: 'wz9y8x7v6', soft: 'kk5j4h3g2', 'page-soft': 'mm0n1b2v3c', active: 'rr4t5y6u7' };
const sender = { tab: { id: 7 } as never, frameId: 3 };

function fakeScripting(insertCSS: (o: unknown) => Promise<void>) {
  const spy = vi.fn(insertCSS);
  (fakeBrowser as unknown as { scripting: object }).scripting = { insertCSS: spy };
  return spy;
}

describe('answerHighlightStyles', () => {
  freshBrowserEachTest();

  it("injects the rules for the sender's names into the sender's own frame", async () => {
    const insert = fakeScripting(async () => {});
    await expect(answerHighlightStyles(highlightStylesRequest(NAMES), sender)).resolves.toBe(true);
    expect(insert).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [3] }, css: highlightCss(NAMES) });
  });

  it('leaves other messages, and names that do not fit, to others (undefined), injecting nothing', () => {
    const insert = fakeScripting(async () => {});
    expect(answerHighlightStyles({ type: 'termlight:entries', ids: [] }, sender)).toBeUndefined();
    expect(answerHighlightStyles({ ...highlightStylesRequest(NAMES), names: { ...NAMES, terms: 'x){} body{display:none' } }, sender)).toBeUndefined();
    expect(insert).not.toHaveBeenCalled();
  });

  it('says false when there is no frame to inject into, or the browser refuses', async () => {
    fakeScripting(async () => {
      throw new Error('Cannot access contents of the page');
    });
    await expect(answerHighlightStyles(highlightStylesRequest(NAMES), {})).resolves.toBe(false);
    await expect(answerHighlightStyles(highlightStylesRequest(NAMES), sender)).resolves.toBe(false);
  });
});
