/**
 * Which Chromium the end-to-end tests, benches and demos use, and how to get one when there is none:
 * pure decisions over a description of the machine (tests/support/chromium/machine.ts reads the real
 * one; tests/support/chromium/ensure.ts acts on the plan). One implementation for `npm test`, `.ci/run`,
 * Playwright's fixtures and every script that launches Chromium.
 *
 * Order: an explicit path (CHROMIUM_PATH), Playwright's own Chromium (Chrome for Testing, from
 * `npx playwright install chromium`), then a system Chromium. Branded Google Chrome is never used: since
 * Chrome 137 it ignores --load-extension, so the extension would silently not load; it is only named in
 * the message when it is all there is.
 */
import { join, posix } from 'node:path';

export interface Machine {
  /** CHROMIUM_PATH, when set and not empty. */
  explicitPath?: string;
  /** Where Playwright's own Chromium is or would be (`chromium.executablePath()`), null if unknown. */
  playwrightPath: string | null;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** The directories of PATH, in order. */
  pathDirs: readonly string[];
  /** Home directory (for ~/Applications on macOS). */
  home: string;
  /** True when an executable file is at `path`. */
  isExecutable(path: string): boolean;
}

export type Source = 'CHROMIUM_PATH' | 'playwright' | 'system';

export type Located =
  | { found: true; path: string; source: Source }
  /** CHROMIUM_PATH names a file that is not there: an explicit choice is never second-guessed. */
  | { found: false; badExplicitPath: string }
  /** Nothing usable; `brandedChrome` lists Google Chrome installs that cannot load the extension. */
  | { found: false; brandedChrome: string[] };

/** Chromium builds a system may have, searched on PATH (Linux, BSD) or at fixed app paths (macOS). */
const SYSTEM_NAMES = ['chromium', 'chromium-browser'];
const BRANDED_NAMES = ['google-chrome', 'google-chrome-stable'];
const MAC_CHROMIUM = 'Applications/Chromium.app/Contents/MacOS/Chromium';
const MAC_CHROME = 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

function onPath(machine: Machine, names: readonly string[]): string[] {
  // Joined with '/' (PATH entries are POSIX paths on every platform this searches).
  return names.flatMap((name) => machine.pathDirs.map((dir) => posix.join(dir, name)));
}

function macApps(machine: Machine, app: string): string[] {
  return [`/${app}`, join(machine.home, app)];
}

/** Every place a usable system Chromium may be, in order. */
export function systemCandidates(machine: Machine): string[] {
  if (machine.platform === 'darwin') return macApps(machine, MAC_CHROMIUM);
  if (machine.platform === 'win32') return [];
  return onPath(machine, SYSTEM_NAMES);
}

function brandedCandidates(machine: Machine): string[] {
  if (machine.platform === 'darwin') return macApps(machine, MAC_CHROME);
  if (machine.platform === 'win32') return [];
  return onPath(machine, BRANDED_NAMES);
}

export function locateChromium(machine: Machine): Located {
  if (machine.explicitPath) {
    return machine.isExecutable(machine.explicitPath)
      ? { found: true, path: machine.explicitPath, source: 'CHROMIUM_PATH' }
      : { found: false, badExplicitPath: machine.explicitPath };
  }
  if (machine.playwrightPath && machine.isExecutable(machine.playwrightPath)) {
    return { found: true, path: machine.playwrightPath, source: 'playwright' };
  }
  const system = systemCandidates(machine).find((p) => machine.isExecutable(p));
  if (system) return { found: true, path: system, source: 'system' };
  return { found: false, brandedChrome: brandedCandidates(machine).filter((p) => machine.isExecutable(p)) };
}

export function hasApt(machine: Machine): boolean {
  return machine.platform === 'linux' && onPath(machine, ['apt-get']).some((p) => machine.isExecutable(p));
}

/** One command of a provisioning route. */
export interface Command {
  argv: string[];
  /**
   * For downloads: give up unless a progress line ("…% of … MiB") shows within this many seconds, so a
   * machine that cannot download finds out in seconds while a slow download on a laptop still finishes.
   */
  progressWithinSeconds?: number;
}

/** A way to get Chromium: its commands run in order; it worked when all exit 0 and a Chromium is found. */
export interface Route {
  name: 'playwright' | 'apt';
  commands: Command[];
}

export const APT_PACKAGES = ['chromium', 'fonts-liberation'];
const APT_INSTALL = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES];
/** Playwright reaches its first progress line in a few seconds where downloads work. */
export const DOWNLOAD_START_SECONDS = 20;

/**
 * What to try when no Chromium is found, in order: Playwright's installer (where downloads work; on a
 * root Debian machine also the libraries its Chromium needs, from apt), then Debian's package (root and
 * apt only). An unusable CHROMIUM_PATH gets no route: the person who set it has to fix it.
 */
export function provisionRoutes(machine: Machine, located: Located, downloadStartSeconds = DOWNLOAD_START_SECONDS): Route[] {
  if (located.found || 'badExplicitPath' in located) return [];
  const rootApt = machine.isRoot && hasApt(machine);
  const routes: Route[] = [
    {
      name: 'playwright',
      commands: [
        { argv: ['npx', 'playwright', 'install', 'chromium'], progressWithinSeconds: downloadStartSeconds },
        ...(rootApt ? [{ argv: ['npx', 'playwright', 'install-deps', 'chromium'] }] : []),
      ],
    },
  ];
  if (rootApt) {
    routes.push({ name: 'apt', commands: [{ argv: ['apt-get', 'update', '-qq'] }, { argv: APT_INSTALL }] });
  }
  return routes;
}

/** The one line that says exactly what to install (or fix), for when no route gave a Chromium. */
export function missingChromiumLine(machine: Machine, located: Located): string {
  if (!located.found && 'badExplicitPath' in located) {
    return `CHROMIUM_PATH is set to ${located.badExplicitPath}, which is not an executable file: point it at a Chromium binary, or unset it to let the tests find or install one.`;
  }
  const branded =
    !located.found && 'brandedChrome' in located && located.brandedChrome.length > 0
      ? ` (Google Chrome at ${located.brandedChrome[0]} cannot load an unpacked extension from the command line since Chrome 137.)`
      : '';
  const explicit = 'or set CHROMIUM_PATH to a Chromium binary';
  let install: string;
  if (hasApt(machine)) {
    const sudo = machine.isRoot ? '' : 'sudo ';
    install = `install it with \`${sudo}apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}\`, or run \`npx playwright install chromium\` where downloads work, ${explicit}`;
  } else if (machine.platform === 'darwin') {
    install = `run \`npx playwright install chromium\` on a network that allows the download, or \`brew install --cask chromium\`, ${explicit}`;
  } else {
    install = `run \`npx playwright install chromium\` on a network that allows the download, or install Chromium with your system's package manager, ${explicit}`;
  }
  return `No Chromium for the end-to-end tests: ${install}.${branded}`;
}
