import { describe, expect, test } from 'vitest';
import { countPlaywright, countVitest, formatCounts, parseCheck, summarize, type RunnerInput } from '../../support/summarize';

// Shapes copied from real reports (vitest 4.1.12 --reporter=json, @playwright/test 1.65.1 json reporter),
// trimmed to the fields summarize reads.

/** pass, fail, skip, todo, ctx.skip(), test.fails, a test in describe.skip; plus a file that fails to load. */
const vitestMixed = {
  numTotalTestSuites: 4,
  numPassedTestSuites: 2,
  numFailedTestSuites: 2,
  numPendingTestSuites: 0,
  numTotalTests: 9,
  numPassedTests: 4,
  numFailedTests: 1,
  numPendingTests: 3,
  numTodoTests: 1,
  success: false,
  testResults: [
    {
      name: '/repo/tests/unit/a.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { title: 'pass', fullName: 'pass', status: 'passed' },
        { title: 'fail', fullName: 'fail', status: 'failed' },
        { title: 'skip', fullName: 'skip', status: 'skipped' },
        { title: 'todo', fullName: 'todo', status: 'todo' },
        { title: 'ctx skip', fullName: 'ctx skip', status: 'skipped' },
        { title: 'expected fail', fullName: 'expected fail', status: 'passed' },
        { title: 'in skipped', fullName: 'sk in skipped', status: 'skipped' },
      ],
    },
    { name: '/repo/tests/unit/b.test.ts', status: 'failed', message: 'load error', assertionResults: [] },
    {
      name: '/repo/tests/unit/c.test.ts',
      status: 'passed',
      message: '',
      assertionResults: [
        { title: 'x', fullName: 'x', status: 'passed' },
        { title: 'y', fullName: 'y', status: 'passed' },
      ],
    },
  ],
};

const vitestGreen = {
  numPassedTests: 12,
  numFailedTests: 0,
  numPendingTests: 1,
  numTodoTests: 2,
  success: true,
  testResults: [{ name: '/repo/tests/unit/ok.test.ts', status: 'passed', message: '', assertionResults: [] }],
};

/** pass, fail (retried), test.skip, test.fixme, conditional skip, flaky, test.fail, test.fail that passed. */
const playwrightMixed = {
  config: {},
  suites: [
    {
      title: 'a.spec.ts',
      file: 'a.spec.ts',
      specs: [
        { title: 'pass', tests: [{ status: 'expected', expectedStatus: 'passed', results: [{ status: 'passed' }] }] },
        {
          title: 'fail',
          tests: [{ status: 'unexpected', expectedStatus: 'passed', results: [{ status: 'failed' }, { status: 'failed' }] }],
        },
        { title: 'skip', tests: [{ status: 'skipped', expectedStatus: 'skipped', results: [{ status: 'skipped' }] }] },
        { title: 'fixme', tests: [{ status: 'skipped', expectedStatus: 'skipped', results: [{ status: 'skipped' }] }] },
        { title: 'cond skip', tests: [{ status: 'skipped', expectedStatus: 'skipped', results: [{ status: 'skipped' }] }] },
        { title: 'flaky', tests: [{ status: 'flaky', expectedStatus: 'passed', results: [{ status: 'failed' }, { status: 'passed' }] }] },
        { title: 'expected fail', tests: [{ status: 'expected', expectedStatus: 'failed', results: [{ status: 'failed' }] }] },
      ],
      suites: [
        {
          title: 'group',
          specs: [
            {
              title: 'expected fail but passes',
              tests: [{ status: 'unexpected', expectedStatus: 'failed', results: [{ status: 'passed' }, { status: 'passed' }] }],
            },
          ],
        },
      ],
    },
  ],
  errors: [],
  stats: { startTime: '2026-01-01T00:00:00.000Z', duration: 6219, expected: 2, skipped: 3, unexpected: 2, flaky: 1 },
};

/** A spec file that throws at load time: no test runs, the error is top-level. */
const playwrightLoadError = {
  config: {},
  suites: [],
  errors: [{ message: 'Error: load error\n\n   at b.spec.ts:2', stack: '…' }],
  stats: { startTime: '2026-01-01T00:00:00.000Z', duration: 72, expected: 0, skipped: 0, unexpected: 0, flaky: 0 },
};

const playwrightGreen = {
  suites: [],
  errors: [],
  stats: { startTime: '2026-01-01T00:00:00.000Z', duration: 5000, expected: 5, skipped: 1, unexpected: 0, flaky: 0 },
};

describe('countVitest', () => {
  test('counts passed, failed, skipped and todo, and a file that did not load as a failure', () => {
    const r = countVitest(vitestMixed);
    expect({ passed: r.passed, failed: r.failed, skipped: r.skipped }).toEqual({ passed: 4, failed: 2, skipped: 4 });
    expect(r.failures).toEqual(['/repo/tests/unit/a.test.ts > fail']);
    expect(r.problems).toEqual(['/repo/tests/unit/b.test.ts: load error']);
  });

  test('a green run', () => {
    expect(countVitest(vitestGreen)).toMatchObject({ passed: 12, failed: 0, skipped: 3, problems: [] });
  });

  test('success:false with no failed test counts one failure (unhandled error)', () => {
    const r = countVitest({ ...vitestGreen, success: false });
    expect(r.failed).toBe(1);
    expect(r.problems[0]).toMatch(/unhandled/);
  });

  test('rejects reports without the counts', () => {
    expect(() => countVitest({})).toThrow(/numPassedTests/);
    expect(() => countVitest(null)).toThrow(/not a JSON object/);
    expect(() => countVitest({ ...vitestGreen, testResults: undefined })).toThrow(/testResults/);
    expect(() => countVitest(playwrightGreen)).toThrow();
  });
});

