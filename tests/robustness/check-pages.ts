/**
 * `npm run check:pages -- DIR [--fixtures] [--only A,B] [--verbose] [--jobs 2] [--storm-seconds 10]`: loads every .html page in DIR
 * (served from the local test server) twice without Termlight and once with it, and fails on anything
 * Termlight changes: the DOM beyond its own card host, element boxes, errors, requests that leave
 * the server. `--fixtures` also runs the hard fixture pages (tests/fixtures/) and the mutation storm;
 * `npm run check:pages -- --fixtures` runs only those. See tests/robustness/README.md.
 */
import { readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startServer } from '../support/server';
import { launchBrowsers } from './browsers';
import { FIXTURE_PAGES, runStorm } from './fixture-pages';
import { judge, type Verdict } from './judge';
import { formatVerdicts, summaryLine } from './report';
import { isLocalUrl, visit, type VisitOptions } from './visit';

interface Args {
  dir: string | null;
  fixtures: boolean;
  only: string | null;
  verbose: boolean;
  stormSeconds: number;
  /** Pages checked at the same time: most of a check is waiting (for idle time, for the scan). */
  jobs: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: null, fixtures: false, only: null, verbose: false, stormSeconds: 10, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--fixtures') args.fixtures = true;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--only') args.only = argv[++i] ?? null; // comma-separated parts of page names
    else if (a === '--storm-seconds') args.stormSeconds = Number(argv[++i]);
    else if (a === '--jobs') args.jobs = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.dir = a;
  }
  if (!args.dir && !args.fixtures) throw new Error('usage: npm run check:pages -- DIR [--fixtures] [--only A,B] [--verbose] [--jobs N] [--storm-seconds N]');
  if (!Number.isInteger(args.stormSeconds) || args.stormSeconds < 1) throw new Error('--storm-seconds must be a whole number ≥ 1');
  if (!Number.isInteger(args.jobs) || args.jobs < 1 || args.jobs > 8) throw new Error('--jobs must be a whole number 1..8');
  return args;
}

async function listPages(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`check:pages: ${dir} is not a folder of saved pages (it does not exist or is a file)`);
  const pages = (await readdir(dir)).filter((f) => /\.html?$/i.test(f)).sort();
  if (pages.length === 0) throw new Error(`check:pages: ${dir} has no .html files`);
  return pages;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const dir = args.dir ? resolve(args.dir) : null;
  const wanted = (name: string) => !args.only || args.only.split(',').some((part) => name.includes(part));
  const pages = dir ? (await listPages(dir)).filter(wanted) : [];
  const server = await startServer(0, { mounts: dir ? { '/real/': dir } : {} });
  const browsers = await launchBrowsers();
  const verdicts: Verdict[] = [];
  const check = async (name: string, url: string, extra: Partial<VisitOptions> = {}) => {
    const [a, t] = await Promise.all([
      visit(browsers.plainA, url, server.url, { termlight: false, ...extra }),
      visit(browsers.termlight, url, server.url, { termlight: true, ...extra }),
    ]);
    // Most pages match the first plain load exactly; only the others need a second one to tell the
    // page's own changes from Termlight's (this keeps 130 pages within a few minutes on two cores).
    let verdict = judge(name, a, a, t);
    let b = a;
    if (verdict.failures.length) {
      // A real fault repeats: load it once more with Termlight, and once more without, and blame
      // Termlight only if both of its loads fail against the two plain ones.
      let t2: typeof t;
      [b, t2] = await Promise.all([
        visit(browsers.plainB, url, server.url, { termlight: false, ...extra }),
        visit(browsers.termlight, url, server.url, { termlight: true, ...extra }),
      ]);
      verdict = judge(name, a, b, t);
      const again = judge(name, a, b, t2);
      if (verdict.failures.length && again.failures.length === 0) {
        verdict = { ...again, notes: [...again.notes, `a first Termlight load differed, a second did not (timing): ${verdict.failures[0]}`] };
      }
    }
    verdicts.push(verdict);
    const phases = args.verbose ? ` ${JSON.stringify({ a: a.phases, t: t.phases, b: b === a ? null : b.phases })}` : '';
    process.stderr.write(`${verdict.failures.length ? 'FAIL' : 'ok  '} ${name} (${(t.ms / 1000).toFixed(1)} s)${phases}\n`);
  };
  let stormOk = true;
  const fixtures = args.fixtures ? FIXTURE_PAGES.filter((f) => wanted(f.name)) : [];
  try {
    const queue = [...pages];
    const worker = async () => {
      for (let page = queue.shift(); page !== undefined; page = queue.shift()) await check(page, `${server.url}/real/${encodeURIComponent(page)}`);
    };
    await Promise.all(Array.from({ length: args.jobs }, worker));
    verdicts.sort((x, y) => x.name.localeCompare(y.name));
    if (args.fixtures) {
      for (const f of fixtures) {
        await check(f.name, server.url + f.path, { ready: f.ready, timeout: 60_000 });
      }
      if (wanted('mutation-storm')) {
        const storm = await runStorm(browsers, server.url, args.stormSeconds);
        console.log(storm.report);
        stormOk = storm.ok;
      }
    }
  } finally {
    const fromWorker = browsers.workerRequests.filter((u) => !isLocalUrl(u, server.url));
    if (fromWorker.length) {
      verdicts.push({ name: "Termlight's service worker", failures: fromWorker.map((u) => `request: ${u}`), notes: [], unstable: false, highlights: null, ms: 0 });
    }
    await browsers.close();
    await server.close();
  }
  const failures = formatVerdicts(verdicts, args.verbose);
  if (failures) console.log(failures);
  const label = [dir ? `${pages.length} pages in ${args.dir}` : '', args.fixtures ? `${fixtures.length} fixture pages` : ''].filter(Boolean).join(' + ');
  console.log(summaryLine(label, verdicts, (Date.now() - started) / 1000) + (args.fixtures ? `; mutation storm ${stormOk ? 'passed' : 'FAILED'}` : ''));
  return verdicts.some((v) => v.failures.length) || !stormOk ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
