// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_DELAY_MS, FLOOD_DELAY_MS, RESCAN_THRESHOLD, floodStep, watchMutations, type MutationHandlers } from '../../../../entrypoints/content/scan/watch-mutations';
import { markOwnUi } from '../../../../utils/readable-text';

const settle = (ms = BATCH_DELAY_MS * 2) => new Promise((r) => setTimeout(r, ms));

let controller = new AbortController();
afterEach(() => controller.abort());

/** Counts how often any MutationObserver's callback runs (each run is code of ours inside one of the page's tasks). */
function countCallbacks(): { runs: number; restore(): void } {
  const Original = globalThis.MutationObserver;
  const counter = {
    runs: 0,
    restore: () => void (globalThis.MutationObserver = Original),
  };
  globalThis.MutationObserver = class extends Original {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        counter.runs++;
        callback(records, observer);
      });
    }
  };
  return counter;
}

/** For `ms`: every 10 ms the page puts new text into `perTick` rows (as the bench's storm does, a flood of new nodes), noting that it did. */
async function storm(rows: HTMLElement[], ms: number, dirty: { changed: boolean }, perTick = 100): Promise<number> {
  let ticks = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < perTick; i++) rows[(ticks * perTick + i) % rows.length]!.textContent = `row ${ticks} ${i}`;
    dirty.changed = true;
    ticks++;
    await new Promise((r) => setTimeout(r, 10));
  }
  return ticks;
}

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

  it('floodStep: unwatched rescans while they find changes, then a watched one, and only a quiet watched one ends the flood', () => {
    expect(floodStep(false, true)).toBe('unwatched');
    expect(floodStep(false, false)).toBe('watched');
    expect(floodStep(true, true)).toBe('unwatched');
    expect(floodStep(true, false)).toBe('over');
  });

  it('reads a flood with rescans and no callback of ours in the page\'s tasks between them; diffs again once it is over', async () => {
    const counter = countCallbacks();
    try {
      document.body.innerHTML = `<div id="list">${'<p>row</p>'.repeat(50)}</div><p id="a">a</p>`;
      const dirty = { changed: false };
      let version = 0;
      // What a full rescan does for foundVersion: what it finds moves when the page changed since the last one.
      const calls = watch({
        foundVersion: () => version,
        rescanAll: async () => {
          calls.rescanAll++;
          if (dirty.changed) version++;
          dirty.changed = false;
          // A rescan takes a while: the page goes on changing meanwhile.
          await new Promise((r) => setTimeout(r, 20));
        },
      });
      const list = document.getElementById('list')!;
      for (let i = 0; i <= RESCAN_THRESHOLD + 10; i++) list.append(document.createElement('p'));
      await expect.poll(() => calls.rescanAll).toBe(1);
      const runsBefore = counter.runs;
      const rescansBefore = calls.rescanAll;
      const ticks = await storm([...list.querySelectorAll('p')].slice(0, 50) as HTMLElement[], FLOOD_DELAY_MS * 4, dirty);
      const rescans = calls.rescanAll - rescansBefore;
      // The storm's ticks: each would have run our callback while the observer was connected.
      expect(ticks).toBeGreaterThan(50);
      expect(rescans).toBeGreaterThanOrEqual(2);
      // At most one callback per watched rescan: none here, since every unwatched rescan found the page changed.
      expect(counter.runs - runsBefore).toBeLessThanOrEqual(rescans);
      // Quiet: one unwatched rescan reads the last changes, one finds nothing, a watched one ends the flood.
      await settle(FLOOD_DELAY_MS * 4);
      const settled = calls.rescanAll;
      await settle(FLOOD_DELAY_MS * 2);
      expect(calls.rescanAll).toBe(settled);
      (document.getElementById('a')!.firstChild as Text).data = 'after';
      await settle();
      expect(calls.rescanNodes).toEqual([['after']]);
      expect(calls.rescanAll).toBe(settled);
    } finally {
      counter.restore();
    }
  }, 15_000);

  it('never leaves a flood on a change nobody saw: a change during the watched rescan asks for another rescan', async () => {
    document.body.innerHTML = '<div id="list"></div><p id="a">a</p>';
    const releases: Array<() => void> = [];
    // foundVersion never moves: each unwatched rescan is followed by a watched one.
    const calls = watch({ foundVersion: () => 0, rescanAll: () => new Promise<void>((r) => releases.push(() => (calls.rescanAll++, r()))) });
    const list = document.getElementById('list')!;
    for (let i = 0; i <= RESCAN_THRESHOLD + 10; i++) list.append(document.createElement('p'));
    await expect.poll(() => releases.length).toBe(1);
    releases[0]!(); // unwatched, found nothing new: a watched one follows
    await expect.poll(() => releases.length, { timeout: FLOOD_DELAY_MS * 3 }).toBe(2);
    // The page changes while the watched rescan runs (after it read that text, say).
    (document.getElementById('a')!.firstChild as Text).data = 'late';
    await settle(10);
    releases[1]!();
    await expect.poll(() => releases.length, { timeout: FLOOD_DELAY_MS * 3 }).toBe(3);
    releases[2]!(); // unwatched, nothing new
    await expect.poll(() => releases.length, { timeout: FLOOD_DELAY_MS * 3 }).toBe(4);
    releases[3]!(); // watched, quiet: over
    await settle(FLOOD_DELAY_MS * 2);
    expect(releases).toHaveLength(4);
    expect(calls.rescanNodes).toEqual([]);
    (document.getElementById('a')!.firstChild as Text).data = 'diffed';
    await settle();
    expect(calls.rescanNodes).toEqual([['diffed']]);
  }, 15_000);

  it(`takes more than ${RESCAN_THRESHOLD} records before a batch for a flood at once, and stops watching till its rescan`, async () => {
    const counter = countCallbacks();
    try {
      document.body.innerHTML = '<p id="a">a</p>';
      const calls = watch({ foundVersion: () => 0 });
      const text = document.getElementById('a')!.firstChild as Text;
      // One node, edited over and over in many tasks: more records than a batch diffs.
      for (let i = 0; i <= RESCAN_THRESHOLD; i++) {
        text.data = `edit ${i}`;
        if (i % 100 === 0) await new Promise((r) => setTimeout(r, 0));
      }
      const runs = counter.runs;
      for (let i = 0; i < 5; i++) {
        text.data = `more ${i}`;
        await new Promise((r) => setTimeout(r, 0));
      }
      // Disconnected: the page's later tasks run no callback of ours.
      expect(counter.runs).toBe(runs);
      await expect.poll(() => calls.rescanAll, { timeout: FLOOD_DELAY_MS * 4 }).toBeGreaterThanOrEqual(1);
      expect(calls.rescanNodes).toEqual([]);
    } finally {
      counter.restore();
    }
  }, 15_000);
});

