/**
 * `npm test`'s first step (and so `.ci/run`'s): make sure there is a Chromium for the end-to-end
 * tests. Finds one (tests/support/chromium/locate.ts: CHROMIUM_PATH, Playwright's, the system's), else
 * tries each provisioning route in turn (Playwright's download, then Debian's package as root), else
 * fails with one line saying exactly what to install.
 *
 * CLI: tsx tests/support/chromium/ensure.ts
 *   prints `Chromium: PATH (source)` and exits 0, or ends with the one line and exits 1.
 *   TERMLIGHT_DOWNLOAD_START_SECONDS: how long Playwright's download may take to show progress (default 20).
 * The installers' own output is shown only when they fail, so a working run stays short.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { locateChromium, missingChromiumLine, provisionRoutes, type Command } from './locate';
import { thisMachine } from './machine';

/** Download progress as Playwright prints it without a terminal: `|■■■   |  10% of 170.3 MiB`. */
const PROGRESS = /\d+% of [\d.]+ [KMG]i?B/;

interface Outcome {
  ok: boolean;
  output: string;
  why?: string;
}

function run(command: Command): Promise<Outcome> {
  const [file, ...args] = command.argv;
  const exe = process.platform === 'win32' && file === 'npx' ? 'npx.cmd' : file!;
  return new Promise((done) => {
    const child = spawn(exe, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let why: string | undefined;
    let started = command.progressWithinSeconds === undefined;
    const timer = started
      ? undefined
      : setTimeout(() => {
          why = `no download progress within ${command.progressWithinSeconds} s`;
          child.kill('SIGTERM');
        }, command.progressWithinSeconds! * 1000);
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (!started && PROGRESS.test(output)) {
        started = true;
        clearTimeout(timer);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ ok: false, output, why: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ok: code === 0 && !why, output, why: why ?? (code === 0 ? undefined : `exit code ${code}`) });
    });
  });
}

/** The last few lines of an installer's output, indented, for when it failed. */
function tail(output: string, lines = 6): string {
  return output
    .trim()
    .split(/\r?\n/)
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');
}

export async function ensureChromium(log: (line: string) => void = console.log): Promise<boolean> {
  let machine = thisMachine();
  let located = locateChromium(machine);
  const startSeconds = Number(process.env.TERMLIGHT_DOWNLOAD_START_SECONDS) || undefined;
  const routes = provisionRoutes(machine, located, startSeconds);
  for (const route of routes) {
    if (located.found) break;
    log(`Chromium: none found; trying ${route.commands.map((c) => `\`${c.argv.join(' ')}\``).join(', then ')}`);
    let failed: Outcome | undefined;
    for (const command of route.commands) {
      const outcome = await run(command);
      if (!outcome.ok) {
        failed = outcome;
        log(`  ${command.argv.join(' ')} failed (${outcome.why})`);
        if (outcome.output.trim()) log(tail(outcome.output));
        break;
      }
    }
    if (failed) continue;
    machine = thisMachine();
    located = locateChromium(machine);
  }
  if (located.found) {
    log(`Chromium: ${located.path} (${located.source === 'CHROMIUM_PATH' ? 'CHROMIUM_PATH' : located.source === 'playwright' ? "Playwright's" : 'system'})`);
    return true;
  }
  log(missingChromiumLine(machine, located));
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureChromium().then((ok) => process.exit(ok ? 0 : 1));
}
