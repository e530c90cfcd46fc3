/**
 * What check:pages compares between a page loaded with and without Termlight: every node of the DOM (one
 * line each, open shadow roots and template contents included, Termlight's own card host left out),
 * form state, focus and scroll position, and the box of every element in <body> (rounded to whole pixels,
 * in page coordinates). `takeSnapshot` runs inside the page, so it must not use anything from this module.
 */

export interface PageSnapshot {
  /** One line per node: depth, then the node (tag and sorted attributes, text length + hash + start, …). */
  lines: string[];
  /** [line index, left, top, width, height] for each element in <body>. */
  boxes: Array<[number, number, number, number, number]>;
}

/** Runs in the page (page.evaluate). Our UI host's selector is passed in, so this function stays self-contained. */
export function takeSnapshot(uiTag: string): PageSnapshot {
  const lines: string[] = [];
  const boxes: Array<[number, number, number, number, number]> = [];
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16);
  };
  const text = (s: string) => `${s.length}:${hash(s)}:${JSON.stringify(s.slice(0, 60))}`;
  const walk = (parent: Node, depth: number, inBody: boolean) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) {
        const el = node as Element;
        if (el.matches(uiTag)) continue;
        const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
        let state = '';
        // By name, not instanceof: a page may replace the element constructors on its window.
        const field = el as HTMLInputElement;
        if (el.localName === 'input') state = ` value=${JSON.stringify(String(field.value))} checked=${field.checked}`;
        else if (el.localName === 'textarea' || el.localName === 'select') state = ` value=${JSON.stringify(String(field.value))}`;
        lines.push(`${depth} <${el.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>${state}`);
        const here = inBody || el.localName === 'body';
        if (here) {
          const r = el.getBoundingClientRect();
          boxes.push([lines.length - 1, Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]);
        }
        if (el.shadowRoot) {
          lines.push(`${depth + 1} #shadow-root`);
          walk(el.shadowRoot, depth + 2, here);
        }
        if (el.localName === 'template' && (el as HTMLTemplateElement).content) walk((el as HTMLTemplateElement).content, depth + 1, false);
        walk(el, depth + 1, here);
      } else if (node.nodeType === 3) {
        lines.push(`${depth} #text ${text((node as Text).data)}`);
      } else if (node.nodeType === 8) {
        lines.push(`${depth} #comment ${text((node as Comment).data)}`);
      }
    }
  };
  walk(document, 0, false);
  const active = document.activeElement;
  lines.push(`focus: ${active ? `${active.localName}#${active.id}` : 'none'}`);
  lines.push(`scroll: ${Math.round(scrollX)},${Math.round(scrollY)}`);
  lines.push(`selection: ${JSON.stringify(String(getSelection() ?? ''))}`);
  return { lines, boxes };
}
