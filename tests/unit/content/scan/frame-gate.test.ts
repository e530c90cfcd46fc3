// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { frameSites, hasReadableText, isWorthReading, MIN_FRAME_SIDE } from '../../../../entrypoints/content/scan/frame-gate';
import { siteKey } from '../../../../utils/storage/settings-store';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('contenteditable');
});

/** A stand-in for a frame's window: only what frame-gate reads. */
function frame(width: number, height: number): Window {
  // `top` is another window: this is a frame.
  return { innerWidth: width, innerHeight: height, top: {} } as unknown as Window;
}

describe('which frames are read', () => {
  it('needs readable text: scripts, styles and spaces do not count', () => {
    document.body.innerHTML = '<script>var x = "immunotherapy";</script><style>p{}</style>\n  <div> </div>';
    expect(hasReadableText(document)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>PD-L1</p>');
    expect(hasReadableText(document)).toBe(true);
  });

  it(`skips frames smaller than ${MIN_FRAME_SIDE}×${MIN_FRAME_SIDE} (ads, tracking pixels) even with text`, () => {
    document.body.innerHTML = '<p>Chemotherapy</p>';
    expect(isWorthReading(frame(1, 1), document)).toBe(false);
    expect(isWorthReading(frame(300, MIN_FRAME_SIDE - 1), document)).toBe(false);
    expect(isWorthReading(frame(300, 120), document)).toBe(true);
  });

  it('always reads the top page, unless the whole page is an editor', () => {
    expect(isWorthReading(window, document)).toBe(true); // even empty: it may fill later, and is watched
    document.body.setAttribute('contenteditable', 'true');
    document.body.innerHTML = '<p>PD-L1</p>';
    expect(isWorthReading(frame(800, 600), document)).toBe(false);
  });
});

describe('frameSites', () => {
  const win = (href: string, origin: string, ancestors: string[] = []) =>
    ({ location: { href, protocol: new URL(href).protocol, ancestorOrigins: ancestors }, origin }) as unknown as Window;

  it('a page is its own site', () => {
    expect(frameSites(win('https://example.org/a', 'https://example.org'), siteKey)).toEqual(['example.org']);
  });

  it('about:srcdoc and about:blank frames take their creator\'s site (location.origin would be "null")', () => {
    expect(frameSites(win('about:srcdoc', 'https://news.example', ['https://news.example']), siteKey)).toEqual(['news.example']);
    expect(frameSites(win('about:blank', 'null'), siteKey)).toEqual([]);
  });

  it('a frame from another site also follows the top page\'s switch', () => {
    expect(frameSites(win('https://widget.example/w', 'https://widget.example', ['https://mid.example', 'https://top.example']), siteKey)).toEqual([
      'widget.example',
      'top.example',
    ]);
  });
});
