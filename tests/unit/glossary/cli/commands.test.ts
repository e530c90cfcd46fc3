import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../glossary/cli/main';
import { glossary } from '../../../../glossary/index';
import { CATEGORIES } from '../../../../glossary/types';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'termlight-cli-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

describe('glossary scan', () => {
  it('prints one JSON match per line with UTF-16 offsets into the exact file contents', async () => {
    const text = '🎗️ Ask about PD‑L1 testing.\r\nTILs and CAR T-cell therapy are kinds of immunotherapy.\n';
    const { code, out } = await run('scan', file('a.txt', text));
    expect(code).toBe(0);
    const matches = out.map((l) => JSON.parse(l));
    expect(matches.map((m) => m.text)).toEqual(['PD‑L1', 'TILs', 'CAR T-cell therapy', 'immunotherapy']);
    for (const m of matches) {
      expect(Object.keys(m)).toEqual(['start', 'end', 'text', 'id', 'term', 'fuzzy']);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('scans Markdown as plain text', async () => {
    const text = '# Side effects\n\n**irAEs** are *immune-related adverse events*.';
    const { out } = await run('scan', file('b.md', text));
    const matches = out.map((l) => JSON.parse(l));
    // The * and ** marks neither hide a term nor shift the offsets.
    expect(matches.map((m) => [m.text, m.id])).toEqual([
      ['Side effects', 'side-effect'],
      ['irAEs', 'immune-related-adverse-events'],
      ['immune-related adverse events', 'immune-related-adverse-events'],
    ]);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('scans only the visible text of HTML, as the content script sees it', async () => {
    const html = `<!doctype html><html><head><title>Immunotherapy</title><style>.x{}</style></head><body>
      <p>Chemotherapy and <b>radiation therapy</b> &amp; immunotherapy.</p>
      <script>var immunotherapy = 1;</script><textarea>chemotherapy</textarea>
      <div contenteditable="true">biomarker</div><code>PD-L1</code><p hidden>prognosis</p></body></html>`;
    const { code, out } = await run('scan', file('c.html', html));
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).text)).toEqual(['Chemotherapy', 'radiation therapy', 'immunotherapy']);
  });

  it('explains a missing file, a folder, a wrong type and a missing argument, and exits non-zero', async () => {
    const missing = await run('scan', join(dir, 'nope.txt'));
    expect(missing.code).not.toBe(0);
    expect(missing.err.join('\n')).toMatch(/no such file/);
    expect(missing.out).toEqual([]);
    mkdirSync(join(dir, 'folder.txt'));
    const folder = await run('scan', join(dir, 'folder.txt'));
    expect(folder.code).not.toBe(0);
    expect(folder.err.join('\n')).toMatch(/is a folder/);
    const pdf = await run('scan', file('d.pdf', '%PDF'));
    expect(pdf.err.join('\n')).toMatch(/\.txt, \.md or \.html/);
    expect((await run('scan')).code).toBe(2);
  });

  it('rejects unknown commands with the usage', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/Unknown command "frobnicate"[\s\S]*Usage/);
  });
});

describe('glossary check', () => {
  // A hang guard, not a speed limit: validating ~800 entries (grades, links, article) takes seconds.
  it('validates the shipped glossary and prints entries and grades per category', { timeout: 60_000 }, async () => {
    const r = await run('check');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^category\s+entries\s+median grade\s+max grade$/);
    const rows = new Map(
      r.out.flatMap((l) => {
        const m = /^([a-z-]+)\s+(\d+)\s+(\d+\.\d)\s+(\d+\.\d)\b/.exec(l);
        return m ? [[m[1]!, { entries: Number(m[2]), median: Number(m[3]), max: Number(m[4]) }] as const] : [];
      }),
    );
    expect([...rows.keys()]).toEqual([...CATEGORIES, 'all']);
    const all = rows.get('all')!;
    expect(all.entries).toBe(glossary.entries.length);
    expect(CATEGORIES.reduce((n, c) => n + rows.get(c)!.entries, 0)).toBe(all.entries);
    for (const [, row] of rows) {
      expect(row.entries).toBeGreaterThan(0);
      expect(row.median).toBeLessThanOrEqual(row.max);
      expect(row.max).toBeLessThanOrEqual(8);
    }
    expect(all.median).toBeLessThanOrEqual(6);
    expect(r.out).toContainEqual(expect.stringMatching(/^hardest definitions: [a-z0-9-]+ \d+\.\d(, [a-z0-9-]+ \d+\.\d){7}$/));
    expect(r.out).toContainEqual(expect.stringMatching(/^sources: \d+ \(\d+\.\d per entry\); reviewed \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}; pronunciations: \d+$/));
    expect(r.out).toContainEqual(expect.stringMatching(/^article quotes: \d+ as they are, \d+ with a dated note, \d+ left out on purpose$/));
    // Every grade only with --all.
    expect(r.out.some((l) => /^\s*\d+\.\d\s+biomarkers\/pd-l1$/.test(l))).toBe(false);
  });

  it('prints every definition\'s grade with --all, as category/id', { timeout: 60_000 }, async () => {
    const r = await run('check', '--all');
    expect(r.code).toBe(0);
    const graded = r.out.filter((l) => /^\s*\d+\.\d\s+[a-z-]+\/[a-z0-9-]+$/.test(l));
    expect(graded).toHaveLength(glossary.entries.length);
    expect(graded).toContainEqual(expect.stringMatching(/^\s*\d+\.\d\s+biomarkers\/pd-l1$/));
  });
});

describe('the npm script', () => {
  it('prints nothing but results on stdout with npm run --silent', () => {
    const path = file('e.txt', 'Immunotherapy');
    const stdout = execFileSync('npm', ['run', '--silent', 'glossary', '--', 'scan', path], { encoding: 'utf8' });
    expect(stdout).toBe('{"start":0,"end":13,"text":"Immunotherapy","id":"immunotherapy","term":"Immunotherapy","fuzzy":false}\n');
    const bad = spawnSync('npm', ['run', '--silent', 'glossary', '--', 'scan', join(dir, 'missing.md')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/no such file/);
  }, 30_000);
});

describe('glossary scan on pages in other languages', () => {
  it('corrects spelling only on English pages', async () => {
    const en = await run('scan', file('en.html', '<html lang="en"><body><p>immunotheraphy</p></body></html>'));
    expect(en.out).toHaveLength(1);
    const fr = await run('scan', file('fr.html', '<html lang="fr"><body><p>Une efficace immunotheraphy, mais immunotherapy.</p></body></html>'));
    expect(fr.out.map((l) => JSON.parse(l).text)).toEqual(['immunotherapy']);
  });

  it('reads a heading in capitals across its inline elements, as the content script does', async () => {
    const html = '<html><body><h2><span>SLEEP</span> AIDS</h2><h2>HIV/<b>AIDS</b></h2><p>Living with <b>AIDS</b></p><h2>AIDS</h2></body></html>';
    const r = await run('scan', file('capitals.html', html));
    // Not the heading "SLEEP AIDS"; the pair with HIV, the acronym in a sentence and alone stay.
    expect(r.out.map((l) => JSON.parse(l)).filter((m) => m.id === 'aids')).toHaveLength(3);
  });

  it('reads pages whose <link> preloads happy-dom cannot resolve', async () => {
    const html = '<html><head><link rel="preload" as="fetch" href="/page-data/x.json"></head><body><p>Chemotherapy</p></body></html>';
    const r = await run('scan', file('preload.html', html));
    expect(r.code).toBe(0);
    expect(r.out.map((l) => JSON.parse(l).text)).toEqual(['Chemotherapy']);
  });
});
