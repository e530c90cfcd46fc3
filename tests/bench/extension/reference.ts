/**
 * The reference extension (the simple way, written at bench time into a temp folder), the in-page probe, and
 * the bench's own fixture pages (near-empty, a term in every text node, the mutation storm).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../../support/paths';
import { GENERATED_PAGES } from '../../fixtures/generated/index';
import { shell } from '../../fixtures/generated/page-shell';
import type { BenchPage } from '../lib/corpus';
import { FIRST_HL_MARK, ORIGIN_MARK, PROBE_URL } from './analyse';

export const MATCH_JSON = resolve(ROOT, 'glossary', 'generated', 'match.json');

/** Every alias (and term) of the glossary the content script bundles, read now: it grows. */
export function glossaryAliases(): string[] {
  const data = JSON.parse(readFileSync(MATCH_JSON, 'utf8')) as { entries: Array<{ term?: string; aliases?: string[] }> };
  const all = new Set<string>();
  for (const e of data.entries) for (const a of e.aliases ?? []) if (a.trim()) all.add(a.trim());
  return [...all];
}

/**
 * A minimal MV3 extension: at document_idle, one alternation RegExp of all aliases (longest first, case-
 * insensitive, not inside a longer word) over a TreeWalker read of the body's text, every match a Range in
 * one Highlight registered at the end. No settings, no storage, no messages, no mutation watching.
 */
export function writeReferenceExtension(): { dir: string; aliases: number } {
  const dir = mkdtempSync(join(tmpdir(), 'termlight-bench-ref-'));
  const aliases = glossaryAliases().sort((a, b) => b.length - a.length);
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      {
        manifest_version: 3,
        name: 'Reference highlighter (bench)',
        version: '1.0.0',
        content_scripts: [{ matches: ['<all_urls>'], run_at: 'document_idle', js: ['ref.js'], css: ['ref.css'] }],
      },
      null,
      1,
    ),
  );
  writeFileSync(join(dir, 'ref.css'), '::highlight(ref) { background-color: #fff3a0; color: inherit; }\n');
  writeFileSync(
    join(dir, 'ref.js'),
    `(() => {
  const aliases = ${JSON.stringify(aliases)};
  const escape = (s) => s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
  const re = new RegExp('(?<![\\\\p{L}\\\\p{N}])(?:' + aliases.map(escape).join('|') + ')(?![\\\\p{L}\\\\p{N}])', 'giu');
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'CODE', 'PRE']);
  const root = document.body || document.documentElement;
  if (!root) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && skip.has(n.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const highlight = new Highlight();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (text.length < 2) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = new Range();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      highlight.add(r);
    }
  }
  CSS.highlights.set('ref', highlight);
})();
`,
  );
  return { dir, aliases: aliases.length };
}

/**
 * Runs first in every top-level document (page.addInitScript, main world): marks its origin in the trace,
 * records long animation frames, and polls CSS.highlights (the content script shares the
 * registry with the page) every 5 ms until some highlight (any name) has a range with a box in the viewport; then
 * marks that moment in the trace and stops. Each range is looked at once.
 */
export const PROBE_SOURCE = `(() => {
  if (window !== window.top || location.protocol === 'about:') return;
  const B = (window.__tlbench = { firstHl: null, loafs: [] });
  performance.mark(${JSON.stringify(ORIGIN_MARK)});
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart, scripts: (e.scripts || []).map((s) => ({ src: s.sourceURL, invoker: s.invoker, start: s.startTime, duration: s.duration, forced: s.forcedStyleAndLayoutDuration })) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const seen = new WeakMap();
  const inView = (r) => {
    let range = r;
    if (!(r instanceof Range)) { range = document.createRange(); range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); }
    for (const b of range.getClientRects()) if (b.width > 0 && b.height > 0 && b.bottom > 0 && b.right > 0 && b.top < innerHeight && b.left < innerWidth) return true;
    return false;
  };
  // A timer, not a requestAnimationFrame loop: a loop would make the browser produce frames the whole time,
  // which costs every variant and keeps the page from ever being idle. When a range is found, the mark is
  // put in the next frame (the one that shows it).
  const started = performance.now();
  const timer = setInterval(() => {
    if (performance.now() - started > 180000) return clearInterval(timer);
    for (const h of CSS.highlights.values()) {
      const from = seen.get(h) || 0;
      if (h.size <= from) continue;
      let i = 0;
      for (const r of h) {
        if (i++ < from) continue;
        try {
          if (inView(r)) {
            clearInterval(timer);
            requestAnimationFrame(() => { B.firstHl = performance.now(); performance.mark(${JSON.stringify(FIRST_HL_MARK)}); });
            return;
          }
        } catch {}
      }
      seen.set(h, i);
    }
  }, 5);
})();
//# sourceURL=${PROBE_URL}
`;

export const EVERY_NODE_COUNT_DEFAULT = 20_000;
export const STORM_SECONDS = 10;
export const STORM_RATE = 10_000;

/** The bench's fixture pages, served beside the corpus. */
export function fixturePages(everyNodeCount: number): BenchPage[] {
  const gen = (name: string, query: string) => () => Buffer.from(GENERATED_PAGES[name]!(new URLSearchParams(query)), 'utf8');
  return [
    {
      id: 'fixture/near-empty.html',
      group: 'synthetic',
      source: 'one short sentence without glossary terms',
      html: () => Buffer.from(shell('Near-empty page', '<p>Nothing much to read here.</p>'), 'utf8'),
    },
    {
      id: 'fixture/every-node.html',
      group: 'synthetic',
      source: `tests/fixtures/generated text-nodes.html?count=${everyNodeCount}&termEvery=1 (a term in every text node)`,
      html: gen('text-nodes.html', `count=${everyNodeCount}&termEvery=1`),
    },
    {
      id: 'fixture/mutation-storm.html',
      group: 'synthetic',
      source: `tests/fixtures/generated mutation-storm.html?seconds=${STORM_SECONDS}&rate=${STORM_RATE}`,
      html: gen('mutation-storm.html', `seconds=${STORM_SECONDS}&rate=${STORM_RATE}`),
    },
  ];
}
