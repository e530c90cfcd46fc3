import { defineConfig } from 'wxt';

// Termlight runs entirely in the browser: no host permissions beyond what the
// content script's `matches` needs, no remote code, and only `storage` and `contextMenus`.
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
  hooks: {
    // ::highlight() styles only work from a page-level stylesheet, so the highlight CSS
    // (built from entrypoints/highlights.content/index.css) is added to the content script's
    // manifest entry; the popover's own CSS stays inside its shadow root.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.some((js) => js.endsWith('content.js'))) {
          script.css = [...(script.css ?? []), 'content-scripts/highlights.css'];
        }
      }
    },
  },
  manifest: ({ browser }) => ({
    // Manifest text comes from public/_locales/en/messages.json like every user-facing string.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: the right-click "Explain" and "Add to my terms" (installs without a warning).
    // Firefox knows it too, as another name for its `menus`.
    permissions: ['storage', 'contextMenus'],
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
