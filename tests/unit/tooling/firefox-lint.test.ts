import { describe, expect, it } from 'vitest';
import { judgeLint, type LintMessage, type LintReport } from '../../support/firefox-lint';

const PREACT = 'for(u in y)m=y[u];d?(s||f&&(d.__html==f.__html||d.__html==e.innerHTML)||(e.innerHTML=d.__html),t.__k=[]):0';
const OURS = 'function show(x){el.innerHTML=x.text}';
const files: Record<string, string> = { 'chunks/a.js': `// header\n${PREACT}`, 'content.js': OURS };
const read = (file: string) => files[file] ?? null;

const warning = (file: string, line: number, source: string, marker: string): LintMessage => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file,
  line,
  column: source.lastIndexOf(marker) + 1,
});

const report = (parts: Partial<LintReport>): LintReport => {
  const r = { errors: [], warnings: [], notices: [], ...parts };
  return { ...r, summary: { errors: r.errors.length, warnings: r.warnings.length, notices: r.notices.length } };
};

describe('judging web-ext lint', () => {
  it("passes Preact's own innerHTML assignment, found by the code it points at", () => {
    const verdict = judgeLint(report({ warnings: [warning('chunks/a.js', 2, PREACT, 'e.innerHTML=d')] }), read);
    expect(verdict).toEqual({ ok: true, problems: [], known: [expect.stringContaining('chunks/a.js:2:')] });
  });

  it('fails any other innerHTML, errors and notices', () => {
    const verdict = judgeLint(
      report({
        errors: [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' }],
        warnings: [warning('content.js', 1, OURS, 'el.innerHTML'), warning('chunks/a.js', 1, '// header', 'header')],
        notices: [{ code: 'SOMETHING', message: 'note' }],
      }),
      read,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      'error MANIFEST_FIELD_INVALID at manifest.json:?:?: bad',
      expect.stringMatching(/^warning UNSAFE_VAR_ASSIGNMENT at content\.js:1:/),
      expect.stringMatching(/^warning UNSAFE_VAR_ASSIGNMENT at chunks\/a\.js:1:/),
      'notice SOMETHING at ?:?:?: note',
    ]);
  });
});
