// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_DELAY_MS, FLOOD_DELAY_MS, RESCAN_THRESHOLD, watchMutations, type MutationHandlers } from '../../../../entrypoints/content/scan/watch-mutations';
import { markOwnUi } from '../../../../utils/readable-text';

const settle = (ms = BATCH_DELAY_MS * 2) => new Promise((r) => setTimeout(r, ms));

let controller = new AbortController();
afterEach(() => controller.abort());

function watch(overrides: Partial<MutationHandlers> = {}) {
  const calls = { rescanNodes: [] as string[][], rescanAll: 0, pruned: 0, added: [] as string[][] };
  controller = new AbortController();
  watchMutations(
    document.body,
    {
      rescanNodes: (nodes) => void calls.rescanNodes.push(nodes.map((n) => n.data)),
      addedElements: (els) => void calls.added.push(els.map((e) => e.id)),
      pruneRemoved: () => void calls.pruned++,
      rescanAll: () => void calls.rescanAll++,
      ...overrides,
    },
    controller.signal,
  );
  return calls;
}

describe('watchMutations', () => {
  it('gathers edits and additions into one batch, each text once', async () => {
    document.body.innerHTML = '<p id="a">one</p><div id="b"></div>';
    const calls = watch();
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = 'two';
    text.data = 'three';
    document.getElementById('b')!.innerHTML = '<span id="s">four <b>five</b></span>';
    await settle();
    expect(calls.rescanNodes).toHaveLength(1);
    expect(calls.rescanNodes[0]!.sort()).toEqual(['five', 'four ', 'three']);
    expect(calls.added.flat()).toContain('s');
    expect(calls.rescanAll).toBe(0);
  });

  it('ignores editors, form fields and our own UI, and notes removals', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>typing</p></div><textarea></textarea><div id="ours"></div><p id="gone">x</p>';
    markOwnUi(document.getElementById('ours')!);
    const calls = watch();
    (document.querySelector('[contenteditable] p')!.firstChild as Text).data = 'typed more';
    document.querySelector('textarea')!.append('draft');
    document.getElementById('ours')!.append(document.createElement('div'));
    document.getElementById('gone')!.remove();
    await settle();
    expect(calls.rescanNodes).toEqual([]);
    expect(calls.pruned).toBe(1);
  });

  it(`asks for one full rescan instead of diffing more than ${RESCAN_THRESHOLD} changes`, async () => {
    document.body.innerHTML = '<div id="list"></div>';
    const calls = watch();
    const list = document.getElementById('list')!;
    for (let i = 0; i <= RESCAN_THRESHOLD + 10; i++) list.append(document.createElement('p'));
    await expect.poll(() => calls.rescanAll).toBe(1);
    await settle();
    expect(calls.rescanAll).toBe(1);
    expect(calls.rescanNodes).toEqual([]);
  });

  it('forgets the changes a full rescan reads anyway, and keeps watching after it', async () => {
    document.body.innerHTML = '<div id="list"></div><p id="a">a</p>';
    let release!: () => void;
    const calls = watch({ rescanAll: () => new Promise<void>((r) => (release = () => (calls.rescanAll++, r()))) });
    const list = document.getElementById('list')!;
    for (let i = 0; i <= RESCAN_THRESHOLD + 10; i++) list.append(document.createElement('p'));
    await expect.poll(() => release).toBeDefined();
    release();
    await settle(FLOOD_DELAY_MS * 2);
    expect(calls.rescanAll).toBe(1);
    expect(calls.rescanNodes).toEqual([]);
    (document.getElementById('a')!.firstChild as Text).data = 'after';
    await settle(FLOOD_DELAY_MS * 2);
    expect(calls.rescanNodes).toEqual([['after']]);
  });

  it('never overlaps batches: changes made while one is processed wait for it, then go together', async () => {
    document.body.innerHTML = '<p id="a">a</p>';
    let release!: () => void;
    const seen: string[][] = [];
    const calls = watch({
      rescanNodes: (nodes) => {
        seen.push(nodes.map((n) => n.data));
        if (seen.length === 1) return new Promise<void>((r) => (release = r));
      },
    });
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = 'first';
    await settle();
    expect(seen).toEqual([['first']]);
    document.body.append('second ', 'third');
    await settle();
    expect(seen).toHaveLength(1); // still busy with the first batch
    release();
    await settle();
    expect(seen).toEqual([['first'], ['second ', 'third']]);
    expect(calls.rescanAll).toBe(0);
  });

  it('forgets an element that becomes editable, and reads it again when it stops being one', async () => {
    document.body.innerHTML = '<div id="box"><p>chemotherapy</p></div>';
    const editable: string[] = [];
    const calls = watch({ becameEditable: (el) => void editable.push(el.id) });
    const box = document.getElementById('box')!;
    box.setAttribute('contenteditable', 'true');
    await settle();
    expect(editable).toEqual(['box']);
    expect(calls.rescanNodes).toEqual([]);
    box.setAttribute('contenteditable', 'false');
    await settle();
    expect(calls.rescanNodes).toEqual([['chemotherapy']]);
  });

  it('does nothing more once the document has become an editor', async () => {
    document.body.innerHTML = '<p id="a">a</p>';
    let editor = false;
    const calls = watch({ documentEditable: () => editor });
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = 'before';
    await settle();
    expect(calls.rescanNodes).toEqual([['before']]);
    editor = true;
    text.data = 'typed';
    document.getElementById('a')!.remove();
    await settle();
    expect(calls.rescanNodes).toEqual([['before']]);
    expect(calls.pruned).toBe(0);
  });

  it('stops when its signal aborts', async () => {
    document.body.innerHTML = '<p id="a">a</p>';
    const calls = watch();
    controller.abort();
    (document.getElementById('a')!.firstChild as Text).data = 'changed';
    await settle();
    expect(calls.rescanNodes).toEqual([]);
  });
});
