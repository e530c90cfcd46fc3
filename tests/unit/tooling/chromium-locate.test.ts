import { describe, expect, it } from 'vitest';
import {
  locateChromium,
  missingChromiumLine,
  provisionRoutes,
  type Machine,
} from '../../support/chromium/locate';

const PW = '/home/ann/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A Debian laptop with nothing installed; `files` are the executables present. */
function machine(files: string[], over: Partial<Machine> = {}): Machine {
  const present = new Set(files);
  return {
    playwrightPath: PW,
    platform: 'linux',
    isRoot: false,
    pathDirs: ['/usr/local/bin', '/usr/bin', '/bin'],
    home: '/home/ann',
    isExecutable: (p) => present.has(p),
    ...over,
  };
}

const argvs = (m: Machine) => provisionRoutes(m, locateChromium(m)).map((r) => [r.name, r.commands.map((c) => c.argv.join(' '))]);

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, before Playwright’s and the system’s', () => {
    const m = machine(['/opt/c/chrome', PW, '/usr/bin/chromium'], { explicitPath: '/opt/c/chrome' });
    expect(locateChromium(m)).toEqual({ found: true, path: '/opt/c/chrome', source: 'CHROMIUM_PATH' });
  });

  it('never falls back when CHROMIUM_PATH names nothing, and says so', () => {
    const m = machine([PW, '/usr/bin/chromium'], { explicitPath: '/opt/typo/chrome' });
    const located = locateChromium(m);
    expect(located).toEqual({ found: false, badExplicitPath: '/opt/typo/chrome' });
    expect(provisionRoutes(m, located)).toEqual([]);
    expect(missingChromiumLine(m, located)).toMatch(/^CHROMIUM_PATH is set to \/opt\/typo\/chrome, which is not an executable file/);
  });

  it('prefers Playwright’s own Chromium to the system’s', () => {
    expect(locateChromium(machine([PW, '/usr/bin/chromium']))).toEqual({ found: true, path: PW, source: 'playwright' });
  });

  it('finds a system Chromium on PATH as the shell would: `chromium` first, then `chromium-browser`', () => {
    expect(locateChromium(machine(['/usr/bin/chromium']))).toMatchObject({ path: '/usr/bin/chromium', source: 'system' });
    expect(locateChromium(machine(['/usr/bin/chromium-browser', '/bin/chromium']))).toMatchObject({ path: '/bin/chromium' });
    expect(locateChromium(machine(['/usr/bin/chromium-browser']))).toMatchObject({ path: '/usr/bin/chromium-browser' });
    expect(locateChromium(machine(['/snap/bin/chromium'], { pathDirs: ['/usr/bin', '/snap/bin'] }))).toMatchObject({
      path: '/snap/bin/chromium',
    });
  });

  it('finds Chromium.app on macOS, system-wide or in the home folder', () => {
    const mac = { platform: 'darwin' as const, home: '/Users/ann' };
    expect(locateChromium(machine(['/Applications/Chromium.app/Contents/MacOS/Chromium'], mac))).toMatchObject({ source: 'system' });
    expect(locateChromium(machine(['/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium'], mac))).toMatchObject({
      path: '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium',
    });
  });

  it('does not use branded Google Chrome (it ignores --load-extension), but names it in the message', () => {
    const m = machine(['/usr/bin/google-chrome']);
    const located = locateChromium(m);
    expect(located).toEqual({ found: false, brandedChrome: ['/usr/bin/google-chrome'] });
    expect(missingChromiumLine(m, located)).toContain('Google Chrome at /usr/bin/google-chrome cannot load an unpacked extension');
    const mac = machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { platform: 'darwin' });
    expect(locateChromium(mac)).toMatchObject({ found: false, brandedChrome: [expect.stringContaining('Google Chrome.app')] });
  });

  it('needs an executable, not a name Playwright merely knows', () => {
    expect(locateChromium(machine([], { playwrightPath: null }))).toEqual({ found: false, brandedChrome: [] });
  });
});

describe('getting Chromium when there is none', () => {
  it('finds nothing to do when a Chromium is there', () => {
    expect(argvs(machine(['/usr/bin/chromium'], { isRoot: true }))).toEqual([]);
  });

  it('as root on Debian: Playwright’s download with its libraries from apt, then Debian’s package', () => {
    const m = machine(['/usr/bin/apt-get'], { isRoot: true });
    expect(argvs(m)).toEqual([
      ['playwright', ['npx playwright install chromium', 'npx playwright install-deps chromium']],
      [
        'apt',
        ['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends chromium fonts-liberation'],
      ],
    ]);
  });

  it('gives the download a start window, so a machine that cannot download finds out in seconds', () => {
    const m = machine(['/usr/bin/apt-get'], { isRoot: true });
    const [download] = provisionRoutes(m, locateChromium(m), 7);
    expect(download!.commands[0]).toEqual({ argv: ['npx', 'playwright', 'install', 'chromium'], progressWithinSeconds: 7 });
    expect(download!.commands[1]!.progressWithinSeconds).toBeUndefined();
  });

  it('without root (a laptop): only Playwright’s download; the line says to use sudo apt-get', () => {
    const m = machine(['/usr/bin/apt-get']);
    expect(argvs(m)).toEqual([['playwright', ['npx playwright install chromium']]]);
    expect(missingChromiumLine(m, locateChromium(m))).toBe(
      'No Chromium for the end-to-end tests: install it with `sudo apt-get install -y --no-install-recommends chromium fonts-liberation`, ' +
        'or run `npx playwright install chromium` where downloads work, or set CHROMIUM_PATH to a Chromium binary.',
    );
  });

  it('as root without apt (another Linux): only the download; the line names the package manager', () => {
    const m = machine([], { isRoot: true });
    expect(argvs(m)).toEqual([['playwright', ['npx playwright install chromium']]]);
    expect(missingChromiumLine(m, locateChromium(m))).toContain("install Chromium with your system's package manager");
  });

  it('on macOS: the download; the line offers Homebrew too', () => {
    const m = machine([], { platform: 'darwin', isRoot: true, pathDirs: ['/usr/bin', '/opt/homebrew/bin'] });
    expect(argvs(m)).toEqual([['playwright', ['npx playwright install chromium']]]);
    expect(missingChromiumLine(m, locateChromium(m))).toContain('`brew install --cask chromium`');
  });

  it('says it all in one line', () => {
    for (const m of [machine([]), machine(['/usr/bin/apt-get'], { isRoot: true }), machine([], { platform: 'darwin' })]) {
      expect(missingChromiumLine(m, locateChromium(m))).not.toContain('\n');
    }
  });
});
