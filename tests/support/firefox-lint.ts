/**
 * Store check for Firefox: builds the Firefox MV3 package and runs Mozilla's linter on it
 * (`web-ext lint`, the same checks addons.mozilla.org runs on upload). Passes when there are
 * no errors and no warnings except the known one: Preact's own `innerHTML = props.__html`
 * (its dangerouslySetInnerHTML support, which Termlight never uses). That warning is
 * recognised by the code it points at, not by file name, so a new innerHTML anywhere else
 * (even in the same bundle) fails the check.
 *
 * CLI (prints a summary ending in `Firefox store check: passed` or `… FAILED`; exit code 1 on failure.
 * It prints no `N passed, …` line, so it never stands in for the test run's closing line in CI):
 *   tsx tests/support/firefox-lint.ts            build, then lint .output/firefox-mv3
 *   tsx tests/support/firefox-lint.ts --no-build lint what is already built
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths';

export const FIREFOX_DIR = resolve(ROOT, '.output', 'firefox-mv3');

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

export interface LintVerdict {
  ok: boolean;
  /** Problems that fail the check, one line each. */
  problems: string[];
  /** Known warnings, one line each. */
  known: string[];
}

/** Preact's dangerouslySetInnerHTML path, as minified: `e.innerHTML=d.__html`. */
const PREACT_INNER_HTML = /innerHTML\s*=\s*[\w$]+\.__html/;
/** How far from the reported column the known code may start (minifiers move columns a little). */
const WINDOW = 80;

const where = (m: LintMessage) => `${m.file ?? '?'}:${m.line ?? '?'}:${m.column ?? '?'}`;

/** True when `m` points at Preact's own innerHTML assignment in the built file. */
export function isKnownWarning(m: LintMessage, readFile: (file: string) => string | null): boolean {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line || !m.column) return false;
  const source = readFile(m.file);
  const line = source?.split(/\r?\n/)[m.line - 1];
  if (line === undefined) return false;
  const start = Math.max(0, m.column - 1 - WINDOW);
  return PREACT_INNER_HTML.test(line.slice(start, m.column - 1 + WINDOW));
}

export function judgeLint(report: LintReport, readFile: (file: string) => string | null): LintVerdict {
  const problems = report.errors.map((m) => `error ${m.code} at ${where(m)}: ${m.message}`);
  const known: string[] = [];
  for (const m of report.warnings) {
    if (isKnownWarning(m, readFile)) known.push(`known warning ${m.code} at ${where(m)} (Preact's innerHTML path)`);
    else problems.push(`warning ${m.code} at ${where(m)}: ${m.message}`);
  }
  for (const m of report.notices) problems.push(`notice ${m.code} at ${where(m)}: ${m.message}`);
  return { ok: problems.length === 0, problems, known };
}

function main(args: string[]): number {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (!args.includes('--no-build')) {
    execFileSync(npx, ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(resolve(FIREFOX_DIR, 'manifest.json'))) {
    console.error(`Not built: ${FIREFOX_DIR}/manifest.json is missing. Run "npm run build:firefox".`);
    console.log('Firefox store check: FAILED');
    return 1;
  }
  let output: string;
  try {
    output = execFileSync(npx, ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (e) {
    // web-ext exits non-zero when there are errors; its report is still on stdout.
    output = (e as { stdout?: string }).stdout ?? '';
  }
  let report: LintReport;
  try {
    report = JSON.parse(output.slice(output.indexOf('{'))) as LintReport;
  } catch {
    console.error(`web-ext lint gave no JSON report:\n${output}`);
    console.log('Firefox store check: FAILED');
    return 1;
  }
  const verdict = judgeLint(report, (file) => {
    const path = resolve(FIREFOX_DIR, file);
    return path.startsWith(FIREFOX_DIR) && existsSync(path) ? readFileSync(path, 'utf8') : null;
  });
  const { errors, warnings, notices } = report.summary;
  console.log(`web-ext lint ${FIREFOX_DIR}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const line of verdict.known) console.log(`  ok   ${line}`);
  for (const line of verdict.problems) console.log(`  FAIL ${line}`);
  console.log(verdict.ok ? 'Firefox store check: passed' : 'Firefox store check: FAILED');
  return verdict.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
