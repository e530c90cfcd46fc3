import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from '../../../entrypoints/background/welcome-tab';
import { freshBrowserEachTest } from '../support/fake-browser';

freshBrowserEachTest();

describe('the welcome page', () => {
  it('opens on a first install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openWelcomeOnInstall({ reason: 'install' })).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/welcome.html') });
  });

  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('does not open on %s', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await openWelcomeOnInstall({ reason })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});
