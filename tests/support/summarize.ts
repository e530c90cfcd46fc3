/**
 * Sums the Vitest and Playwright JSON reports into the one line CI recognises:
 *
 *   N passed, N failed, N skipped
 *
 * printed alone as the last line. Exits non-zero if anything failed, a report is missing or unreadable, the
 * build failed, or a runner exited non-zero. Problems outside any test (a file that fails to load, an
 * unhandled error, a missing report, a runner that crashed) each count as one failure, so the line never
 * says "0 failed" for a failing run.
 *
 * CLI (see tests/run-all.sh):
 *   tsx tests/support/summarize.ts [--unit FILE] [--e2e FILE] [--build-exit N] [--unit-exit N] [--e2e-exit N]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface RunnerResult extends Counts {
  /** Titles of failed tests. */
  failures: string[];
  /** Failures outside any test; each is already counted in `failed`. */
  problems: string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function count(obj: Json, key: string, what: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Error(`${what}: "${key}" is ${JSON.stringify(v)}, expected a count`);
  }
  return v;
}

/**
 * Counts from a Vitest 4 `--reporter=json` report.
 * passed = numPassedTests (includes `test.fails` that failed as expected), failed = numFailedTests,
 * skipped = numPendingTests + numTodoTests. A test file that failed without a failed test (it did not load)
 * adds one failure; `success: false` with nothing else failed (an unhandled error) adds one.
 */
export function countVitest(report: unknown): RunnerResult {
  if (!isObject(report)) throw new Error('vitest report: not a JSON object');
  const what = 'vitest report';
  const passed = count(report, 'numPassedTests', what);
  let failed = count(report, 'numFailedTests', what);
  const skipped = count(report, 'numPendingTests', what) + count(report, 'numTodoTests', what);
  const files = report.testResults;
  if (!Array.isArray(files)) throw new Error(`${what}: "testResults" is not an array`);

  const failures: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!isObject(file)) continue;
    const name = typeof file.name === 'string' ? file.name : '(unknown file)';
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults.filter(isObject) : [];
    const failedHere = assertions.filter((a) => a.status === 'failed');
    for (const a of failedHere) {
      failures.push(`${shortPath(name)} > ${typeof a.fullName === 'string' ? a.fullName : String(a.title)}`);
    }
    if (file.status === 'failed' && failedHere.length === 0) {
      const message = typeof file.message === 'string' && file.message ? firstLine(file.message) : 'failed outside any test';
      problems.push(`${shortPath(name)}: ${message}`);
    }
  }
  failed += problems.length;
  if (report.success === false && failed === 0) {
    problems.push('vitest reported failure with no failed test (an unhandled error?)');
    failed += 1;
  }
  return { passed, failed, skipped, failures, problems };
}

/**
 * Counts from a Playwright 1.65 `json` reporter report.
 * passed = stats.expected + stats.flaky (flaky = passed on retry), failed = stats.unexpected,
 * skipped = stats.skipped. Each top-level error (a spec file that does not load, a config error, a global
 * setup failure; no tests run then) adds one failure.
 */
export function countPlaywright(report: unknown): RunnerResult {
  if (!isObject(report)) throw new Error('playwright report: not a JSON object');
  const stats = report.stats;
  if (!isObject(stats)) throw new Error('playwright report: no "stats" object');
  const what = 'playwright report stats';
  const passed = count(stats, 'expected', what) + count(stats, 'flaky', what);
  let failed = count(stats, 'unexpected', what);
  const skipped = count(stats, 'skipped', what);

  const failures: string[] = [];
  const walk = (suite: unknown, path: string[]) => {
    if (!isObject(suite)) return;
    const title = typeof suite.title === 'string' && suite.title ? [...path, suite.title] : path;
    for (const spec of Array.isArray(suite.specs) ? suite.specs : []) {
      if (!isObject(spec)) continue;
      for (const t of Array.isArray(spec.tests) ? spec.tests : []) {
        if (isObject(t) && t.status === 'unexpected') failures.push([...title, String(spec.title)].join(' > '));
      }
    }
    for (const child of Array.isArray(suite.suites) ? suite.suites : []) walk(child, title);
  };
  for (const suite of Array.isArray(report.suites) ? report.suites : []) walk(suite, []);

  const problems = (Array.isArray(report.errors) ? report.errors : []).map((e) =>
    isObject(e) && typeof e.message === 'string' ? firstLine(e.message) : 'error outside any test',
  );
  failed += problems.length;
  return { passed, failed, skipped, failures, problems };
}

export interface RunnerInput {
  /** Label printed for this runner, e.g. "unit (vitest)". */
  label: string;
  kind: 'vitest' | 'playwright';
  /** Parsed report, or undefined when it could not be read (see `readError`). */
  report?: unknown;
  readError?: string;
  /** The runner's exit code, when known. */
  exitCode?: number;
  /** Set when the runner was not run on purpose (e.g. the build failed); its missing report is not a second failure. */
  notRunReason?: string;
}

