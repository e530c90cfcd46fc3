/**
 * Keeps up with pages that change: one MutationObserver per root, batched. Changed and
 * added text is rescanned (only that text); removed text drops its highlights. A very large
 * batch (a whole new view in a single-page app) asks for a full rescan instead.
 *
 * Batches never overlap: while one is being processed, new changes wait for the next. So a
 * page that changes without pause (a live ticker, a chat, a mutation storm) gets fewer,
 * larger batches instead of a growing pile of scans.
 *
 * The observer's callback runs inside the page's own task, right after the page's script made its
 * changes: it only keeps the records. They are sorted out at the batch, in slices, in tasks of our
 * own, so a page that makes thousands of changes in one task (the bench's mutation storm) does not
 * find our work added to that task (sorting them in the callback made the page's tasks 10–18 ms longer).
 *
 * A flood (a batch over RESCAN_THRESHOLD changed nodes, or more records than that before its batch is taken:
 * the bench's mutation storm, 10,000 changes a second)
 * is read by full rescans, and between them the observer is disconnected: a MutationObserver's callback runs
 * inside the page's own task, at its end, so while it is connected every task of a page that changes without
 * pause has code of ours in it, however little (a few microseconds of queueing); on a busy machine those page
 * tasks are long (the storm's timer ticks, 50–130 ms of wall time at load 13) and were counted as ours, with
 * every long frame they fell in (session 23). While a rescan finds the page changed (what it found moved:
 * handlers.foundVersion), the next one follows unwatched (floodStep). A rescan that found nothing new is
 * followed by a watched one: the observer is connected before it starts, so a change made from then on is
 * either read by that rescan or seen by the observer, whose first record disconnects it again (back to
 * unwatched rescans). A watched rescan during which the page changed nothing ends the flood: the observer
 * stays connected and batches are diffed again. So the flood is never left on a change nobody saw.
 *
 * Editors that appear later are left alone too: an element that becomes contenteditable loses
 * its highlights, and a document switched to design mode (a rich-text editor frame) ends the
 * session at its next batch (design mode has no event; an editor's typing makes the batch).
 */
import { createSkipCheck, isOwnUi, isSkippedElement, readableTextNodes } from '../../../utils/readable-text';
import { runInSlices } from './scan-in-slices';

/** Above this many changed nodes in one batch, diffing costs more than rescanning. */
export const RESCAN_THRESHOLD = 1_000;
/** Mutations are gathered for this long before being processed. */
export const BATCH_DELAY_MS = 120;
/**
 * While batch after batch needs a full rescan (a page changing thousands of nodes a second), each
 * next one waits twice as long, up to this: the page is read a few times a second, not eight.
 */
export const FLOOD_DELAY_MS = 480;

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] };

export interface MutationHandlers {
  rescanNodes(nodes: Text[]): void | Promise<void>;
  /** Elements the page added (they may host web components with their own text). */
  addedElements?(elements: Element[]): void | Promise<void>;
  pruneRemoved(): void;
  rescanAll(): void | Promise<void>;
  /**
   * A number that changes whenever a read changed what was found (terms added or removed): a flood's
   * unwatched rescan that leaves it as it was is followed by a watched one (see the top). Without it every
   * flood rescan is watched.
   */
  foundVersion?(): number;
  /** An element became editable: forget what was found inside it. */
  becameEditable?(element: Element): void;
  /** Checked before each batch: true when the whole document is now an editor (nothing more is done). */
  documentEditable?(): boolean;
}

/** How a flood's rescans go on (pure: see the top of the file). */
export type FloodStep = 'unwatched' | 'watched' | 'over';

/**
 * After a flood's rescan, what the next is: `watched` says whether the observer was connected during it,
 * `changed` whether the page changed meanwhile (watched: the observer saw a change; unwatched: the rescan's
 * reads changed what was found).
 */
export function floodStep(watched: boolean, changed: boolean): FloodStep {
  if (changed) return 'unwatched';
  return watched ? 'over' : 'watched';
}

function* eachRecord(lists: MutationRecord[][]): Generator<MutationRecord> {
  for (const list of lists) yield* list;
}

/** What one batch of records comes to. */
interface Changes {
  changed: Set<Node>;
  editable: Set<Element>;
  removed: boolean;
  /** More than RESCAN_THRESHOLD nodes changed: a full rescan stands in for the rest. */
  overflow: boolean;
}