describe('countPlaywright', () => {
  test('expected + flaky pass, unexpected fail, skipped skip', () => {
    const r = countPlaywright(playwrightMixed);
    expect({ passed: r.passed, failed: r.failed, skipped: r.skipped }).toEqual({ passed: 3, failed: 2, skipped: 3 });
    expect(r.failures).toEqual(['a.spec.ts > fail', 'a.spec.ts > group > expected fail but passes']);
    expect(r.problems).toEqual([]);
  });

  test('a top-level error (spec failed to load) counts as a failure', () => {
    const r = countPlaywright(playwrightLoadError);
    expect({ passed: r.passed, failed: r.failed, skipped: r.skipped }).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(r.problems).toEqual(['Error: load error']);
  });

  test('rejects reports without stats', () => {
    expect(() => countPlaywright({ suites: [] })).toThrow(/stats/);
    expect(() => countPlaywright({ stats: { expected: 1 } })).toThrow(/expected a count/);
    expect(() => countPlaywright(vitestGreen)).toThrow();
  });
});

describe('summarize', () => {
  const unit = (report: unknown, extra: Partial<RunnerInput> = {}): RunnerInput => ({
    label: 'unit (vitest)',
    kind: 'vitest',
    report,
    ...extra,
  });
  const e2e = (report: unknown, extra: Partial<RunnerInput> = {}): RunnerInput => ({
    label: 'e2e (playwright)',
    kind: 'playwright',
    report,
    ...extra,
  });

  test('sums both runners and ends with the summary line', () => {
    const s = summarize([unit(vitestGreen, { exitCode: 0 }), e2e(playwrightGreen, { exitCode: 0 })], 0);
    expect(s.ok).toBe(true);
    expect(s.lines.at(-1)).toBe('17 passed, 0 failed, 4 skipped');
    expect(s.lines).toContain('unit (vitest): 12 passed, 0 failed, 3 skipped');
    expect(s.lines).toContain('e2e (playwright): 5 passed, 0 failed, 1 skipped');
  });

  test('failures from both runners add up', () => {
    const s = summarize([unit(vitestMixed, { exitCode: 1 }), e2e(playwrightMixed, { exitCode: 1 })]);
    expect(s.ok).toBe(false);
    expect(s.lines.at(-1)).toBe('7 passed, 4 failed, 7 skipped');
    expect(s.lines).toContain('  FAILED a.spec.ts > fail');
  });

  test('a missing or unreadable report is one failure', () => {
    const s = summarize([unit(undefined, { readError: 'report missing (x.json)' }), e2e(playwrightGreen)]);
    expect(s.ok).toBe(false);
    expect(s.lines.at(-1)).toBe('5 passed, 1 failed, 1 skipped');
    expect(s.lines.join('\n')).toMatch(/report missing \(x\.json\)/);
    expect(summarize([unit({ nonsense: true }), e2e(playwrightGreen)]).lines.at(-1)).toBe('5 passed, 1 failed, 1 skipped');
  });

  test('a runner exiting non-zero with no failed test is one failure', () => {
    const s = summarize([unit(vitestGreen, { exitCode: 0 }), e2e(playwrightGreen, { exitCode: 1 })]);
    expect(s.ok).toBe(false);
    expect(s.lines.at(-1)).toBe('17 passed, 1 failed, 4 skipped');
  });

  test('a non-zero exit is not counted twice when failures were reported', () => {
    const s = summarize([unit(vitestGreen, { exitCode: 0 }), e2e(playwrightLoadError, { exitCode: 1 })]);
    expect(s.lines.at(-1)).toBe('12 passed, 1 failed, 3 skipped');
  });

  test('a failed build is one failure and the skipped e2e run is not counted again', () => {
    const s = summarize(
      [unit(vitestGreen, { exitCode: 0 }), e2e(undefined, { readError: 'report missing', notRunReason: 'the build failed' })],
      1,
    );
    expect(s.ok).toBe(false);
    expect(s.lines).toContain('build: FAILED (exit code 1)');
    expect(s.lines).toContain('e2e (playwright): not run (the build failed)');
    expect(s.lines.at(-1)).toBe('12 passed, 1 failed, 3 skipped');
  });

  test('only the last line has the summary form', () => {
    const s = summarize([unit(vitestMixed), e2e(playwrightMixed)]);
    const pattern = /^\d+ passed, \d+ failed, \d+ skipped$/;
    expect(s.lines.filter((l) => pattern.test(l))).toEqual([s.lines.at(-1)]);
  });

  test('formatCounts', () => {
    expect(formatCounts({ passed: 1, failed: 0, skipped: 2 })).toBe('1 passed, 0 failed, 2 skipped');
  });
});

describe('whole-program checks', () => {
  test('counts each check as one test and fails the run on a non-zero exit', async () => {
        const vitest = { numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [] };
    const ok = summarize([{ label: 'u', kind: 'vitest', report: vitest, exitCode: 0 }], 0, [parseCheck('eval=0')]);
    expect(ok.lines.at(-1)).toBe('3 passed, 0 failed, 0 skipped');
    expect(ok.ok).toBe(true);
    const bad = summarize([{ label: 'u', kind: 'vitest', report: vitest, exitCode: 0 }], 0, [parseCheck('eval:fp=1')]);
    expect(bad.lines.at(-1)).toBe('2 passed, 1 failed, 0 skipped');
    expect(bad.ok).toBe(false);
    expect(() => parseCheck('nonsense')).toThrow(/name=exitcode/);
  });
});
