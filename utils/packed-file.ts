/**
 * The reader's binary files (match-data.bin, match-spelling.bin: glossary/match-binary.ts) as the content
 * script fetches them. In the Chromium build they ship gzip-compressed (`.bin.gz`, written by wxt.config.ts)
 * and are inflated with the browser's own DecompressionStream; the Firefox build ships them as they are.
 *
 * Why: an extension file's bytes reach the page's main thread through a data pipe, and in Chromium 156 each
 * megabyte of it costs that thread about 20 ms of CPU (about 40 with DevTools' network agent on, as in the
 * extension bench), in tasks the first marks wait behind. The gzip file is 44 % of the bytes, and inflating
 * it costs less than the difference (session 17's RESULTS section has the figures). Firefox is left as it
 * was: nothing was measured there.
 */

/** The path of `file` (an extension path such as '/match-data.bin') in this build. */
export function packedPath(file: string, gzipped: boolean = !import.meta.env.FIREFOX): string {
  return gzipped ? `${file}.gz` : file;
}

/**
 * Fetches `url` (a file packedPath named) and resolves with its bytes, inflated when `gzipped`; rejects when
 * the file cannot be read or inflated.
 */
export async function fetchPacked(url: string, gzipped: boolean = !import.meta.env.FIREFOX): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (!gzipped || !response.body) return response.arrayBuffer();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
