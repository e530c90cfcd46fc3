/**
 * A fresh container in document.body for each test that renders Preact components: unmounted
 * after the test (so effects and listeners clean up) and removed. `container` is a live binding:
 * import it and it is the current test's.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export let container: HTMLElement;

/** Call once at the top of a test file (or describe block). */
export function mountEachTest(): void {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });
}
