/**
 * The provisioning runner on a made-up machine: PATH is a temp folder of fake `npx` and `apt-get`
 * scripts (which log their arguments and may "install" a fake chromium), Playwright's browser folder is
 * empty. Nothing is installed or removed on the real machine.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/paths';

const RUNNER = join(ROOT, 'tests/support/chromium/ensure.ts');
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let dir: string;
let bin: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'termlight-ensure-'));
  bin = join(dir, 'bin');
  spawnSync('/bin/mkdir', [bin, join(dir, 'browsers')]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake command: logs its arguments to calls.log, then runs `body` (sh). */
function fake(name: string, body: string) {
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${dir}/calls.log"\n${body}\n`);
  chmodSync(file, 0o755);
}

/** Shell lines that "install" a system Chromium into the fake PATH. */
const installChromium = () => `printf '#!/bin/sh\\n' > "${bin}/chromium"; /bin/chmod +x "${bin}/chromium"`;

function runEnsure(env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', RUNNER], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      HOME: dir,
      PATH: bin,
      PLAYWRIGHT_BROWSERS_PATH: join(dir, 'browsers'),
      TERMLIGHT_DOWNLOAD_START_SECONDS: '2',
      ...env,
    },
  });
  const lines = result.stdout.trim().split('\n');
  const calls = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
  return { status: result.status, lines, last: lines.at(-1), calls, stderr: result.stderr };
}

// Each run starts tsx and loads Playwright (seconds on a busy machine); the fakes sleep a little too.
describe('npm test’s Chromium step (tests/support/chromium/ensure.ts)', { timeout: 60_000 }, () => {
  it('fails at once on a CHROMIUM_PATH that is not there, with one line, trying no installer', () => {
    fake('npx', 'exit 1');
    const run = runEnsure({ CHROMIUM_PATH: join(dir, 'nope') });
    expect(run.status).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(/^CHROMIUM_PATH is set to .*nope, which is not an executable file/)]);
    expect(run.calls).toEqual([]);
  });

  it('finds a system Chromium on PATH without installing anything', () => {
    fake('chromium', 'exit 0');
    fake('npx', 'exit 1');
    expect(runEnsure()).toMatchObject({ status: 0, last: `Chromium: ${join(bin, 'chromium')} (system)`, calls: [] });
  });

  it.runIf(asRoot)('as root where downloads fail: tries Playwright’s download, then installs Debian’s package', () => {
    fake('npx', 'echo "Error: getaddrinfo ENOTFOUND cdn.playwright.dev" >&2; exit 1');
    fake('apt-get', `case "$1" in install) ${installChromium()};; esac`);
    const run = runEnsure();
    expect(run.calls).toEqual([
      'npx playwright install chromium',
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends chromium fonts-liberation',
    ]);
    expect(run).toMatchObject({ status: 0, last: `Chromium: ${join(bin, 'chromium')} (system)` });
    // The failed download is explained, with the installer's own words.
    expect(run.lines.join('\n')).toContain('ENOTFOUND cdn.playwright.dev');
  });

  it.runIf(asRoot)('gives up on a download that shows no progress in its start window', () => {
    fake('npx', 'exec /bin/sleep 30');
    fake('apt-get', `case "$1" in install) ${installChromium()};; esac`);
    const run = runEnsure();
    expect(run.lines.join('\n')).toContain('no download progress within 2 s');
    expect(run).toMatchObject({ status: 0, last: `Chromium: ${join(bin, 'chromium')} (system)` });
  });

  it.runIf(asRoot)('lets a download that has started finish, then adds its libraries; apt is not needed', () => {
    // Progress at once, done after the start window has passed.
    fake('npx', `case "$2" in install) echo "|          |   0% of 170.3 MiB"; /bin/sleep 3; ${installChromium()};; esac`);
    fake('apt-get', 'exit 1');
    const run = runEnsure();
    expect(run.calls).toEqual(['npx playwright install chromium', 'npx playwright install-deps chromium']);
    expect(run).toMatchObject({ status: 0, last: `Chromium: ${join(bin, 'chromium')} (system)` });
  });

  it('with no way to get one: ends with the one line saying what to install, exit code 1', () => {
    fake('npx', 'echo "Error: getaddrinfo ENOTFOUND cdn.playwright.dev" >&2; exit 1');
    const run = runEnsure();
    expect(run.status).toBe(1);
    expect(run.calls).toEqual(['npx playwright install chromium']);
    expect(run.last).toMatch(/^No Chromium for the end-to-end tests: run `npx playwright install chromium` .* or set CHROMIUM_PATH to a Chromium binary\.$/);
  });
});
