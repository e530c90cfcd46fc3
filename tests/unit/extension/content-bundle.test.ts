/**
 * The content script runs on every page and frame the reader opens, so what it bundles matters.
 * Its first stage (entrypoints/content/index.ts) is parsed everywhere and carries no glossary data but
 * the start filter (hashed words: whether a page could hold a term at all);
 * the reader it loads in frames worth reading (entrypoints/reader/index.ts) carries the matching data only:
 * the glossary's definitions and passages stay out of both (the background hands them over when a
 * popover shows an entry; see entrypoints/content/popover/entry-loader.ts).
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../../glossary/index';
import startFilter from '../../../glossary/generated/start-filter.json';

const ROOT = resolve(import.meta.dirname, '../../..');

/** WXT's `?raw` imports as text; plain CSS imports (injected by WXT itself) as nothing. */
const cssLikeWxt: Plugin = {
  name: 'css-like-wxt',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?raw$/, '')) }));
    b.onResolve({ filter: /\.css$/ }, (a) => ({ path: a.path, namespace: 'no-css' }));
    b.onLoad({ filter: /.*/, namespace: 'no-css' }, () => ({ contents: '', loader: 'js' }));
  },
};

async function bundle(entry: string) {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    metafile: true,
    loader: { '.css': 'text', '.json': 'json' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'import.meta.env.FIREFOX': 'false', 'import.meta.env.BROWSER': '"chrome"' },
    logLevel: 'silent',
    plugins: [cssLikeWxt],
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the content script bundle', () => {
  it('first stage: no glossary data but the start filter, no card, small enough to cost little on every page and frame', async () => {
    const { code, inputs } = await bundle('entrypoints/content/index.ts');
    // The glossary's types (the message guards' category list) and the start filter (glossary/start-filter.ts:
    // a Bloom filter of hashed words, with the normalisation it needs, and from code-names.ts how many pieces
    // of a code it glues back) only: no match data, no matcher.
    expect(inputs.filter((i) => i.startsWith('glossary/')).sort()).toEqual(
      ['glossary/code-names.ts', 'glossary/generated/start-filter.json', 'glossary/normalise.ts', 'glossary/start-filter.ts', 'glossary/types.ts'],
    );
    expect(inputs.filter((i) => i.includes('/popover/') || i.includes('preact'))).toEqual([]);
    expect(code).not.toContain(glossary.entries[0]!.term);
    const gzipped = gzipSync(code, { level: 9 }).length;
    // The filter's bits are random to gzip: they cost their own size; the code around them stays small.
    const filterBytes = Math.ceil(startFilter.bits / 8);
    console.log(`content script first stage (esbuild, minified): ${code.length} B, ${gzipped} B gzipped (${filterBytes} B of it the start filter)`);
    expect(gzipped - filterBytes).toBeLessThan(10_000);
  }, 60_000);

  it('reader: leaves the full glossary out (matching data only) and says how big it is', async () => {
    const { code, inputs } = await bundle('entrypoints/reader/index.ts');
    // The match data as one pack (glossary/match-pack.ts), not the JSON files it is made from.
    expect(inputs).toContain('glossary/generated/match-pack.json');
    expect(inputs.filter((i) => /generated\/(match|match-trie|fuzzy-exclusions)\.json$/.test(i))).toEqual([]);
    expect(inputs).not.toContain('glossary/generated/glossary.json');
    expect(inputs).not.toContain('glossary/index.ts');
    // Nor any definition as text (copied in some other way): terms are, definitions are not.
    expect(code).toContain(glossary.entries[0]!.term);
    expect(glossary.entries.filter((e) => code.includes(e.definition)).map((e) => e.id)).toEqual([]);
    console.log(`content script reader (esbuild, minified): ${code.length} B, ${gzipSync(code, { level: 9 }).length} B gzipped`);
  }, 60_000);
});
