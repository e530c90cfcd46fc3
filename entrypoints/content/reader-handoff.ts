/**
 * How the loader (index.ts) gets hold of the reader (reader.ts) once the reader's module has run.
 * The module is an extension file loaded with `import()` (entrypoints/reader/index.ts); it leaves its
 * start function on the content script's own global object: the isolated world's, which page
 * scripts never see.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

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
