/**
 * The benchmark's pages: every saved page of CORPUS/real-pages, the HTML and Markdown of CORPUS/medical
 * rendered as simple pages, and one synthetic 5 MB page (the largest medical text repeated as paragraphs).
 * Nothing here is copied into the repository: pages are read from the corpus folder at run time.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { escapeHtml, htmlPage } from '../../support/server';

export type PageGroup = 'real' | 'medical' | 'synthetic';

export interface BenchPage {
  /** Short unique name, also the URL path on the bench server (e.g. "real/aclu.html"). */
  id: string;
  group: PageGroup;
  /** Where the page came from (file path, or a description for the synthetic page). */
  source: string;
  /** The HTML served for it (real pages: their bytes, untouched). */
  html: () => Buffer;
}

/** Five mebibytes of visible text for the synthetic page. */
export const SYNTHETIC_TEXT_CHARS = 5 * 1024 * 1024;

export class CorpusError extends Error {}

/** Checks the corpus layout and lists its pages. Throws CorpusError with a clear message if it is not there. */
export function loadCorpus(corpusDir: string): { pages: BenchPage[]; largestMedical: string } {
  const realDir = join(corpusDir, 'real-pages');
  const medicalDir = join(corpusDir, 'medical');
  for (const dir of [corpusDir, realDir, medicalDir]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new CorpusError(
        `corpus folder not found: ${dir}\n` +
          'usage: npm run bench [-- CORPUS_DIR]   (CORPUS_DIR holds real-pages/ and medical/; default ../shared/corpora)',
      );
    }
  }

  const pages: BenchPage[] = [];
  // real-pages/ is flat (NAME.html); a folder per page with source.html (Readability's own layout) works too.
  for (const name of readdirSync(realDir).sort()) {
    const path = join(realDir, name);
    const file = statSync(path).isDirectory() ? join(path, 'source.html') : path;
    if (!file.endsWith('.html') || !existsSync(file)) continue;
    const id = `real/${name.replace(/\.html$/, '')}.html`;
    pages.push({ id, group: 'real', source: file, html: () => readFileSync(file) });
  }
  if (pages.length === 0) throw new CorpusError(`no pages found in ${realDir}`);

  const medical = readdirSync(medicalDir)
    .filter((f) => f.endsWith('.md') || f.endsWith('.html'))
    .sort();
  if (medical.length === 0) throw new CorpusError(`no .md or .html files in ${medicalDir}`);
  let largestMedical = '';
  let largestSize = -1;
  for (const name of medical) {
    const file = join(medicalDir, name);
    const size = statSync(file).size;
    if (size > largestSize) {
      largestSize = size;
      largestMedical = file;
    }
    const id = `medical/${basename(name, extname(name))}.html`;
    const html = name.endsWith('.md')
      ? () => Buffer.from(markdownPage(readFileSync(file, 'utf8'), name), 'utf8')
      : () => readFileSync(file);
    pages.push({ id, group: 'medical', source: file, html });
  }

  let synthetic: Buffer | null = null;
  pages.push({
    id: 'synthetic/5mb.html',
    group: 'synthetic',
    source: `${basename(largestMedical)} repeated to ${SYNTHETIC_TEXT_CHARS.toLocaleString('en')} characters of text, as paragraphs`,
    html: () => (synthetic ??= Buffer.from(syntheticPage(readFileSync(largestMedical, 'utf8'), largestMedical), 'utf8')),
  });
  return { pages, largestMedical };
}

// ---------------------------------------------------------------------------------------------------------
// A tiny Markdown → HTML converter: front matter dropped; headings, lists, table rows and paragraphs; text
// escaped; links keep their text; **bold** becomes <strong>. Enough to give the pages a realistic DOM.

export interface MdBlock {
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'ul' | 'ol';
  /** Plain text lines: one for headings/paragraphs, one per item for lists. */
  items: string[];
}

export function parseMarkdown(md: string): MdBlock[] {
  let text = md.replace(/\r\n?/g, '\n');
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end >= 0) text = text.slice(text.indexOf('\n', end + 1) + 1);
  }
  const blocks: MdBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
    if (heading && lines.length === 1) {
      const level = Math.min(heading[1]!.length, 4) as 1 | 2 | 3 | 4;
      blocks.push({ tag: `h${level}`, items: [heading[2]!] });
      continue;
    }
    if (lines.every((l) => /^[-*+]\s+/.test(l))) {
      blocks.push({ tag: 'ul', items: lines.map((l) => l.replace(/^[-*+]\s+/, '')) });
      continue;
    }
    if (lines.every((l) => /^\d+[.)]\s+/.test(l))) {
      blocks.push({ tag: 'ol', items: lines.map((l) => l.replace(/^\d+[.)]\s+/, '')) });
      continue;
    }
    if (lines.every((l) => l.startsWith('|'))) {
      for (const row of lines) {
        if (/^\|[\s:|-]+\|?$/.test(row)) continue; // |---|---|
        const cells = row.split('|').map((c) => c.trim()).filter(Boolean);
        if (cells.length) blocks.push({ tag: 'p', items: [cells.join(' — ')] });
      }
      continue;
    }
    blocks.push({ tag: 'p', items: [lines.join(' ')] });
  }
  return blocks;
}

/** Inline Markdown to HTML (escaped): images dropped, links keep their text, **x** → <strong>, `x` → x. */
export function inlineMarkdown(s: string): string {
  const plain = s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
  return escapeHtml(plain).replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a, b) => `<strong>${a ?? b}</strong>`);
}

/** Plain text of inline Markdown (for the synthetic page). */
export function plainMarkdown(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_m, a, b) => a ?? b);
}

export function markdownPage(md: string, name: string): string {
  const blocks = parseMarkdown(md);
  const title = blocks.find((b) => b.tag === 'h1')?.items[0] ?? name;
  const body = blocks
    .map((b) =>
      b.tag === 'ul' || b.tag === 'ol'
        ? `<${b.tag}>${b.items.map((i) => `<li>${inlineMarkdown(i)}</li>`).join('')}</${b.tag}>`
        : `<${b.tag}>${inlineMarkdown(b.items[0]!)}</${b.tag}>`,
    )
    .join('\n');
  return htmlPage(plainMarkdown(title), `<main>\n<article>\n${body}\n</article>\n</main>`);
}

/** The largest medical text, its blocks repeated as <p> paragraphs until the visible text reaches 5 MiB. */
export function syntheticPage(source: string, file: string): string {
  const paragraphs = (
    file.endsWith('.md') ? parseMarkdown(source).flatMap((b) => b.items.map(plainMarkdown)) : source.split(/\n\s*\n/)
  )
    .map((p) => p.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  const parts: string[] = ['<h1>Synthetic 5 MB page</h1>'];
  let chars = 0;
  for (let i = 0; chars < SYNTHETIC_TEXT_CHARS; i++) {
    const p = paragraphs[i % paragraphs.length]!;
    parts.push(`<p>${escapeHtml(p)}</p>`);
    chars += p.length;
  }
  return htmlPage('Synthetic 5 MB page', `<main>\n${parts.join('\n')}\n</main>`);
}
