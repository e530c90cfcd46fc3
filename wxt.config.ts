import { defineConfig } from 'wxt';

// Termlight runs entirely in the browser: no host permissions beyond what the
// content script's `matches` needs, no remote code, and only `storage` and `scripting`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  zip: {
    // The sources archive (made for Firefox: addons.mozilla.org rebuilds from it) holds what the
    // build needs, not local test output or scratch files (the same things .gitignore leaves out).
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'tests/bench/results/**',
      'bench-results*.json',
      '**/*.log',
      '**/*.tmp.*',
    ],
  },
  manifest: ({ browser }) => ({
    // Manifest text comes from public/_locales/en/messages.json like every user-facing string.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: the background injects the page-level ::highlight() rules for the random names
    // each page load picks (utils/page-styles/). It shows no install warning of its own.
    permissions: ['storage', 'scripting'],
    // `scripting.insertCSS` needs host permission for the frame; the content script's `<all_urls>`
    // match does not grant it (Chrome 156: "Extension manifest must request permission to access
    // the respective host"). The same hosts as the content script, so the same install warning.
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    // The keyboard shortcut (people can change it at chrome://extensions/shortcuts, or in Firefox's
    // add-on settings). Commands need no permission. Alt+Shift+E is not one of Chrome's or Firefox's
    // own shortcuts; on a Mac, Option+Shift+E types a character, so Control+Shift+E is suggested there.
    commands: {
      'explain-selection': {
        suggested_key: { default: 'Alt+Shift+E', mac: 'MacCtrl+Shift+E' },
        description: '__MSG_commandExplainSelection__',
      },
    },
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlight@termlight.example',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
