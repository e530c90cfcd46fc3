import { describe, expect, it } from 'vitest';
import {
  addTotals,
  checkLabels,
  context,
  countWords,
  falseHitCause,
  insideAny,
  judgementKey,
  markdownIgnoredSpans,
  mergeSpans,
  missCause,
  precisionRecall,
  scoredRegions,
  scoreFile,
  summariseFalsePositives,
  type GoldLabel,
  type PageHighlight,
  type Predicted,
} from '../../eval/scoring';

const gold = (start: number, end: number, id: string, text = 'x', generic = false): GoldLabel => ({
  start,
  end,
  id,
  text,
  ...(generic ? { generic } : {}),
});
const pred = (start: number, end: number, id: string, text = 'x'): Predicted => ({ start, end, id, text });
const everything = [{ start: 0, end: 1000 }];

describe('scoreFile: exact and lenient matching', () => {
  it('counts a prediction as exact only when span and id both equal a label', () => {
    const s = scoreFile(
      [gold(0, 10, 'a'), gold(20, 30, 'b'), gold(40, 50, 'c')],
      [pred(0, 10, 'a'), pred(20, 30, 'x'), pred(42, 50, 'c')],
      everything,
    );
    expect(s.exact).toBe(1);
    expect(s.misses.map((m) => m.start)).toEqual([20, 40]);
    expect(s.falseHits.map((h) => h.start)).toEqual([20, 42]);
  });

  it('lenient matching accepts an overlapping span with the same id, never another id', () => {
    const s = scoreFile([gold(40, 50, 'c'), gold(20, 30, 'b')], [pred(42, 50, 'c'), pred(20, 30, 'x')], everything);
    expect(s.lenientGold).toBe(1);
    expect(s.lenientPredicted).toBe(1);
    expect(s.lenientMisses.map((m) => m.start)).toEqual([20]);
    expect(s.lenientFalseHits.map((h) => h.start)).toEqual([20]);
  });

  it('pairs lenient matches one to one, so one long prediction cannot find two labels', () => {
    const s = scoreFile([gold(0, 5, 'a'), gold(6, 10, 'a')], [pred(0, 10, 'a')], everything);
    expect(s.lenientGold).toBe(1);
    expect(s.lenientPredicted).toBe(1);
  });

  it('prefers the exact pairing when a label has both an exact and an overlapping prediction', () => {
    const s = scoreFile([gold(0, 10, 'a'), gold(8, 20, 'a')], [pred(0, 10, 'a'), pred(5, 20, 'a')], everything);
    expect(s.exact).toBe(1);
    expect(s.lenientGold).toBe(2);
  });
});

describe('regions', () => {
  it('scores only predictions that reach into a scored region', () => {
    const s = scoreFile([gold(10, 15, 'a')], [pred(10, 15, 'a'), pred(200, 205, 'b'), pred(95, 105, 'c')], [{ start: 0, end: 100 }]);
    expect(s.predicted).toBe(2); // 200-205 lies outside; 95-105 crosses the edge and counts
    expect(s.falseHits.map((h) => h.start)).toEqual([95]);
  });

  it('cuts ignored spans out of the labelled regions', () => {
    expect(scoredRegions([{ start: 0, end: 100 }], [{ start: 10, end: 20 }, { start: 90, end: 120 }])).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 90 },
    ]);
    expect(scoredRegions([{ start: 50, end: 60 }], [{ start: 0, end: 100 }])).toEqual([]);
  });

  it('drops a prediction that lies wholly inside an ignored span', () => {
    const regions = scoredRegions([{ start: 0, end: 100 }], [{ start: 30, end: 60 }]);
    const s = scoreFile([], [pred(35, 50, 'a')], regions);
    expect(s.predicted).toBe(0);
    expect(insideAny({ start: 35, end: 50 }, regions)).toBe(false);
  });

  it('merges overlapping and touching spans', () => {
    expect(mergeSpans([{ start: 5, end: 8 }, { start: 0, end: 5 }, { start: 7, end: 9 }, { start: 20, end: 21 }])).toEqual([
      { start: 0, end: 9 },
      { start: 20, end: 21 },
    ]);
  });
});

