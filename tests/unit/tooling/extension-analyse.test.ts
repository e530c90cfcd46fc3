import { describe, expect, test } from 'vitest';
import { analyseLoad, BROWSER_OWN, ORIGIN_MARK, type LoafEntry, type TraceEvent } from '../../bench/extension/analyse';

const EXT = 'chrome-extension://abc/reader.js';
const ms = (n: number) => n * 1000;
const ev = (name: string, at: number, dur: number, url?: string): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
  tdur: ms(dur),
  pid: 1,
  tid: 1,
  ...(url ? { args: { data: { url } } } : {}),
});
/** The probe's origin mark: the page's time origin at trace time 0. */
const origin: TraceEvent = { name: ORIGIN_MARK, ph: 'R', ts: ms(1), pid: 1, tid: 1, args: { data: { startTime: 1 } } };
const capture = [...BROWSER_OWN][0]!;

/**
 * A frame after the load: a callback of ours (0.2 ms), Chrome's page-text capture (150 ms) and a paint of 30 ms;
 * then a task of our own of 60 ms.
 */
const events: TraceEvent[] = [
  origin,
  ev('ThreadControllerImpl::RunTask', 100, 181),
  ev('FireAnimationFrame', 100.1, 0.2, EXT),
  ev(capture, 101, 150),
  ev('Paint', 251, 30),
  ev('ThreadControllerImpl::RunTask', 400, 60),
  ev('FunctionCall', 400, 60, EXT),
];
const loaf = (start: number, duration: number): LoafEntry => ({ start, duration, blocking: duration - 50 });

describe('the browser\'s page-text capture inside a task or frame of the extension', () => {
  test('is left out of the extension\'s tasks, and shown beside them', () => {
    const a = analyseLoad(events, []);
    expect(a.extTasks).toBe(2);
    expect(a.extLongestTaskMs).toBeCloseTo(60);
    expect(a.extLongestTaskWithBrowserMs).toBeCloseTo(181);
    expect(a.extBrowserMs).toBeCloseTo(150);
    expect(a.extLongestTaskCpuMs).toBeCloseTo(60);
    expect(a.extTaskMs).toBeCloseTo(31 + 60);
    // The page's main thread keeps it.
    expect(a.busyMs).toBeCloseTo(181 + 60);
  });

  test('a frame long only because of it is not caused by the extension; one long with our own work is', () => {
    const a = analyseLoad(events, [loaf(100, 181), loaf(400, 60)]);
    expect(a.extLoafs).toBe(2);
    expect(a.extCausedLoafs).toBe(1);
    expect(a.extCausedLongestLoafMs).toBe(60);
  });

  test('our paint beside it still counts when it alone is long', () => {
    const longPaint = events.map((e) => (e.name === 'Paint' ? { ...e, dur: ms(70) } : e.name === 'ThreadControllerImpl::RunTask' && e.ts === ms(100) ? { ...e, dur: ms(221), tdur: ms(221) } : e));
    const a = analyseLoad(longPaint, [loaf(100, 221)]);
    expect(a.extLongestTaskMs).toBeCloseTo(71);
    expect(a.extCausedLoafs).toBe(1);
  });
});
