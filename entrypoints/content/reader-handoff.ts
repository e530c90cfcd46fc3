/**
 * How the loader (index.ts) gets hold of the reader (reader.ts) once the reader's module has run.
 * The module is an extension file loaded with `import()` (entrypoints/reader/index.ts); it leaves its
 * start function on the content script's own global object: the isolated world's, which page
 * scripts never see. The reader's names file (entrypoints/reader-names/index.ts) hands over the
 * glossary's names the same way.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MatchNames } from '../../glossary/match-pack';

/** The reader's answer to a message from the extension (as a runtime.onMessage listener gives it). */
export type ReaderMessages = (message: unknown) => Promise<unknown> | undefined;

/** Starts the reader in this frame; resolves once it listens to messages, with its message handler. */
export type ReadPage = (ctx: ContentScriptContext) => Promise<ReaderMessages>;

const KEY = Symbol.for('reader.readPage');

type WithReader = { [KEY]?: ReadPage };

export function offerReader(readPage: ReadPage): void {
  (globalThis as WithReader)[KEY] = readPage;
}

export function takeReader(): ReadPage | undefined {
  const readPage = (globalThis as WithReader)[KEY];
  delete (globalThis as WithReader)[KEY];
  return readPage;
}

const NAMES_KEY = Symbol.for('reader.matchNames');

type WithNames = { [NAMES_KEY]?: MatchNames };

export function offerMatchNames(names: MatchNames): void {
  (globalThis as WithNames)[NAMES_KEY] = names;
}

export function takeMatchNames(): MatchNames | undefined {
  const names = (globalThis as WithNames)[NAMES_KEY];
  delete (globalThis as WithNames)[NAMES_KEY];
  return names;
}
