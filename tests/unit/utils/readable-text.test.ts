// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { inlineContext, lineHolder } from '../../../utils/readable-text';

describe('lineHolder', () => {
  it('is the nearest ancestor that is not inline: inlineContext reads nothing outside it', () => {
    document.body.innerHTML = '<h3 id="h"><a href="#"><span>BEST</span> <span id="s">SLEEP</span></a> <b id="b">AIDS</b></h3><p id="p">plain <i>text</i></p>';
    const text = (id: string) => document.getElementById(id)!.firstChild as Text;
    const h = document.getElementById('h')!;
    expect(lineHolder(text('s'))).toBe(h);
    expect(lineHolder(text('b'))).toBe(h);
    expect(inlineContext(text('b')).before).toBe('BEST SLEEP ');
    expect(lineHolder(text('p'))).toBe(document.getElementById('p'));
  });

  it('stops at a block inside an inline element, and is the shadow root above inline elements only', () => {
    document.body.innerHTML = '<p id="p"><span><div id="d">inner</div></span> after</p>';
    expect(lineHolder(document.getElementById('d')!.firstChild!)).toBe(document.getElementById('d'));
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span>in a component</span>';
    expect(lineHolder(root.querySelector('span')!.firstChild!)).toBe(root);
  });
});
