// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectTextNodes, createSkipCheck, markOwnUi } from '../../../../utils/readable-text';
import { orderedTextNodes, runInSlices, scanInSlices, SLICE_BUDGET_MS, textWindows, WINDOW_CHARS } from '../../../../entrypoints/content/scan/scan-in-slices';
import { dropCutWords } from '../../../../entrypoints/content/terms/document-scanner';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('collectTextNodes', () => {
  it('reads prose and skips code, scripts, form fields, editors and our own UI', () => {
    const body = page(`
      <p>Immunotherapy <b>helps</b></p>
      <script>immunotherapy()</script><style>.x{}</style><noscript>n</noscript>
      <textarea>typed</textarea><select><option>opt</option></select><button>Go on</button>
      <code>code</code><pre>pre</pre>
      <div contenteditable="true"><p>editing</p></div>
      <div contenteditable="false"><p>not editable</p></div>
      <div role="textbox">box</div><p hidden>hidden</p>
      <div id="ours">ours</div>`);
    // Our UI host is a plain div, known by identity (no tag or attribute a page could see).
    markOwnUi(body.querySelector('#ours')!);
    expect(collectTextNodes(body).map((t) => t.data.trim()).filter(Boolean)).toEqual([
      'Immunotherapy',
      'helps',
      'not editable',
    ]);
  });
});

describe('createSkipCheck', () => {
  it('gives the same answer for every text node as checking each ancestor, however they are visited', () => {
    const body = page(`
      <div><p>a <b>b</b></p><pre><span>c <i>d</i></span></pre></div>
      <section contenteditable><div><p>e</p></div></section><p>f <em>g</em></p>
      <div hidden><div><div>h</div></div></div><code><b>i</b></code><p>j</p>`);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) texts.push(n as Text);
    const readable = (check: (n: Node) => boolean, order: Text[]) =>
      order.filter((t) => !check(t)).map((t) => t.data.trim()).sort();
    const want = ['a', 'b', 'f', 'g', 'j'];
    // Cached answers from earlier nodes must not leak into later ones, in any visiting order.
    expect(readable(createSkipCheck(body), texts)).toEqual(want);
    expect(readable(createSkipCheck(body), [...texts].reverse())).toEqual(want);
    expect(readable(createSkipCheck(body), [texts[3]!, ...texts])).toEqual(want);
  });

  it('does not look at the element it stops at', () => {
    const body = page('<pre id="root"><span>x</span></pre>');
    const root = body.querySelector('pre')!;
    const text = root.querySelector('span')!.firstChild!;
    expect(createSkipCheck(root)(text)).toBe(false);
    expect(createSkipCheck(body)(text)).toBe(true);
  });
});

describe('orderedTextNodes', () => {
  it('starts at the given node, runs to the end, then wraps to the top, visiting each node once', () => {
    const body = page('<p>one</p><p>two</p><p>three</p><p>four</p>');
    const nodes = collectTextNodes(body);
    const order = [...orderedTextNodes(body, nodes[2]!)].map((t) => t.data);
    expect(order).toEqual(['three', 'four', 'one', 'two']);
  });

  it('ignores a start node inside a skipped subtree', () => {
    const body = page('<p>one</p><code>x</code><p>two</p>');
    const inCode = body.querySelector('code')!.firstChild as Text;
    expect([...orderedTextNodes(body, inCode)].map((t) => t.data)).toEqual(['one', 'two']);
  });
});

describe('textWindows', () => {
  it('keeps short text whole', () => {
    expect(textWindows('short text')).toEqual([[0, 10]]);
  });

  it('cuts long text at sentence or line breaks into contiguous windows, never inside a word', () => {
    const sentence = 'Checkpoint inhibitors can help some people. ';
    const text = sentence.repeat(2000);
    const windows = textWindows(text);
    expect(windows.length).toBeGreaterThan(1);
    let at = 0;
    for (const [a, b] of windows) {
      expect(a).toBe(at);
      expect(b - a).toBeLessThanOrEqual(WINDOW_CHARS);
      at = b;
      if (b < text.length) expect(text.slice(b - 2, b)).toBe('. ');
    }
    expect(at).toBe(text.length);
  });

  it('falls back to spaces when there is no sentence break', () => {
    const text = 'word '.repeat(10_000);
    for (const [, b] of textWindows(text, 1000)) if (b < text.length) expect(text[b - 1]).toBe(' ');
  });
});

describe('scanInSlices', () => {
  it('yields to the page whenever a slice runs over budget, and stops when aborted', async () => {
    const body = page(Array.from({ length: 50 }, (_, i) => `<p>paragraph ${i}</p>`).join(''));
    let clock = 0;
    let yields = 0;
    const seen: string[] = [];
    const controller = new AbortController();
    await scanInSlices({
      nodes: orderedTextNodes(body, null),
      signal: controller.signal,
      now: () => clock,
      yieldToPage: async () => {
        yields++;
      },
      onText: (node) => {
        seen.push(node.data);
        clock += 3; // each node "costs" 3 ms: a slice (8 ms) holds three nodes
        if (seen.length === 30) controller.abort();
      },
    });
    expect(seen).toHaveLength(30);
    expect(yields).toBe(10);
  });
});

describe('runInSlices', () => {
  it('does every item, yielding each time the slice budget is spent, and stops when aborted', async () => {
    let clock = 0;
    const done: number[] = [];
    let yields = 0;
    const controller = new AbortController();
    await runInSlices(
      [1, 2, 3, 4, 5, 6],
      (n) => {
        done.push(n);
        clock += SLICE_BUDGET_MS / 2; // two items per slice
        if (n === 5) controller.abort();
      },
      { signal: controller.signal, now: () => clock, yieldToPage: async () => void yields++ },
    );
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(yields).toBe(2);
  });
});

describe('dropCutWords', () => {
  const m = (start: number, end: number) => ({ start, end, id: 'x', fuzzy: false });
  it('drops a match at an edge where the word runs on into the neighbouring text node', () => {
    const p = document.createElement('p');
    const a = document.createTextNode('the immunotherap');
    const b = document.createTextNode('y works');
    p.append(a, b);
    expect(dropCutWords(a, [m(0, 3), m(4, 16)])).toEqual([m(0, 3)]);
    expect(dropCutWords(b, [m(0, 1), m(2, 7)])).toEqual([m(2, 7)]);
  });

  it('keeps matches when the neighbour starts with a space or punctuation, or is an element', () => {
    const p = document.createElement('p');
    const a = document.createTextNode('about immunotherapy');
    const b = document.createTextNode(' works');
    p.append(a, b, document.createElement('b'));
    expect(dropCutWords(a, [m(6, 19)])).toEqual([m(6, 19)]);
    const c = document.createTextNode('immunotherapy');
    const q = document.createElement('p');
    q.append(document.createElement('i'), c);
    expect(dropCutWords(c, [m(0, 13)])).toEqual([m(0, 13)]);
  });
});
