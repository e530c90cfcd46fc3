/**
 * False highlights on ordinary web pages (news, blogs, Wikipedia: Mozilla Readability's test pages).
 *
 *   npm run eval:fp -- DIR           DIR = the corpora folder (holding real-pages/) or real-pages/ itself
 *   npm run eval:fp -- DIR --list    also print every highlight, judged or not
 *
 * Scans every .html page with the shipped `scanFile` (the visible text, as the content script sees
 * it), looks each highlight up in tests/eval/annotations/real-pages-judgements.json ("ok": the
 * entry's meaning; "false": another meaning), and reports false highlights per 100,000 words of
 * visible text. New, un-judged highlights are listed so that someone reviews them.
 * Exit code: 0 when every highlight is judged and the rate is within target, 1 otherwise,
 * 2 when the run itself is impossible (no DIR, unreadable judgements).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanFile } from '../../glossary/cli/commands';
import { matchEntry } from '../../glossary/match-data';
import { markedOnPage } from '../../glossary/health-page';
import { readCorpusText } from './corpus';
import { context, countWords, judgementKey, summariseFalsePositives, type PageHighlight, type Verdict } from './scoring';

/** At most this many false highlights per 100,000 words of visible text. */
export const TARGET_FALSE_PER_100K = 1;

/**
 * Everyday words ("bleeding", "fatigue") are not marked on pages: pointing at one still explains
 * it, but a page shows no highlight. Nor are words with an everyday meaning ("colon") and
 * spelling corrections on a page that has not shown it is about health (glossary/health-page.ts:
 * the same rule the content script applies). They are judged like the rest and reported apart;
 * the rate counts the highlights a reader sees.
 */
const markedKey = (h: { page: string; start: number; id: string }) => `${h.page}|${h.start}|${h.id}`;

const USAGE = `Usage: npm run eval:fp -- DIR [--list] [--judgements FILE] [--max RATE]
  DIR  the corpora folder that holds real-pages/ (e.g. /work/shared/corpora), or real-pages itself`;

const DEFAULT_JUDGEMENTS = fileURLToPath(new URL('./annotations/real-pages-judgements.json', import.meta.url));

interface JudgementsFile {
  judgements: Record<string, Verdict>;
  notes?: Record<string, string>;
}

function resolvePagesDir(dir: string | undefined): { dir: string } | { error: string } {
  if (!dir) return { error: `No corpus folder given.\n${USAGE}` };
  if (!existsSync(dir)) return { error: `Corpus folder "${dir}" does not exist.\n${USAGE}` };
  if (!statSync(dir).isDirectory()) return { error: `"${dir}" is not a folder.\n${USAGE}` };
  const nested = join(dir, 'real-pages');
  if (existsSync(nested) && statSync(nested).isDirectory()) return { dir: nested };
  return { dir };
}

