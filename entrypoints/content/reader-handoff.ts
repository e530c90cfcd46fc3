/**
 * How the loader (index.ts) gets hold of the reader (reader.ts) once the reader's module has run.
 * The module is an extension file loaded with `import()` (entrypoints/reader/index.ts); it leaves its
 * start function on the content script's own global object: the isolated world's, which page
 * scripts never see. The reader's names file (entrypoints/reader-names/index.ts) hands over the
 * glossary's names the same way, and the document-start stage (page-start.ts) its storage read.
 */
import type { PageContext } from '../../utils/quiet-content-script-context';
import type { MatchNames } from '../../glossary/match-pack';
import type { StartRead } from '../../utils/storage/start-read';

/** The reader's answer to a message from the extension (as a runtime.onMessage listener gives it). */
export type ReaderMessages = (message: unknown) => Promise<unknown> | undefined;

/**
 * Starts the reader in this frame; resolves once it listens to messages, with its message handler.
 * `matchFile`: the bytes of the reader's match data (match-data.bin), which the loader fetches while
 * the reader's module loads (glossary/match-binary.ts). `start`: the loader's storage read of the start
 * state (utils/storage/start-read.ts), made before it decided to load the reader.
 */
export type ReadPage = (ctx: PageContext, matchFile: Promise<ArrayBuffer>, start: StartRead) => Promise<ReaderMessages>;

/** Leaves a value on this world's global object under a shared symbol, for one taker. */
function offer<T>(name: string, value: T): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(name)] = value;
}

function take<T>(name: string): T | undefined {
  const key = Symbol.for(name);
  const value = (globalThis as Record<symbol, unknown>)[key] as T | undefined;
  delete (globalThis as Record<symbol, unknown>)[key];
  return value;
}

const READER = 'reader.readPage';
const NAMES = 'reader.matchNames';

export const offerReader = (readPage: ReadPage): void => offer(READER, readPage);
export const takeReader = (): ReadPage | undefined => take(READER);
export const offerMatchNames = (names: MatchNames): void => offer(NAMES, names);
export const takeMatchNames = (): MatchNames | undefined => take(NAMES);

const START_READ = 'page-start.startRead';

/**
 * The document-start stage's storage read of the start state (page-start.ts), for the first stage of the
 * same page load, which takes it instead of reading again (index.ts).
 */
export const offerStartRead = (start: StartRead): void => offer(START_READ, start);
export const takeStartRead = (): StartRead | undefined => take(START_READ);