describe('markdownIgnoredSpans', () => {
  it('ignores front matter, link and image targets, image alt text and comments, but keeps link text', () => {
    const md = '---\ntitle: T-cell therapy\n---\n# Immunotherapy\nSee [immune system](/def/immunotherapy "about immunotherapy") and ![a tumor](x.png) <!-- tumor -->. https://x.org/tumor';
    const ignored = markdownIgnoredSpans(md);
    const visible = (start: number, end: number) => !ignored.some((s) => start < s.end && s.start < end);
    const at = (s: string, from = 0) => md.indexOf(s, from);
    expect(visible(at('T-cell'), at('T-cell') + 6)).toBe(false);
    expect(visible(at('# Immunotherapy') + 2, at('# Immunotherapy') + 15)).toBe(true);
    expect(visible(at('immune system'), at('immune system') + 13)).toBe(true);
    expect(visible(at('/def/immunotherapy'), at('/def/immunotherapy') + 5)).toBe(false);
    expect(visible(at('a tumor'), at('a tumor') + 7)).toBe(false);
    expect(visible(at('<!--'), at('-->'))).toBe(false);
    // A bare URL is visible on a page, so it stays scored.
    expect(visible(at('https://'), md.length)).toBe(true);
  });
});

describe('totals and ratios', () => {
  it('adds files and computes exact and lenient precision and recall', () => {
    const t = addTotals([
      { gold: 10, predicted: 8, exact: 7, lenientGold: 8, lenientPredicted: 8 },
      { gold: 10, predicted: 12, exact: 9, lenientGold: 9, lenientPredicted: 9 },
    ]);
    // Files without judged highlights or superseded labels add none.
    expect(t).toEqual({ gold: 20, predicted: 20, exact: 16, lenientGold: 17, lenientPredicted: 17, judgedRight: 0, judgedRightLenient: 0, superseded: 0 });
    const pr = precisionRecall(t);
    expect(pr.exact).toEqual({ p: 0.8, r: 0.8 });
    expect(pr.lenient).toEqual({ p: 0.85, r: 0.85 });
  });

  it('counts highlights judged right towards precision and superseded labels towards recall', () => {
    const t = addTotals([
      { gold: 10, predicted: 10, exact: 6, lenientGold: 7, lenientPredicted: 7, judgedRight: 2, superseded: 1 },
      { gold: 10, predicted: 10, exact: 8, lenientGold: 8, lenientPredicted: 8, judgedRight: 2 },
    ]);
    expect(t).toMatchObject({ judgedRight: 4, superseded: 1 });
    const pr = precisionRecall(t);
    expect(pr.exact).toEqual({ p: 0.9, r: 0.75 });
    expect(pr.lenient).toEqual({ p: 0.95, r: 0.8 });
  });

  it('does not count a judged-right highlight twice in lenient precision when it overlaps a label of its entry', () => {
    // 10 highlights: 8 overlap a label of their entry (2 of them with another span, judged right),
    // 2 overlap none and are judged right.
    const t = addTotals([{ gold: 10, predicted: 10, exact: 6, lenientGold: 8, lenientPredicted: 8, judgedRight: 4, judgedRightLenient: 2 }]);
    expect(precisionRecall(t).lenient.p).toBe(1);
    expect(precisionRecall(t).exact.p).toBe(1);
  });

  it('treats an empty denominator as perfect', () => {
    expect(precisionRecall({ gold: 0, predicted: 0, exact: 0, lenientGold: 0, lenientPredicted: 0 }).exact).toEqual({ p: 1, r: 1 });
  });
});

