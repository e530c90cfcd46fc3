/**
 * A tiny local web server for the end-to-end tests and the demo.
 *
 *   /                 index of the pages below
 *   /article.html     the glossary's source article, rendered from glossary/sources/*.txt
 *   /long.html        many paragraphs of article text (?paragraphs=N, default 2000) for chunked-scan tests
 *   /<name>.html      hand-written pages from tests/fixtures/pages/
 *   /generated/<name>.html   hard pages made at serve time (tests/fixtures/generated/: 200,000 text nodes,
 *                     a 5 MB text node, deep nesting, a mutation storm; each takes bounded ?parameters)
 *   /<mount>/…        files from extra directories given to startServer (check:pages serves a folder of
 *                     saved real pages this way; a missing file is a plain 404)
 *
 * Pages load nothing from anywhere else (no fonts, no CDNs, inline CSS only, `data:` favicon), so any
 * request a test sees that is not to this server or to chrome-extension:// comes from the extension.
 *
 * Run standalone: `npx tsx tests/support/server.ts [port]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ARTICLE_FILE, PAGES_DIR } from './paths';
import { BadParameter, GENERATED_PAGES } from '../fixtures/generated/index';

export interface TestServer {
  /** Origin with no trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.htm': 'text/html; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface ServerOptions {
  /** Extra folders to serve: URL prefix (e.g. '/real/') → directory. */
  mounts?: Record<string, string>;
}

export const DEFAULT_LONG_PARAGRAPHS = 2000;
const MAX_LONG_PARAGRAPHS = 50_000;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A standalone HTML document with inline styles only. `body` must already be HTML. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: Georgia, 'Liberation Serif', serif; line-height: 1.55; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }
  h1, h2 { font-family: 'Liberation Sans', Arial, sans-serif; line-height: 1.2; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface ArticleBlock {
  kind: 'h1' | 'h2' | 'p';
  text: string;
}

/**
 * Splits the article text into blocks: the first non-blank line is the title (h1); a short line with no
 * final punctuation and no sentence break is a heading (h2); anything else is a paragraph. Text is kept
 * verbatim (only trimmed), so the glossary's quoted passages are substrings of the page text.
 */
export function parseArticle(source: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const text = raw.trim(); // also drops the source's lone no-break-space lines
    if (!text) continue;
    if (blocks.length === 0) blocks.push({ kind: 'h1', text });
    else blocks.push({ kind: isHeading(text) ? 'h2' : 'p', text });
  }
  return blocks;
}

function isHeading(line: string): boolean {
  return line.length <= 80 && !/[.!?:;,…*"”’)\]]$/.test(line) && !/[.!?]\s/.test(line);
}

function renderBlocks(blocks: ArticleBlock[]): string {
  return blocks.map((b) => `<${b.kind}>${escapeHtml(b.text)}</${b.kind}>`).join('\n');
}

/** The article page (/article.html) from the article's plain text. */
export function renderArticle(source: string): string {
  const blocks = parseArticle(source);
  const title = blocks[0]?.text ?? 'Article';
  return htmlPage(title, `<main>\n<article>\n${renderBlocks(blocks)}\n</article>\n</main>`);
}

/**
 * A long page (/long.html): `count` paragraphs cycling through the article's paragraphs, each with an id
 * (`p-0` … `p-{count-1}`), a heading every 100 paragraphs, and a final `<p id="last">` that names a term
 * so a test can check the scan reached the end.
 */
export function renderLong(source: string, count: number): string {
  const paragraphs = parseArticle(source).filter((b) => b.kind === 'p').map((b) => b.text);
  if (paragraphs.length === 0) throw new Error('article has no paragraphs');
  const parts: string[] = [`<h1>Long article (${count} paragraphs)</h1>`];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 100 === 0) parts.push(`<h2 id="section-${i / 100}">Part ${i / 100 + 1}</h2>`);
    parts.push(`<p id="p-${i}">${escapeHtml(paragraphs[i % paragraphs.length]!)}</p>`);
  }
  parts.push('<p id="last">The end of a long page about immunotherapy and PD-L1 testing.</p>');
  return htmlPage(`Long article (${count} paragraphs)`, `<main>\n${parts.join('\n')}\n</main>`);
}

async function listPages(): Promise<string[]> {
  const files = await readdir(PAGES_DIR).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.html')).sort();
}

async function renderIndex(): Promise<string> {
  const generated = Object.keys(GENERATED_PAGES).map((name) => `generated/${name}`);
  const links = ['article.html', `long.html`, ...(await listPages()), ...generated]
    .map((f) => `<li><a href="/${escapeHtml(f)}">${escapeHtml(f)}</a></li>`)
    .join('\n');
  return htmlPage('Termlight test pages', `<h1>Termlight test pages</h1>\n<ul>\n${links}\n</ul>`);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer) {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(buf.length),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

/** Serves `path` (already decoded) from `dir`, never outside it. */
async function sendFile(req: IncomingMessage, res: ServerResponse, dir: string, path: string): Promise<void> {
  const file = resolve(dir, '.' + path);
  if (!file.startsWith(dir + sep)) {
    send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
    return;
  }
  try {
    const body = await readFile(file);
    send(res, req, 200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body);
  } catch {
    send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: ServerOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, req, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    send(res, req, 400, 'text/plain; charset=utf-8', 'bad path\n');
    return;
  }

  if (path === '/' || path === '/index.html') {
    send(res, req, 200, TYPES['.html']!, await renderIndex());
    return;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  if (path === '/article.html') {
    send(res, req, 200, TYPES['.html']!, renderArticle(await readFile(ARTICLE_FILE, 'utf8')));
    return;
  }
  if (path === '/long.html') {
    const n = Number(url.searchParams.get('paragraphs') ?? DEFAULT_LONG_PARAGRAPHS);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LONG_PARAGRAPHS) {
      send(res, req, 400, 'text/plain; charset=utf-8', `paragraphs must be an integer 1..${MAX_LONG_PARAGRAPHS}\n`);
      return;
    }
    send(res, req, 200, TYPES['.html']!, renderLong(await readFile(ARTICLE_FILE, 'utf8'), n));
    return;
  }

  if (path.startsWith('/generated/')) {
    const generate = GENERATED_PAGES[path.slice('/generated/'.length)];
    if (!generate) {
      send(res, req, 404, 'text/plain; charset=utf-8', 'not found\n');
      return;
    }
    try {
      send(res, req, 200, TYPES['.html']!, generate(url.searchParams));
    } catch (err) {
      if (!(err instanceof BadParameter)) throw err;
      send(res, req, 400, 'text/plain; charset=utf-8', `${err.message}\n`);
    }
    return;
  }
  for (const [prefix, dir] of Object.entries(options.mounts ?? {})) {
    if (path.startsWith(prefix)) {
      await sendFile(req, res, resolve(dir), path.slice(prefix.length - 1));
      return;
    }
  }
  await sendFile(req, res, PAGES_DIR, path);
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export async function startServer(port = 0, options: ServerOptions = {}): Promise<TestServer> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch((err: unknown) => {
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', `server error: ${String(err)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void startServer(Number(process.argv[2] ?? 0)).then((server) => {
    console.log(`Serving Termlight test pages at ${server.url}/ (Ctrl-C to stop)`);
    process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
  });
}
