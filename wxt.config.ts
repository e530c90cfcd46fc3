import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { namesOf, withoutNames, type MatchPack } from './glossary/match-pack';
import { START_FILTER_MARK, START_FILTER_MARK_RE, startFilterBitsInComment } from './glossary/build/start-filter-bits';

// The oldest browsers Termlight works in: the newest API or syntax it needs, each listed with its
// version in store/browser-support.md. Chrome: the bundle's syntax target (Vite's default,
// chrome111); the API that needs most is the CSS Custom Highlight API (105). Firefox: the CSS Custom
// Highlight API and data_collection_permissions (both 140).
export const MINIMUM_CHROME_VERSION = '111';
export const FIREFOX_STRICT_MIN_VERSION = '140.0';
/** Firefox for Android took data_collection_permissions in 142. */
export const FIREFOX_ANDROID_STRICT_MIN_VERSION = '142.0';
/**
 * The reader's packed glossary data (glossary/match-pack.ts) and the first stage's start filter
 * (glossary/start-filter.ts) as object literals of plain string literals. The JSON plugin writes
 * `JSON.parse(`…`)`, a template literal, which V8 scans about twice as slowly as a quoted string (it
 * keeps each character's raw form too); both are a few strings and numbers, so as literals they need
 * no JSON.parse either. The pack's scan is on the way to every page's first marks. (The minifier then
 * writes every string as a template literal all the same: session 25.) The start filter's bits, paid on
 * every page and frame, are taken out of the literal and go back in after minifying as a comment the
 * first stage reads back (glossary/build/start-filter-bits.ts).
 *
 * The pack is split between two files for the content script: the reader (entrypoints/reader) gets it
 * without the entries' names, which its first marks do not need, and the reader's names file
 * (entrypoints/reader-names) gets the names alone; the reader loads that file after its first marks
 * (glossary/match-data.ts says how the names are waited for). The reader's copy leaves out the trie and
 * the spelling exclusions too: they ship as the binary files match-data.bin, which the first stage
 * fetches while the reader loads, and match-spelling.bin, which the reader asks for once the first is
 * in (glossary/match-binary.ts). Every other build bundles the pack whole.
 */
function packAsString(): Plugin {
  let part: 'whole' | 'reader' | 'names' = 'whole';
  let filterBits: string | null = null;
  return {
    name: 'termlight-pack-as-string',
    enforce: 'post',
    configResolved(config) {
      const lib = config.build.lib;
      const entry = lib ? JSON.stringify(lib.entry) : '';
      part = /entrypoints[\\/]+reader-names[\\/]+index\.ts/.test(entry)
        ? 'names'
        : /entrypoints[\\/]+reader[\\/]+index\.ts/.test(entry)
          ? 'reader'
          : 'whole';
    },
    transform(_code, id) {
      if (!/[\\/]glossary[\\/]generated[\\/](match-pack|start-filter)\.json$/.test(id)) return null;
      let data = JSON.parse(readFileSync(id, 'utf8'));
      if (/match-pack\.json$/.test(id) && part !== 'whole') data = part === 'reader' ? readerPack(data) : namesOf(data);
      if (/start-filter\.json$/.test(id)) {
        filterBits = data.filter;
        data = { ...data, filter: START_FILTER_MARK };
      }
      return { code: `export default ${JSON.stringify(data)};`, map: null };
    },
    // After minifying, which drops comments: the filter's bits go back in as a comment its function reads
    // (glossary/build/start-filter-bits.ts says why).
    generateBundle(_options, bundle) {
      if (filterBits === null) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = chunk.code.replace(START_FILTER_MARK_RE, () => startFilterBitsInComment(filterBits!));
      }
    },
  };
}

/** The reader's copy of the pack: neither the names (reader-names.js) nor what match-data.bin and match-spelling.bin hold. */
function readerPack(pack: MatchPack): Partial<MatchPack> {
  const { trie: _trie, exclusions: _exclusions, ...rest } = withoutNames(pack) as MatchPack;
  return rest;
}

/**
 * Resolves the module `source` to Termlight's `file` (under the project root) in the builds of the entrypoints
 * `entries` matches, except in `file` itself (which may import the module it stands in for). Each entrypoint
 * is its own Vite build, with its own instance of the plugin.
 */
function mapInBuilds(name: string, entries: RegExp, source: string, file: string[]): Plugin {
  let mapped = false;
  let target = '';
  return {
    name,
    enforce: 'pre',
    configResolved(config) {
      const lib = config.build.lib;
      mapped = entries.test(lib ? JSON.stringify(lib.entry) : '');
      target = resolve(config.root, ...file);
    },
    resolveId(id, importer) {
      if (!mapped || id !== source || importer === target) return null;
      return target;
    },
  };
}

