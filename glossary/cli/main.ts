/**
 * The glossary maintainers' command-line tool.
 *
 *   npm run --silent glossary -- scan FILE      one JSON match per line (FILE: .txt, .md, .html)
 *   npm run --silent glossary -- check [--all]  validate the glossary; counts and reading grades per category
 *   npm run --silent glossary -- build          regenerate glossary/generated/*.json
 *   npm run --silent glossary -- abbreviations FILE      abbreviations FILE defines, as JSON lines
 *   npm run --silent glossary -- abbreviations --jsonl   the same for {"id","text"} lines on stdin
 *
 * Only results go to stdout; messages go to stderr, errors exit non-zero.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
// Commands are loaded when run: `build` must not load the others, which read glossary/generated/
// (it is what writes that folder, on a fresh clone too).
const commands = () => import('./commands');

const USAGE = `Usage: npm run --silent glossary -- <command>

Commands:
  scan FILE   Print each glossary term found in FILE (.txt, .md or .html) as one JSON line:
              {"start","end","text","id","term","fuzzy"}; start/end are UTF-16 offsets into the text,
              fuzzy is true when a spelling correction found it.
  check       Validate the glossary; print entries and reading grades per category (--all: every grade).
  build       Regenerate glossary/generated/glossary.json, match.json, match-trie.json,
              start-filter.json and fuzzy-exclusions.json.
  abbreviations FILE
              Print each abbreviation FILE (.txt, .md or .html) defines, e.g. "tumor mutational
              burden (TMB)", as one JSON line: {"short","long","start","end"}; start/end are UTF-16
              offsets of the whole definition in the text, as for scan.
  abbreviations --jsonl
              Read JSON lines {"id","text"} on stdin; print {"id","short","long"} per abbreviation
              defined. Malformed lines are reported on stderr with their line number and skipped;
              all good lines are still processed, then the exit code is 1.
  help        Show this message.`;

/** Standard input, line by line (only opened when a command reads it). */
async function* stdinLines(): AsyncIterable<string> {
  yield* createInterface({ input: process.stdin, crlfDelay: Infinity });
}

export async function main(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
  input: () => AsyncIterable<string> = stdinLines,
): Promise<number> {
  const [command, ...args] = argv;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    switch (command) {
      case 'scan': {
        if (args.length !== 1) {
          err('scan needs exactly one FILE (.txt, .md or .html).\n\n' + USAGE);
          return 2;
        }
        for (const match of await (await commands()).scanFile(args[0]!, (path) => readFileSync(path, 'utf8'))) out(JSON.stringify(match));
        return 0;
      }
      case 'abbreviations': {
        if (args.length === 1 && args[0] === '--jsonl') return await (await commands()).abbreviationsJsonl(input(), out, err);
        if (args.length !== 1 || args[0]!.startsWith('--')) {
          err('abbreviations needs exactly one FILE (.txt, .md or .html), or --jsonl to read stdin.\n\n' + USAGE);
          return 2;
        }
        for (const found of await (await commands()).abbreviationsFile(args[0]!, (path) => readFileSync(path, 'utf8'))) out(JSON.stringify(found));
        return 0;
      }
      case 'check':
        return (await commands()).checkGlossary(root, out, err, args.includes('--all')) ? 0 : 1;
      case 'build':
        (await import('./build-command')).buildAll(root, err);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return 0;
      case undefined:
        err('No command given.\n\n' + USAGE);
        return 2;
      default:
        err(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    err(`glossary ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(
    process.argv.slice(2),
    (line) => process.stdout.write(line + '\n'),
    (line) => process.stderr.write(line + '\n'),
  ).then((code) => {
    process.exitCode = code;
  });
}