describe('annotation checks and explanations', () => {
  const text = 'PD-L1 and T cells and tumors';
  it('reports labels whose surface text moved, that leave the regions, or that overlap', () => {
    const problems = checkLabels(
      text,
      [gold(0, 5, 'pd-l1', 'PD-L1'), gold(10, 17, 't-cells', 'T cells'), gold(11, 13, 't-cells', 'ce'), gold(22, 28, 'tumor', 'tumors')],
      [{ start: 0, end: 20 }],
    );
    expect(problems).toEqual([
      'labels 10-17 and 11-13 overlap',
      'label 11-13 "ce" now points at " c"',
      'label 22-28 "tumors" is outside the scored regions',
    ]);
  });

  it('explains misses and false hits from what overlaps them', () => {
    const labels = [gold(10, 33, 'adoptive-cell-therapy', 'T-cell transfer therapy')];
    expect(falseHitCause(pred(10, 16, 't-cells', 'T-cell'), labels)).toMatch(/^wrong entry/);
    expect(falseHitCause(pred(10, 16, 'adoptive-cell-therapy', 'T-cell'), labels)).toMatch(/^span/);
    expect(falseHitCause(pred(50, 56, 'tumor'), labels)).toBe('not a glossary term here');
    expect(missCause(gold(0, 5, 'x', 'trial', true), [])).toMatch(/context-dependent/);
    expect(missCause(gold(0, 9, 'tumor-mutational-burden', 'TMB-H'), [pred(0, 3, 'tumor-mutational-burden', 'TMB')])).toBe('span: found "TMB"');
  });

  it('shows a one-line context with the span marked', () => {
    expect(context('a\nb PD-L1\tc d', { start: 4, end: 9 }, 3)).toBe(' b [[PD-L1]] c ');
  });
});

describe('false positives on ordinary pages', () => {
  it('counts words as runs of letters and digits in any script', () => {
    // PD-L1 is two tokens, as the matcher sees it; a run of CJK characters is one word.
    expect(countWords('PD-L1 is a protein; 3 tests. Ça va, 東京')).toBe(10);
    expect(countWords('  \n ')).toBe(0);
  });

  it('sorts highlights into ok, false and un-judged, finds stale judgements, and gives the rate per 100,000 words', () => {
    const h = (page: string, start: number, text: string): PageHighlight => ({ page, start, end: start + text.length, text, id: 'x' });
    const highlights = [h('a.html', 5, 'cohort'), h('a.html', 50, 'chemotherapy'), h('b.html', 7, 'efficacy')];
    const s = summariseFalsePositives(
      highlights,
      {
        [judgementKey('a.html', 5, 'cohort', 'x')]: 'false',
        [judgementKey('a.html', 50, 'chemotherapy', 'x')]: 'ok',
        [judgementKey('c.html', 1, 'tumor', 'x')]: 'ok',
      },
      200_000,
    );
    expect(s.falseHits.map((x) => x.text)).toEqual(['cohort']);
    expect(s.ok.map((x) => x.text)).toEqual(['chemotherapy']);
    expect(s.unjudged.map((x) => x.text)).toEqual(['efficacy']);
    expect(s.stale).toEqual(['c.html|1|tumor|x']);
    expect(s.falsePer100k).toBe(0.5);
  });

  it('keys judgements by page, offset, text and entry, so a moved highlight or another card is judged again', () => {
    expect(judgementKey('p.html', 12, 'TIL', 'til-therapy')).toBe('p.html|12|TIL|til-therapy');
    const moved = summariseFalsePositives([{ page: 'p.html', start: 13, end: 16, text: 'TIL', id: 'til-therapy' }], { 'p.html|12|TIL|til-therapy': 'ok' }, 1000);
    expect(moved.unjudged).toHaveLength(1);
    expect(moved.stale).toEqual(['p.html|12|TIL|til-therapy']);
    // The same highlight now shows another entry's card: the old verdict judged the other card.
    const otherCard = summariseFalsePositives([{ page: 'p.html', start: 12, end: 15, text: 'TIL', id: 'tumor-infiltrating-lymphocytes' }], { 'p.html|12|TIL|til-therapy': 'ok' }, 1000);
    expect(otherCard.unjudged).toHaveLength(1);
  });
});
