/**
 * Runs a function in a page. tsx (esbuild with keepNames) compiles named inner functions to
 * `__name(fn, "name")` calls, which do not exist in the page; a local stand-in is put in front of the
 * function's source, so page-side code can be written as ordinary TypeScript.
 */
import type { Frame, Page } from '@playwright/test';

export function inPage<A, R>(target: Page | Frame, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
  return target.evaluate(source) as Promise<R>;
}

/**
 * Like inPage, for big results: they cross over as one JSON string, which is many times faster than
 * Playwright's value-by-value serialisation of large arrays.
 */
export async function inPageJson<A, R>(target: Page | Frame, fn: (arg: A) => R, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return JSON.stringify((${fn.toString()})(${JSON.stringify(arg)})); })()`;
  return JSON.parse((await target.evaluate(source)) as string) as R;
}