/**
 * The content script's first stage (entrypoints/content/index.ts, and WXT's own content script code it
 * brings) and its document-start stage (entrypoints/page-start) use the browser's extension API object as
 * it is (utils/native-browser.ts says why), not
 * webextension-polyfill, which the module below maps `wxt/browser` to everywhere else.
 */
const nativeBrowserInFirstStage = (): Plugin =>
  mapInBuilds(
    'termlight-native-browser-in-first-stage',
    /entrypoints[\\/]+(content|page-start)[\\/]+index\.ts/,
    '@wxt-dev/webextension-polyfill/browser',
    ['utils', 'native-browser.ts'],
  );

/**
 * The content script's entrypoint wrapper (WXT's, around entrypoints/content/index.ts) makes its context
 * with utils/quiet-content-script-context.ts instead of WXT's class, which would dispatch a
 * "<extension id>:content:wxt:content-script-started" event on every page's and frame's document, for any
 * page script to hear (that file says how an older copy of the script is still stopped). That file
 * imports WXT's class itself, which resolves as usual.
 */
const quietContextInFirstStage = (): Plugin =>
  mapInBuilds(
    'termlight-quiet-content-script-context',
    /entrypoints[\\/]+content[\\/]+index\.ts/,
    'wxt/utils/content-script-context',
    ['utils', 'quiet-content-script-context.ts'],
  );

/** Termlight's add-on id on addons.mozilla.org: a UUID, which needs no domain. Never change it. */
export const FIREFOX_ADDON_ID = '{baf1315f-0d46-4f1e-baf1-20ea2aedee76}';

// Termlight runs entirely in the browser: no host permissions beyond what the
// content script's `matches` needs, no remote code, and only `storage`, `scripting` and `contextMenus`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  hooks: {
    // glossary/generated/ is made from glossary/data/ and not kept in git: every build (and dev,
    // zip, start) writes it first, so a build never ships match data older than the entries.
    'build:before': async (wxt) => {
      const { buildAll } = await import('./glossary/cli/build-command');
      buildAll(wxt.config.root, (line) => wxt.logger.info(line));
    },
    // The reader's match data is copied as it is: the content script fetches it (web-accessible below).
    'build:publicAssets': async (wxt, files) => {
      const { BINARY_FILE, SPELLING_FILE } = await import('./glossary/cli/build-command');
      files.push({ absoluteSrc: resolve(wxt.config.root, BINARY_FILE), relativeDest: 'match-data.bin' });
      files.push({ absoluteSrc: resolve(wxt.config.root, SPELLING_FILE), relativeDest: 'match-spelling.bin' });
    },
  },
  // JSON imports (the glossary's match data and trie) ship as JSON.parse('…'): V8 parses JSON text
  // several times faster than the same data as a JavaScript literal, on every page the content script runs on.
  vite: () => ({ json: { stringify: true, namedExports: false }, plugins: [packAsString(), nativeBrowserInFirstStage(), quietContextInFirstStage()] }),
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
    // contextMenus: the right-click "Explain" and "Add to my terms" (installs without a warning).
    // Firefox knows it too, as another name for its `menus`.
    // `scripting`: the background injects the page-level ::highlight() rules for the random names
    // each page load picks (utils/page-styles/). It shows no install warning of its own.
    permissions: ['storage', 'scripting', 'contextMenus'],
    // The content script's reader (entrypoints/reader/index.ts), which the small first stage imports only in
    // frames worth reading, the match data it fetches beside it and the spelling data the reader fetches after it (glossary/match-binary.ts), the glossary's names the reader imports after its first marks (entrypoints/reader-names),
    // and the card's CSS it reads into the card's shadow root. Dynamic URLs (new
    // every browser session): a page cannot request or probe the files to learn that Termlight is installed.
    web_accessible_resources: [{ resources: ['reader.js', 'match-data.bin', 'match-spelling.bin', 'reader-names.js', 'assets/reader.css'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // `scripting.insertCSS` needs host permission for the frame; the content script's `<all_urls>`
    // match does not grant it (Chrome 156: "Extension manifest must request permission to access
    // the respective host"). The same hosts as the content script, so the same install warning.
    host_permissions: ['<all_urls>'],
    // The content script's document-start stage (entrypoints/page-start, an unlisted script listed here by
    // hand): in the top frame, before the page's HTML is parsed, it asks for the highlight rules, which
    // then cost the page almost no restyle (entrypoints/content/page-start.ts). WXT adds the first stage's
    // entry (entrypoints/content/index.ts) after this one.
    content_scripts: [{ matches: ['<all_urls>'], js: ['page-start.js'], run_at: 'document_start' }],
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
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: FIREFOX_ADDON_ID,
              strict_min_version: FIREFOX_STRICT_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: FIREFOX_ANDROID_STRICT_MIN_VERSION },
          },
        }
      : {}),
  }),
});
