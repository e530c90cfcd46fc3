import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../glossary/cli/main';

async function run(argv: string[], stdin: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const input = async function* () {
    yield* stdin;
  };
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l), input);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'termlight-abbr-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
}

describe('glossary abbreviations FILE', () => {
  it('prints {"short","long","start","end"} per definition, offsets into the exact file contents', async () => {
    const text = '🎗️ Ask about tumor mutational burden (TMB).\r\nPD-L1 (programmed death-ligand 1) is a protein.\n';
    const { code, out, err } = await run(['abbreviations', file('a.txt', text)]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const found = out.map((l) => JSON.parse(l));
    expect(found).toEqual([
      { short: 'TMB', long: 'tumor mutational burden', start: text.indexOf('tumor'), end: text.indexOf('(TMB)') + 5 },
      { short: 'PD-L1', long: 'programmed death-ligand 1', start: text.indexOf('PD-L1'), end: text.indexOf('1)') + 2 },
    ]);
    for (const d of found) expect(Object.keys(d)).toEqual(['short', 'long', 'start', 'end']);
  });

  it('reads Markdown as plain text', async () => {
    const text = '## Side effects\n\nSome people get **immune-related adverse events** (irAEs).';
    const { out } = await run(['abbreviations', file('b.md', text)]);
    const [d] = out.map((l) => JSON.parse(l));
    expect(d).toMatchObject({ short: 'irAEs', long: 'immune-related adverse events' });
    expect(text.slice(d.start, d.end)).toBe('immune-related adverse events** (irAEs)');
  });

  it('reads only the visible text of HTML, with the offsets scan uses, across inline tags', async () => {
    const html = `<!doctype html><html><head><title>Tumor mutational burden (TMB)</title></head><body>
      <p>High <b>tumor mutational burden</b> (TMB) may help.</p>
      <script>var x = "programmed death-ligand 1 (PD-L1)";</script><p hidden>overall survival (OS)</p></body></html>`;
    const { code, out } = await run(['abbreviations', file('c.html', html)]);
    expect(code).toBe(0);
    const found = out.map((l) => JSON.parse(l));
    expect(found.map((d) => `${d.short}|${d.long}`)).toEqual(['TMB|tumor mutational burden']);
    const scan = await run(['scan', file('c.html', html)]);
    const tmb = scan.out.map((l) => JSON.parse(l)).find((m) => m.text === 'tumor mutational burden');
    expect(found[0].start).toBe(tmb.start);
  });

  it('explains a missing file, a folder, a wrong type and a missing argument, and exits non-zero', async () => {
    const missing = await run(['abbreviations', join(dir, 'nope.txt')]);
    expect(missing.code).not.toBe(0);
    expect(missing.err.join('\n')).toMatch(/no such file/);
    mkdirSync(join(dir, 'folder.md'));
    expect((await run(['abbreviations', join(dir, 'folder.md')])).err.join('\n')).toMatch(/is a folder/);
    expect((await run(['abbreviations', file('d.pdf', '%PDF')])).err.join('\n')).toMatch(/\.txt, \.md or \.html/);
    const none = await run(['abbreviations']);
    expect(none.code).toBe(2);
    expect(none.err.join('\n')).toMatch(/abbreviations needs exactly one FILE[\s\S]*Usage/);
    expect((await run(['abbreviations', '--json'])).code).toBe(2);
  });
});

describe('glossary abbreviations --jsonl', () => {
  it('prints {"id","short","long"} per pair, ids as given, and skips blank lines', async () => {
    const { code, out, err } = await run(
      ['abbreviations', '--jsonl'],
      [
        JSON.stringify({ id: 'a', text: 'Antibodies against programmed cell death protein 1 (PD-1) help.' }),
        '',
        JSON.stringify({ id: 7, text: 'No definitions here.' }),
        JSON.stringify({ id: 'c', text: 'TILs (tumor-infiltrating lymphocytes) and monoclonal antibodies (mAbs).' }),
      ],
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { id: 'a', short: 'PD-1', long: 'programmed cell death protein 1' },
      { id: 'c', short: 'TILs', long: 'tumor-infiltrating lymphocytes' },
      { id: 'c', short: 'mAbs', long: 'monoclonal antibodies' },
    ]);
  });

  it('reports malformed lines by number on stderr, processes the good ones, then exits 1', async () => {
    const { code, out, err } = await run(
      ['abbreviations', '--jsonl'],
      [
        '{"id": "a", "text": "overall survival (OS)"}',
        'not json',
        '["id", "text"]',
        '{"id": "b"}',
        '{"id": null, "text": "x"}',
        '{"id": "f", "text": "progression-free survival (PFS)"}',
      ],
    );
    expect(code).toBe(1);
    expect(out.map((l) => JSON.parse(l).short)).toEqual(['OS', 'PFS']);
    expect(err[0]).toMatch(/^line 2: not valid JSON/);
    expect(err[1]).toMatch(/^line 3: expected an object/);
    expect(err[2]).toMatch(/^line 4: "text" must be a string/);
    expect(err[3]).toMatch(/^line 5: "id" must be a string or a number/);
    expect(err[4]).toBe('4 malformed lines skipped.');
  });

  it('reads stdin through the npm script, with nothing but results on stdout', () => {
    const result = spawnSync('npm', ['run', '--silent', 'glossary', '--', 'abbreviations', '--jsonl'], {
      input: '{"id":"x","text":"tumor mutational burden (TMB)"}\n{oops\n',
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('{"id":"x","short":"TMB","long":"tumor mutational burden"}\n');
    expect(result.stderr).toMatch(/line 2: not valid JSON/);
    expect(result.status).toBe(1);
  }, 30_000);
});