export function watchMutations(root: Node, handlers: MutationHandlers, signal: AbortSignal): void {
  /** The observer's records, as delivered, waiting for the next batch. */
  let queue: MutationRecord[][] = [];
  let timer = 0;
  let busy = false;
  let delay = BATCH_DELAY_MS;
  /** A flood is being read by full rescans (see the top); `watch`: the next is watched (the observer connected before it starts). */
  let flooding = false;
  let watch = false;
  /** Whether the observer saw a change since the current watched rescan started. */
  let changedSince = false;
  let connected = false;

  const schedule = () => {
    if (!timer && !busy && !signal.aborted && (queue.length || flooding)) timer = window.setTimeout(flush, delay);
  };

  const connect = () => {
    if (connected || signal.aborted) return;
    observer.observe(root, OBSERVE);
    connected = true;
  };
  const disconnect = () => {
    if (!connected) return;
    observer.disconnect();
    connected = false;
  };

  /** One full rescan of a flood; a watched one with the observer connected from its start (what it reads too late, it sees). */
  const floodRescan = async () => {
    const watched = watch || !handlers.foundVersion;
    if (watched) connect();
    changedSince = false;
    const before = handlers.foundVersion?.();
    await handlers.rescanAll();
    if (signal.aborted) return;
    const step = floodStep(watched, watched ? changedSince : handlers.foundVersion?.() !== before);
    if (step === 'over') {
      // Quiet all through a watched rescan: the flood is over, and the observer (connected) diffs batches again.
      flooding = false;
      delay = BATCH_DELAY_MS;
      return;
    }
    watch = step === 'watched';
    // Still flooding (or to be checked): the next rescan waits longer, up to FLOOD_DELAY_MS, unwatched till then.
    disconnect();
    delay = Math.min(delay * 2, FLOOD_DELAY_MS);
  };

  const flush = async () => {
    timer = 0;
    if (signal.aborted || handlers.documentEditable?.()) return;
    busy = true;
    try {
      if (flooding) {
        await floodRescan();
        return;
      }
      const records = queue;
      queue = [];
      queued = 0;
      const batch = await sortOut(records);
      if (signal.aborted) return;
      if (batch.overflow) {
        // The full rescan reads every change made until it starts, those noted meanwhile too.
        queue = [];
        queued = 0;
        observer.takeRecords();
        flooding = true;
        watch = false;
        delay = Math.min(delay * 2, FLOOD_DELAY_MS);
        await floodRescan();
        return;
      }
      delay = BATCH_DELAY_MS;
      for (const el of batch.editable) if (el.isConnected) handlers.becameEditable?.(el);
      if (batch.removed) handlers.pruneRemoved();
      await processBatch(batch.changed);
    } finally {
      busy = false;
      schedule();
    }
  };

  /** Sorts the records out, in slices: what changed, what became editable, whether anything was removed. */
  const sortOut = async (lists: MutationRecord[][]): Promise<Changes> => {
    const out: Changes = { changed: new Set(), editable: new Set(), removed: false, overflow: false };
    const { changed, editable } = out;
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal.addEventListener('abort', onAbort);
    await runInSlices(
      eachRecord(lists),
      (r) => {
        if (r.type === 'characterData') {
          changed.add(r.target);
        } else if (r.type === 'attributes') {
          // contenteditable switched on: drop its highlights; switched off: read it again.
          const el = r.target as HTMLElement;
          if (el.isContentEditable) editable.add(el);
          else changed.add(el);
        } else {
          if (r.removedNodes.length) out.removed = true;
          const added = r.addedNodes;
          for (let i = 0; i < added.length; i++) {
            const n = added[i]!;
            if (n.nodeType === 1 || n.nodeType === 3) changed.add(n);
          }
        }
        if (changed.size > RESCAN_THRESHOLD) {
          out.overflow = true;
          stop.abort();
        }
      },
      { signal: stop.signal },
    );
    signal.removeEventListener('abort', onAbort);
    return out;
  };

  const processBatch = async (batch: Set<Node>) => {
    // One skip check per batch: a thousand edits deep in one subtree climb it once.
    const skipped = createSkipCheck(null);
    const texts = new Set<Text>();
    const elements: Element[] = [];
    for (const node of batch) {
      if (!node.isConnected || isOurs(node) || skipped(node)) continue;
      if (node.nodeType === 3) texts.add(node as Text);
      else if (!isSkippedElement(node as Element)) {
        for (const t of readableTextNodes(node)) texts.add(t);
        elements.push(node as Element);
      }
    }
    if (texts.size) await handlers.rescanNodes([...texts]);
    if (elements.length) await handlers.addedElements?.(elements);
  };

  const isOurs = (node: Node) => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el !== null && (el.closest('[data-wxt-shadow-root]') !== null || isOwnUi(el));
  };

  /** Records queued since the last batch was taken. */
  let queued = 0;
  const observer = new MutationObserver((records) => {
    if (flooding) {
      // A change during a flood: the next rescan reads it (and whatever follows, unwatched till then).
      changedSince = true;
      disconnect();
      schedule();
      return;
    }
    queue.push(records);
    queued += records.length;
    if (queued > RESCAN_THRESHOLD) {
      // More records than a batch diffs (each changes a node or removes some): a flood, known without sorting
      // them out. Waiting for the batch (and its sorting, in slices) left our callback in every task of the
      // page meanwhile: at the storm's start on a busy machine, its ticks of 50–250 ms.
      queue = [];
      queued = 0;
      observer.takeRecords();
      disconnect();
      flooding = true;
      watch = false;
      delay = Math.min(delay * 2, FLOOD_DELAY_MS);
    }
    schedule();
  });
  connect();
  signal.addEventListener('abort', () => {
    disconnect();
    window.clearTimeout(timer);
  });
}
