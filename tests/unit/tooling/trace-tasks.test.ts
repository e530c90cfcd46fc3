import { describe, expect, test } from 'vitest';
import { attribute } from '../../robustness/trace-tasks';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1:1/page.html';
const ms = (n: number) => n * 1000;
const task = (at: number, dur: number) => [
  { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: ms(at), dur: ms(dur), pid: 1, tid: 1 },
  { name: 'RunTask', ph: 'X', ts: ms(at), dur: ms(dur), pid: 1, tid: 1 },
];
const call = (at: number, dur: number, url: string) => ({ name: 'FunctionCall', ph: 'X', ts: ms(at), dur: ms(dur), pid: 1, tid: 1, args: { data: { url } } });

describe('attribute (check:pages mutation storm)', () => {
  test('a long task is Termlight\'s only when it would be under 50 ms without Termlight\'s code', () => {
    const events = [
      ...task(0, 80), call(1, 40, EXT), call(45, 30, PAGE), // 80 - 40 = 40 ≤ 50: Termlight's
      ...task(100, 120), call(101, 20, EXT), call(125, 90, PAGE), // 120 - 20 = 100: the page's own
      ...task(300, 10), call(301, 5, EXT), // short
    ];
    const out = attribute(events);
    expect(out.longTasks).toBe(2);
    expect(out.blamed).toEqual([{ durationMs: 80, termlightMs: 40 }]);
    expect(out.termlightTasks).toBe(3);
    expect(out.termlightMs).toBe(65);
    expect(out.longestTermlightSliceMs).toBe(40);
  });

  test('nested script events of Termlight are counted once', () => {
    const events = [...task(0, 70), { ...call(1, 60, EXT), name: 'TimerFire' }, call(2, 58, EXT)];
    expect(attribute(events).blamed).toEqual([{ durationMs: 70, termlightMs: 60 }]);
  });
});
