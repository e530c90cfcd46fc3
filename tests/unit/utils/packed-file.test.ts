/**
 * The reader's binary files as the content script fetches them (utils/packed-file.ts): gzip-compressed in the
 * Chromium build, inflated on arrival; as they are in the Firefox build.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchPacked, packedPath } from '../../../utils/packed-file';

const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 7)) & 255);
const serve = (body: Uint8Array, status = 200) => vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status }));

afterEach(() => vi.restoreAllMocks());

describe('packedPath', () => {
  it('names the gzip file where the files are compressed, the file itself where not', () => {
    expect(packedPath('/match-data.bin', true)).toBe('/match-data.bin.gz');
    expect(packedPath('/match-data.bin', false)).toBe('/match-data.bin');
  });
});

describe('fetchPacked', () => {
  it('resolves with the inflated bytes of a gzip file, the same as the file before compression', async () => {
    const fetch = serve(gzipSync(bytes));
    const got = new Uint8Array(await fetchPacked('chrome-extension://x/match-data.bin.gz', true));
    expect(fetch).toHaveBeenCalledWith('chrome-extension://x/match-data.bin.gz');
    expect(got.length).toBe(bytes.length);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
  });

  it('resolves with the bytes as they are where the files are not compressed', async () => {
    serve(bytes);
    const got = new Uint8Array(await fetchPacked('moz-extension://x/match-data.bin', false));
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
  });

  it('rejects when the file cannot be read or is not gzip (the reader then works without it, as before)', async () => {
    serve(new Uint8Array(0), 404);
    await expect(fetchPacked('chrome-extension://x/missing.bin.gz', true)).rejects.toThrow(/404/);
    serve(bytes);
    await expect(fetchPacked('chrome-extension://x/match-data.bin.gz', true)).rejects.toThrow();
  });
});
