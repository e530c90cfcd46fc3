/**
 * Reading corpus files the way the glossary CLI's `scanFile` reads them, so that hand labels,
 * scanner offsets and scoring all refer to the same text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { markdownIgnoredSpans, type Span } from './scoring';

export interface CorpusText {
  /** The text `scanFile` reports offsets into: the file itself (.txt/.md), the visible text (.html). */
  text: string;
  /** Spans that are not reading text (Markdown link targets, front matter): never scored. */
  ignored: Span[];
}

const MARKDOWN = new Set(['.md', '.markdown']);
const HTML = new Set(['.html', '.htm', '.xhtml']);

export async function readCorpusText(path: string): Promise<CorpusText> {
  const raw = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (HTML.has(ext)) {
    const { htmlVisibleText } = await import('../../glossary/cli/html-text');
    return { text: htmlVisibleText(raw).text, ignored: [] };
  }
  return { text: raw, ignored: MARKDOWN.has(ext) ? markdownIgnoredSpans(raw) : [] };
}

/**
 * The folder the annotations' paths are relative to. DIR may be the corpora folder (holding
 * medical/) or the medical folder itself. Returns an error sentence instead of throwing.
 */
export function resolveMedicalDir(dir: string | undefined, usage: string): { dir: string } | { error: string } {
  if (!dir) return { error: `No corpus folder given.\n${usage}` };
  if (!existsSync(dir)) return { error: `Corpus folder "${dir}" does not exist.\n${usage}` };
  if (!statSync(dir).isDirectory()) return { error: `"${dir}" is not a folder.\n${usage}` };
  if (existsSync(join(dir, 'medical')) && statSync(join(dir, 'medical')).isDirectory()) return { dir: join(dir, 'medical') };
  return { dir };
}
