/**
 * Scores glossary/abbreviations/abbreviations.ts on the Ab3P MED1250 gold standard (Sohn et al. 2008),
 * next to Ab3P's own shipped output, so the published anchor is reproduced by the same scorer.
 *
 *   npm run eval:abbreviations -- DIR                 P/R/F on even PMIDs (tuning) and odd (report)
 *   npm run eval:abbreviations -- DIR --errors even   also list our misses and false hits (even only)
 *
 * DIR holds MED1250_labeled, MED1250_unlabeled and identify_abbr-out (never copied into the repo).
 * Scoring: per PMID, the set of exact "SF|LF" strings; micro-averaged precision and recall.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractAbbreviations } from '../../glossary/abbreviations/abbreviations';

const FILES = { labeled: 'MED1250_labeled', unlabeled: 'MED1250_unlabeled', ab3p: 'identify_abbr-out' } as const;

/** One abstract: its text lines (title, abstract) and the "SF|LF" pairs listed under it. */
interface CorpusRecord {
  pmid: string;
  lines: string[];
  pairs: Set<string>;
}

const PMID_LINE = /^\d+$/;
/** Gold and Ab3P pair lines start with exactly two spaces; Ab3P adds "|pseudo-precision". */
const PAIR_LINE = /^ {2}[^ /]/;

/**
 * Parses the shared block format: a PMID line after a blank line starts a record; the lines
 * after it are text, pair lines or "//" comments (ignored, including //* synonyms). A PMID
 * that occurs twice (two records in MED1250 are split in two) is merged into one record.
 */
export function parseCorpus(content: string, { pairFields }: { pairFields: 2 | 3 }): Map<string, CorpusRecord> {
  const records = new Map<string, CorpusRecord>();
  let current: CorpusRecord | undefined;
  let previousBlank = true;
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const blank = line.trim() === '';
    if (previousBlank && PMID_LINE.test(line)) {
      current = records.get(line) ?? { pmid: line, lines: [], pairs: new Set() };
      records.set(line, current);
    } else if (current && !blank && !line.startsWith('//')) {
      if (PAIR_LINE.test(line)) {
        const fields = line.slice(2).split('|');
        // An LF may itself contain "|" in theory; Ab3P's score is always the last field.
        const sf = fields[0]!.trim();
        const lf = (pairFields === 3 ? fields.slice(1, -1) : fields.slice(1)).join('|').trim();
        current.pairs.add(`${sf}|${lf}`);
      } else {
        current.lines.push(line);
      }
    }
    previousBlank = blank;
  }
  return records;
}

interface Score {
  tp: number;
  predicted: number;
  gold: number;
}

function addScore(score: Score, predicted: Set<string>, gold: Set<string>): void {
  score.predicted += predicted.size;
  score.gold += gold.size;
  for (const p of predicted) if (gold.has(p)) score.tp++;
}

function format(name: string, s: Score): string {
  const p = s.predicted ? s.tp / s.predicted : 0;
  const r = s.gold ? s.tp / s.gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `${name.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F ${f.toFixed(3)}   (TP ${s.tp}, predicted ${s.predicted}, gold ${s.gold})`;
}

function ourPairs(lines: string[]): Set<string> {
  const pairs = new Set<string>();
  // Title and abstract are separate lines; "\r" in MED1250 marks sentence ends.
  for (const d of extractAbbreviations(lines.join('\n'))) pairs.add(`${d.short}|${d.long}`);
  return pairs;
}

function fail(message: string): never {
  process.stderr.write(`eval:abbreviations: ${message}\n`);
  process.exit(2);
}

function readCorpusFile(dir: string, name: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) fail(`missing ${path}. DIR must hold ${Object.values(FILES).join(', ')}.`);
  return readFileSync(path, 'latin1');
}

function main(argv: string[]): void {
  const usage = 'Usage: npm run eval:abbreviations -- DIR [--errors even]';
  const errorsAt = argv.indexOf('--errors');
  let showErrors = false;
  if (errorsAt >= 0) {
    if (argv[errorsAt + 1] !== 'even') fail(`--errors only lists the even (tuning) split: use "--errors even".\n${usage}`);
    showErrors = true;
    argv.splice(errorsAt, 2);
  }
  const [dir, ...rest] = argv;
  if (!dir || rest.length) fail(`expected exactly one DIR.\n${usage}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`"${dir}" is not a folder.\n${usage}`);

  const gold = parseCorpus(readCorpusFile(dir, FILES.labeled), { pairFields: 2 });
  const input = parseCorpus(readCorpusFile(dir, FILES.unlabeled), { pairFields: 2 });
  const ab3p = parseCorpus(readCorpusFile(dir, FILES.ab3p), { pairFields: 3 });
  if (gold.size === 0 || input.size === 0) fail(`no records found in ${dir}: is it the MED1250 folder?`);

  const splits = { even: { ours: blank(), ab3p: blank() }, odd: { ours: blank(), ab3p: blank() } };
  const errors: string[] = [];
  let chars = 0;
  let ms = 0;
  for (const [pmid, record] of gold) {
    const lines = input.get(pmid)?.lines ?? record.lines;
    chars += lines.join('\n').length;
    const t0 = performance.now();
    const predicted = ourPairs(lines);
    ms += performance.now() - t0;
    const split = Number(pmid.at(-1)) % 2 === 0 ? 'even' : 'odd';
    addScore(splits[split].ours, predicted, record.pairs);
    addScore(splits[split].ab3p, ab3p.get(pmid)?.pairs ?? new Set(), record.pairs);
    if (showErrors && split === 'even') {
      const missed = [...record.pairs].filter((p) => !predicted.has(p));
      const wrong = [...predicted].filter((p) => !record.pairs.has(p));
      if (missed.length || wrong.length) {
        errors.push(`${pmid}\n${missed.map((p) => `  miss  ${p}`).concat(wrong.map((p) => `  false ${p}`)).join('\n')}`);
      }
    }
  }
  if (showErrors) process.stdout.write(`Even-PMID errors (${errors.length} records):\n${errors.join('\n')}\n\n`);
  process.stdout.write(
    [
      `MED1250 (${gold.size} records; ${(chars / 1e6).toFixed(2)} M chars extracted in ${ms.toFixed(0)} ms)`,
      format('even  ours', splits.even.ours),
      format('even  Ab3P (shipped)', splits.even.ab3p),
      format('odd   ours', splits.odd.ours),
      format('odd   Ab3P (shipped)', splits.odd.ab3p),
    ].join('\n') + '\n',
  );
}

function blank(): Score {
  return { tp: 0, predicted: 0, gold: 0 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
