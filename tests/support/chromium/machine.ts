/**
 * The real machine as tests/support/chromium/locate.ts sees it: CHROMIUM_PATH, Playwright's own
 * Chromium, PATH, the platform and whether we run as root. Tests of the runner change what it sees
 * through the environment only (PATH, PLAYWRIGHT_BROWSERS_PATH, CHROMIUM_PATH).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter } from 'node:path';
import { locateChromium, missingChromiumLine, type Machine } from './locate';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where Playwright keeps (or would keep) its Chromium. Loaded lazily: only the code that launches a
 * browser pays for loading Playwright, and a broken Playwright install reads as "none" here.
 */
function playwrightChromium(): string | null {
  try {
    const { chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test');
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  return {
    explicitPath: env.CHROMIUM_PATH || undefined,
    playwrightPath: playwrightChromium(),
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    pathDirs: (env.PATH ?? '').split(delimiter).filter(Boolean),
    home: homedir(),
    isExecutable,
  };
}

/** The Chromium to launch, or null (no provisioning: that is `npm test`'s first step, ensure.ts). */
export function findChromium(): string | null {
  const located = locateChromium(thisMachine());
  return located.found ? located.path : null;
}

/** The Chromium to launch; throws the one line saying what to install when there is none. */
export function requireChromium(): string {
  const machine = thisMachine();
  const located = locateChromium(machine);
  if (located.found) return located.path;
  const hint = 'brandedChrome' in located ? ' (`npm test` installs one where it can.)' : '';
  throw new Error(missingChromiumLine(machine, located) + hint);
}
