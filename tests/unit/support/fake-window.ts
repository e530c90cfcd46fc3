/**
 * A fake window for the viewport modules (near-viewport.ts, far-text.ts): an 800 px viewport whose
 * scroll position the test sets, animation frames that run when the test says so.
 */
export const VIEWPORT = 800;

export function fakeWindow() {
  const frames: Array<() => void> = [];
  const listeners = new Map<string, (e: Event) => void>();
  const win = {
    scrollY: 0,
    innerHeight: VIEWPORT,
    requestAnimationFrame: (f: () => void) => frames.push(f),
    cancelAnimationFrame: () => {},
    setTimeout: () => 0,
    clearTimeout: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    document: {
      body: null,
      addEventListener: (type: string, f: (e: Event) => void) => listeners.set(type, f),
      removeEventListener: (type: string) => listeners.delete(type),
    },
  };
  return {
    win: win as unknown as Window,
    scrollTo(y: number) {
      win.scrollY = y;
      listeners.get('scroll')?.({ target: win.document } as unknown as Event);
    },
    runFrames() {
      while (frames.length) frames.shift()!();
    },
  };
}