export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const list = argv.includes('--list');
  const jIndex = argv.indexOf('--judgements');
  const judgementsPath = jIndex >= 0 ? argv[jIndex + 1] : DEFAULT_JUDGEMENTS;
  const positional = argv.filter(
    (a, i) => !a.startsWith('--') && !(jIndex >= 0 && i === jIndex + 1) && !(i > 0 && argv[i - 1] === '--max'),
  );
  const resolved = resolvePagesDir(positional[0]);
  if ('error' in resolved) {
    err(resolved.error);
    return 2;
  }
  let judged: JudgementsFile = { judgements: {} };
  if (judgementsPath && existsSync(judgementsPath)) {
    try {
      judged = JSON.parse(readFileSync(judgementsPath, 'utf8')) as JudgementsFile;
    } catch (e) {
      err(`Cannot read judgements "${judgementsPath}": ${(e as Error).message}`);
      return 2;
    }
  } else {
    err(`No judgements file at "${judgementsPath}": every highlight will be listed as un-judged.`);
  }
  const pages = readdirSync(resolved.dir).filter((f) => /\.html?$/i.test(f)).sort();
  if (pages.length === 0) {
    err(`No .html pages in "${resolved.dir}".\n${USAGE}`);
    return 2;
  }

  // happy-dom can reject a promise of its own while parsing (e.g. a <link rel="preload"> with a
  // relative URL). That must not end the run: it is recorded against the page being read.
  let current = '';
  const pageErrors: string[] = [];
  const onRejection = (e: unknown) => pageErrors.push(`${current}: ${e instanceof Error ? e.message : String(e)} (unhandled rejection inside the HTML reader)`);
  process.on('unhandledRejection', onRejection);

  const highlights: PageHighlight[] = [];
  const marked = new Set<string>();
  const isMarked = (h: PageHighlight) => marked.has(markedKey(h));
  const texts = new Map<string, string>();
  const perPage: { page: string; words: number; highlights: number }[] = [];
  let words = 0;
  try {
    for (const page of pages) {
      current = page;
      const path = join(resolved.dir, page);
      try {
        const { text } = await readCorpusText(path);
        const found = await scanFile(path, (p) => readFileSync(p, 'utf8'));
        const w = countWords(text);
        words += w;
        texts.set(page, text);
        perPage.push({ page, words: w, highlights: found.length });
        const shown = markedOnPage(found, matchEntry);
        found.forEach((m, i) => {
          const h = { page, start: m.start, end: m.end, text: m.text, id: m.id };
          highlights.push(h);
          if (shown[i]) marked.add(markedKey(h));
        });
      } catch (e) {
        pageErrors.push(`${page}: ${(e as Error).message} (page skipped)`);
      }
      // Let rejections raised while reading this page surface before moving on.
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    process.off('unhandledRejection', onRejection);
  }

  const summary = summariseFalsePositives(highlights, judged.judgements, words);
  const show = (h: PageHighlight) => `  ${h.page} ${h.start} "${h.text}" → ${h.id}\n      ${context(texts.get(h.page) ?? '', h)}`;

  out(`False highlights on ordinary pages (${perPage.length} of ${pages.length} pages read, ${resolved.dir})`);
  out('');
  out(`${'page'.padEnd(40)} ${'words'.padStart(8)} highlights`);
  for (const p of perPage.filter((p) => p.highlights > 0)) out(`${p.page.padEnd(40)} ${String(p.words).padStart(8)} ${String(p.highlights).padStart(10)}`);
  out(`(${perPage.filter((p) => p.highlights === 0).length} pages without highlights)`);
  out('');
  out(`words of visible text: ${words}; highlights: ${summary.highlights} (ok ${summary.ok.length}, false ${summary.falseHits.length}, un-judged ${summary.unjudged.length})`);
  const markedFalse = summary.falseHits.filter(isMarked);
  const falsePer100k = words === 0 ? 0 : (markedFalse.length / words) * 100_000;
  out(`not marked (everyday words, and everyday-meaning words or spelling corrections on pages not about health; explained on hover): ${summary.highlights - highlights.filter(isMarked).length} matches, ${summary.falseHits.length - markedFalse.length} of them judged false`);
  out(`false highlights per 100,000 words: ${falsePer100k.toFixed(2)} (target <= ${TARGET_FALSE_PER_100K}); counting unmarked everyday words too: ${summary.falsePer100k.toFixed(2)}`);
  if (summary.falseHits.length) {
    out('');
    out('FALSE HIGHLIGHTS (marked first; "not marked" ones are explained only when pointed at)');
    const falseHits = [...summary.falseHits].sort((a, b) => Number(isMarked(b)) - Number(isMarked(a)));
    for (const h of falseHits) {
      out(`${show(h)}${isMarked(h) ? '' : '\n      (not marked)'}`);
      const note = judged.notes?.[judgementKey(h.page, h.start, h.text, h.id)];
      if (note) out(`      why: ${note}`);
    }
  }
  if (summary.unjudged.length) {
    out('');
    out(`UN-JUDGED HIGHLIGHTS: add each key to ${judgementsPath} as "ok" or "false"`);
    for (const h of summary.unjudged) out(`${show(h)}\n      key: ${JSON.stringify(judgementKey(h.page, h.start, h.text, h.id))}`);
  }
  if (list && summary.ok.length) {
    out('');
    out('OK HIGHLIGHTS');
    for (const h of summary.ok) out(show(h));
  }
  if (summary.stale.length) {
    out('');
    out(`Stale judgements (no such highlight any more; remove them): ${summary.stale.join(', ')}`);
  }
  if (pageErrors.length) {
    out('');
    out(`ERRORS while reading pages (${pageErrors.length}):`);
    for (const e of pageErrors) out(`  ${e}`);
  }

  const failures: string[] = [];
  const maxIndex = argv.indexOf('--max');
  const limit = maxIndex >= 0 ? Number(argv[maxIndex + 1]) : TARGET_FALSE_PER_100K;
  if (falsePer100k > limit) failures.push(`${falsePer100k.toFixed(2)} false highlights per 100,000 words > ${limit}`);
  if (summary.unjudged.length) failures.push(`${summary.unjudged.length} highlight(s) not yet judged`);
  if (pageErrors.some((e) => e.endsWith('(page skipped)'))) failures.push('some pages could not be read');
  out('');
  if (failures.length) {
    out(`BELOW TARGET: ${failures.join('; ')}`);
    return 1;
  }
  out(`${limit === TARGET_FALSE_PER_100K ? 'TARGET MET' : `WITHIN ${limit} (target ${TARGET_FALSE_PER_100K} ${falsePer100k <= TARGET_FALSE_PER_100K ? 'met' : 'NOT met'})`}: ${falsePer100k.toFixed(2)} false highlights per 100,000 words, all ${summary.highlights} highlights judged`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2), (l) => console.log(l), (l) => console.error(l)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`eval:fp: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 2;
    },
  );
}
