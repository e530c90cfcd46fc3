import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTICLE_FILE, ROOT } from '../../support/paths';
import { escapeHtml, parseArticle, renderArticle, renderLong, startServer, type TestServer } from '../../support/server';

const article = readFileSync(ARTICLE_FILE, 'utf8');

describe('article rendering (tests/support/server.ts)', () => {
  test('title, headings and paragraphs', () => {
    const blocks = parseArticle(article);
    expect(blocks[0]).toEqual({ kind: 'h1', text: 'Immunotherapy for Stage 4 Cervical Cancer' });
    expect(blocks.filter((b) => b.kind === 'h1')).toHaveLength(1);
    const headings = blocks.filter((b) => b.kind === 'h2').map((b) => b.text);
    expect(headings).toContain('Understanding Stage 4 Cervical Cancer');
    expect(headings).toContain('Checkpoint Inhibitors');
    for (const b of blocks) {
      expect(b.text).toBe(b.text.trim());
      expect(b.text).not.toBe('');
    }
    expect(blocks.find((b) => b.text.startsWith('Checkpoint inhibitors, such as'))?.kind).toBe('p');
  });

  test('the page text keeps every quoted glossary passage verbatim', () => {
    const glossary = JSON.parse(readFileSync(`${ROOT}/glossary/generated/glossary.json`, 'utf8')) as {
      entries: { id: string; passages: string[] }[];
    };
    const paragraphs = parseArticle(article).map((b) => b.text);
    for (const entry of glossary.entries) {
      for (const passage of entry.passages) {
        expect(paragraphs.some((p) => p.includes(passage)), `${entry.id}: ${passage}`).toBe(true);
      }
    }
  });

  test('escapes HTML and loads nothing from elsewhere', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const html = renderArticle('A <b>title</b>\n\nSome text & more <script>.');
    expect(html).toContain('<h1>A &lt;b&gt;title&lt;/b&gt;</h1>');
    expect(html).toContain('<p>Some text &amp; more &lt;script&gt;.</p>');
    for (const page of [renderArticle(article), renderLong(article, 5)]) {
      expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(page).not.toMatch(/@import|url\(/);
    }
  });

  test('long page', () => {
    const html = renderLong(article, 250);
    expect(html.match(/<p id="p-\d+">/g)).toHaveLength(250);
    expect(html).toContain('<p id="p-249">');
    expect(html).toContain('<p id="last">');
  });
});

describe('test server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  test('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ['/article.html', 'Immunotherapy for Stage 4 Cervical Cancer'],
    ['/traps.html', 'data-zone="negative"'],
    ['/forms.html', '<textarea id="notes"'],
    ['/long.html?paragraphs=3', '<p id="p-2">'],
    ['/', 'traps.html'],
  ])('serves %s', async (path, expected) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain(expected);
  });

  test.each(['/nope.html', '/..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json', '/long.html?paragraphs=0'])(
    'refuses %s',
    async (path) => {
      const res = await fetch(server.url + path);
      expect([400, 404]).toContain(res.status);
    },
  );
});
