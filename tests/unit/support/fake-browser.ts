/**
 * Each test starts with an empty fake browser (WXT's: storage, tabs, runtime) and ends with its
 * spies restored, so no test sees another's stored values or mocked replies. Call it before
 * mountEachTest(): after-hooks run in reverse, so components unmount before spies are undone.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function freshBrowserEachTest(): void {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}
