// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { forgetShadowRoots, holdsOpenShadowRoot, openShadowRoots, readShadowRoots, rememberShadowRoot, shadowRootSearch } from '../../../../entrypoints/content/scan/shadow-roots';
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

describe('holdsOpenShadowRoot', () => {
  const same = (root: Document | Element) => expect(holdsOpenShadowRoot(root)).toBe(!openShadowRoots(root).next().done);

  it('answers as openShadowRoots finds a root or not: open, closed, nested, skipped, our own UI, the root itself', () => {
    document.body.innerHTML = '<p>light</p><div contenteditable="true"></div><pre></pre><section hidden><i></i></section>';
    same(document);
    expect(holdsOpenShadowRoot(document)).toBe(false);
    const closed = host(document.body, 'closed', '<p>closed</p>');
    same(document);
    expect(holdsOpenShadowRoot(document)).toBe(false);
    host(document.querySelector('[contenteditable]')!, 'open', '<p>in an editor</p>');
    host(document.querySelector('pre')!, 'open', '<p>in code</p>');
    host(document.querySelector('section i')!, 'open', '<p>in a hidden subtree</p>');
    markOwnUi(host(document.body, 'open', '<p>ours</p>').host);
    same(document);
    expect(holdsOpenShadowRoot(document)).toBe(false);
    for (const el of document.body.querySelectorAll('*')) same(el);
    same(closed.host);
    const kept = host(document.body, 'open', '<p>kept</p><span></span>');
    same(document);
    expect(holdsOpenShadowRoot(document)).toBe(true);
    host(kept.querySelector('span')!, 'open', '<b>nested</b>');
    for (const el of [document.body, ...document.body.querySelectorAll('*')]) same(el);
    // The root element itself a host, outside or inside a skipped subtree.
    expect(holdsOpenShadowRoot(kept.host)).toBe(true);
    same(document.querySelector('pre')!.firstElementChild ?? document.querySelector('pre')!);
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

describe('shadowRootSearch', () => {
  /** A page of `n` plain elements with open roots (one nested) among them. */
  function page(n: number): ShadowRoot[] {
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">text ${i}</p>`).join('');
    const a = host(document.getElementById('p10')!, 'open', '<p>a</p><span></span>');
    const nested = host(a.querySelector('span')!, 'open', '<b>nested</b>');
    host(document.getElementById('p20')!, 'closed', '<p>closed</p>');
    const b = host(document.getElementById(`p${n - 5}`)!, 'open', '<p>b</p>');
    return [a, nested, b];
  }

  it('finds what openShadowRoots finds, in the same order, without walking ahead', () => {
    const roots = page(50);
    expect([...shadowRootSearch(document).roots()]).toEqual(roots);
    expect([...shadowRootSearch(document).roots()]).toEqual([...openShadowRoots(document)]);
    expect([...shadowRootSearch(roots[0]!.host).roots()]).toEqual([...openShadowRoots(roots[0]!.host)]);
  });

  it('walks ahead slice by slice, and the scan then finds the same roots', async () => {
    const roots = page(700);
    // A clock that moves 5 ms each time it is read: the 8 ms slice is spent after two looks (512 elements).
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    let yields = 0;
    const search = shadowRootSearch(document);
    // The scan may get to the roots while the walk is under way: it takes those found and walks on itself.
    let early: ShadowRoot[] = [];
    await search.walkAhead(new AbortController().signal, async () => {
      if (++yields === 1) early = [...search.roots()];
    });
    now.mockRestore();
    expect(yields).toBeGreaterThan(0);
    expect(early).toEqual(roots);
    expect([...search.roots()]).toEqual(roots);
  });

  it('stops walking when aborted', async () => {
    page(600);
    const controller = new AbortController();
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
    let yields = 0;
    await shadowRootSearch(document).walkAhead(controller.signal, async () => {
      yields++;
      controller.abort();
    });
    now.mockRestore();
    expect(yields).toBe(1);
  });
});