export interface Summary extends Counts {
  ok: boolean;
  /** Report lines; the last one is the summary line. */
  lines: string[];
}

export function formatCounts(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}

/** A command run as a check: `name=exitCode` on the command line. */
export interface CheckInput {
  name: string;
  exitCode: number;
}

/** Parses `--check name=code`. */
export function parseCheck(arg: string): CheckInput {
  const m = /^([\w:.-]+)=(-?\d+)$/.exec(arg);
  if (!m) throw new Error(`--check must look like name=exitcode, got ${JSON.stringify(arg)}`);
  return { name: m[1]!, exitCode: Number(m[2]) };
}

/** Combines runners (and the build's exit code) into the printed lines and the overall result. */
export function summarize(runners: RunnerInput[], buildExitCode?: number, checks: CheckInput[] = []): Summary {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  let ok = true;

  // Whole-program checks (e.g. the accuracy evals) count as one test each.
  for (const c of checks) {
    if (c.exitCode === 0) total.passed += 1;
    else {
      total.failed += 1;
      ok = false;
    }
    lines.push(`check ${c.name}: ${c.exitCode === 0 ? 'passed' : `FAILED (exit code ${c.exitCode})`}`);
  }

  if (buildExitCode !== undefined && buildExitCode !== 0) {
    lines.push(`build: FAILED (exit code ${buildExitCode})`);
    total.failed += 1;
    ok = false;
  }

  for (const r of runners) {
    let result: RunnerResult;
    if (r.notRunReason && r.report === undefined) {
      lines.push(`${r.label}: not run (${r.notRunReason})`);
      ok = false;
      continue;
    }
    try {
      if (r.report === undefined) throw new Error(r.readError ?? 'report missing');
      result = r.kind === 'vitest' ? countVitest(r.report) : countPlaywright(r.report);
    } catch (err) {
      result = { passed: 0, failed: 1, skipped: 0, failures: [], problems: [`no usable report: ${(err as Error).message}`] };
    }
    if (r.exitCode !== undefined && r.exitCode !== 0 && result.failed === 0) {
      result.problems.push(`exited with code ${r.exitCode} but reported no failure`);
      result.failed += 1;
    }
    if (result.failed > 0 || (r.exitCode !== undefined && r.exitCode !== 0)) ok = false;

    lines.push(`${r.label}: ${formatCounts(result)}`);
    for (const f of result.failures.slice(0, 30)) lines.push(`  FAILED ${f}`);
    if (result.failures.length > 30) lines.push(`  … and ${result.failures.length - 30} more`);
    for (const p of result.problems) lines.push(`  ERROR ${p}`);

    total.passed += result.passed;
    total.failed += result.failed;
    total.skipped += result.skipped;
  }
  if (total.failed > 0) ok = false;
  lines.push(formatCounts(total));
  return { ...total, ok, lines };
}

function firstLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const line = s.replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n')[0] ?? '';
  return line.length > 200 ? line.slice(0, 199) + '…' : line;
}

function shortPath(p: string): string {
  const cwd = process.cwd() + '/';
  return p.startsWith(cwd) ? p.slice(cwd.length) : p;
}

function readReport(file: string): { report?: unknown; readError?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { readError: `report missing (${file})` };
  }
  try {
    return { report: JSON.parse(text) };
  } catch (err) {
    return { readError: `report unreadable (${file}): ${(err as Error).message}` };
  }
}

function exitCodeArg(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got ${JSON.stringify(v)}`);
  return n;
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      unit: { type: 'string', default: 'tests/.reports/unit.json' },
      e2e: { type: 'string', default: 'tests/.reports/e2e.json' },
      'build-exit': { type: 'string' },
      'unit-exit': { type: 'string' },
      'e2e-exit': { type: 'string' },
      check: { type: 'string', multiple: true, default: [] },
    },
  });
  const buildExit = exitCodeArg(values['build-exit'], 'build-exit');
  const buildFailed = buildExit !== undefined && buildExit !== 0;
  const unit = readReport(values.unit!);
  const e2e = readReport(values.e2e!);
  const summary = summarize(
    [
      { label: 'unit (vitest)', kind: 'vitest', ...unit, exitCode: exitCodeArg(values['unit-exit'], 'unit-exit') },
      {
        label: 'e2e (playwright)',
        kind: 'playwright',
        ...e2e,
        exitCode: exitCodeArg(values['e2e-exit'], 'e2e-exit'),
        notRunReason: buildFailed ? 'the build failed' : undefined,
      },
    ],
    buildExit,
    (values.check ?? []).map(parseCheck),
  );
  console.log('');
  for (const line of summary.lines) console.log(line);
  return summary.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let code: number;
  try {
    code = main(process.argv.slice(2));
  } catch (err) {
    console.error(`summarize: ${(err as Error).message}`);
    console.log('0 passed, 1 failed, 0 skipped');
    code = 2;
  }
  process.exit(code);
}
