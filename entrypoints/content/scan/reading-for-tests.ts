/**
 * How many reads of the page (the reader's load, a scan and what follows it: page definitions,
 * page-only terms) this frame has in flight, for the extension bench (tests/bench/extension/run.ts).
 * A sliced scan can go on for seconds without registering a highlight, so "highlights unchanged for a
 * while" cannot tell it from a finished one; this count can. It lives on the content script's isolated
 * world's global object (as `highlightNamesForTests` does, terms/highlight-styles-request.ts), which page
 * scripts never see; the bench reads it over the DevTools protocol. The first stage and the reader are
 * separate bundles: both count on the same global.
 */
const world = globalThis as { readingForTests?: number };

/** Counts `work` as a read in flight until it settles; returns it. */
export function countReading<T>(work: Promise<T>): Promise<T> {
  world.readingForTests = (world.readingForTests ?? 0) + 1;
  const done = () => void (world.readingForTests = (world.readingForTests ?? 1) - 1);
  work.then(done, done);
  return work;
}
