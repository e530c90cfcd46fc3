// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { forgetShadowRoots, openShadowRoots, readShadowRoots, rememberShadowRoot } from '../../../../entrypoints/content/scan/shadow-roots';
import { markOwnUi } from '../../../../utils/readable-text';

function host(parent: Node, mode: 'open' | 'closed', html: string, tag = 'div'): ShadowRoot {
  const el = document.createElement(tag);
  parent.appendChild(el);
  const root = el.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

describe('openShadowRoots', () => {
  it('finds open roots in document order, nested ones after their parent, and never closed ones', () => {
    document.body.innerHTML = '<p>light</p>';
    const a = host(document.body, 'open', '<p>a</p><span></span>');
    const nested = host(a.querySelector('span')!, 'open', '<b>nested</b>');
    host(document.body, 'closed', '<p>closed</p>');
    const b = host(document.body, 'open', '<p>b</p>');
    expect([...openShadowRoots(document)]).toEqual([a, nested, b]);
    expect([...openShadowRoots(a)]).toEqual([nested]);
  });

  it('leaves web components inside editors, code and our own UI alone', () => {
    document.body.innerHTML = '<div contenteditable="true"></div><pre></pre>';
    host(document.querySelector('[contenteditable]')!, 'open', '<p>in an editor</p>');
    host(document.querySelector('pre')!, 'open', '<p>in code</p>');
    // Our card's host: a plain div, known to the scan by identity (no name a page could see).
    markOwnUi(host(document.body, 'open', '<p>ours</p>').host);
    const kept = host(document.body, 'open', '<p>kept</p>');
    expect([...openShadowRoots(document)]).toEqual([kept]);
  });

  it('includes the root element itself when it is a host (an element the page just added)', () => {
    document.body.innerHTML = '';
    const root = host(document.body, 'open', '<p>x</p>');
    expect([...openShadowRoots(root.host)]).toEqual([root]);
  });
});

describe('the per-document record of roots read', () => {
  it('remembers each root once and forgets them all when Termlight stops', () => {
    document.body.innerHTML = '';
    const root = host(document.body, 'open', '<p>x</p>');
    expect(rememberShadowRoot(root)).toBe(true);
    expect(rememberShadowRoot(root)).toBe(false);
    expect(readShadowRoots(document)).toEqual([root]);
    forgetShadowRoots(document);
    expect(readShadowRoots(document)).toHaveLength(0);
  });
});
