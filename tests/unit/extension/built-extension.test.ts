/**
 * Security checks on the BUILT extension (.output/chrome-mv3, made by `npm run build`; `npm test` builds
 * first): the manifest asks for no more than the README's "Permissions" section explains, the extension
 * pages' CSP allows no remote or eval'd code, and the bundles contain no eval, no `new Function` and no
 * URL other than a few known-harmless strings.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXTENSION_DIR } from '../../support/paths';

function built(file: string): string {
  const path = join(EXTENSION_DIR, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does)`);
  return readFileSync(path, 'utf8');
}

function builtFiles(ext: RegExp): string[] {
  built('manifest.json');
  return (readdirSync(EXTENSION_DIR, { recursive: true }) as string[]).filter((f) => ext.test(f)).map((f) => join(EXTENSION_DIR, f));
}

interface Manifest {
  [key: string]: unknown;
  permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  content_scripts?: Array<Record<string, unknown>>;
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[]; use_dynamic_url?: boolean }>;
}

const manifest = () => JSON.parse(built('manifest.json')) as Manifest;

/** Every top-level manifest key Termlight may have, each explained in README.md ("Permissions"). */
const ALLOWED_KEYS = new Set([
  'manifest_version', 'name', 'description', 'version', 'icons', 'action', 'background', 'options_ui',
  'permissions', 'host_permissions', 'content_scripts', 'content_security_policy', 'web_accessible_resources',
  'commands', // keyboard shortcuts, if added: they need no permission
  'default_locale', // the English messages every user-facing string comes from (i18n)
  'minimum_chrome_version', // the oldest Chrome the code works in (store/browser-support.md)
]);

describe('the built manifest', () => {
  test('asks only for storage, scripting and contextMenus, hosts as the content script: no optional or extra permissions', () => {
    const m = manifest();
    // `scripting` shows no install warning. It injects the ::highlight() rules for the random
    // names each page load picks (utils/page-styles/), out of the page's sight; insertCSS needs
    // host permission, and `<all_urls>` is what the content script matches already, so the
    // install warning ("read and change all your data on all websites") stays the same.
    // contextMenus: the right-click "Explain" and "Add to my terms"; browsers show no warning for it.
    expect(m.permissions).toEqual(['storage', 'scripting', 'contextMenus']);
    expect(m.host_permissions).toEqual(['<all_urls>']);
    for (const key of ['optional_permissions', 'optional_host_permissions', 'externally_connectable', 'content_capabilities']) {
      expect(m, key).not.toHaveProperty(key);
    }
    expect(Object.keys(m).filter((k) => !ALLOWED_KEYS.has(k))).toEqual([]);
  });

  test('one content script, on every page and frame, reading only, and its document-start stage in the top frame', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts).toEqual([
      // Asks for the highlight rules before the page is built (entrypoints/content/page-start.ts): the top
      // frame only (no all_frames, no about:blank), and not web-accessible (the test below).
      { matches: ['<all_urls>'], js: ['page-start.js'], run_at: 'document_start' },
      {
        matches: ['<all_urls>'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
        js: ['content-scripts/content.js'],
      },
    ]);
  });

  test('the extension pages may run only their own packaged scripts', () => {
    const csp = manifest().content_security_policy?.extension_pages ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest().content_security_policy).not.toHaveProperty('sandbox');
  });

  test('web-accessible: only the content script\'s reader, its match and spelling data, its names file and the popover stylesheet, behind a per-session URL', () => {
    // The content script's first stage imports the reader from the extension's files and fetches its match data,
    // the reader fetches the spelling data and imports the glossary's names, and the popover reads its CSS into its shadow root; use_dynamic_url
    // means a page cannot probe a fixed chrome-extension:// URL to learn that Termlight is installed.
    expect(manifest().web_accessible_resources).toEqual([
      { resources: ['reader.js', 'match-data.bin', 'match-spelling.bin', 'reader-names.js', 'assets/reader.css'], use_dynamic_url: true, matches: ['<all_urls>'] },
    ]);
    for (const file of ['reader.js', 'match-data.bin', 'match-spelling.bin', 'reader-names.js', 'assets/reader.css']) expect(existsSync(join(EXTENSION_DIR, file)), file).toBe(true);
  });

  test("the content script bundles neither WXT's storage helper nor the polyfill", () => {
    // Every page and frame compiles and runs the first stage (content.js), and every frame worth reading the reader.
    // WXT's auto-imports add `import { storage } from 'wxt/utils/storage'` (@wxt-dev/storage, about 9 KB that
    // creates its storage object at load) wherever an identifier named `storage` looks undeclared to them, even
    // with imports off: a parameter named so did (session 15). utils/storage/local-item.ts is what we use.
    for (const file of ['content-scripts/content.js', 'page-start.js', 'reader.js']) {
      expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toContain('@wxt-dev/storage');
    }
    for (const file of ['content-scripts/content.js', 'page-start.js']) {
      expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toContain('webextension-polyfill');
    }
  });

  test('the document-start stage is small, reads no page text and dispatches nothing the page could hear', () => {
    // It runs before every top page is parsed, so its evaluation holds the page up; and it is an unlisted
    // script, not a WXT content script, whose context dispatches a "content-script-started" event on the page's
    // document. Neither the start filter's data nor the text reading belong in it (the first stage reads text).
    const code = built('page-start.js');
    expect(code.length).toBeLessThan(8_000);
    expect(code).not.toMatch(/content-script-started|dispatchEvent|postMessage|createTreeWalker|MutationObserver/);
  });

  test("the first stage's context is Termlight's quiet one, which stops an older copy without telling the page", () => {
    // WXT's class dispatches "<id>:content:wxt:content-script-started" on every page's document; the build maps
    // the entrypoint wrapper's import to utils/quiet-content-script-context.ts (wxt.config.ts), whose running
    // copy's slot is a symbol on the isolated world's global object (tests/e2e/page-listener.spec.ts checks the page).
    expect(built('content-scripts/content.js')).toContain('content-script-context.${');
  });

  test('the reader bundles the glossary without its names or its trie, and the names file holds only the names', () => {
    // The reader's first marks need no names; they load beside them (glossary/match-data.ts). The trie and the
    // spelling corrector's data come as match-data.bin and match-spelling.bin (glossary/match-binary.ts).
    const reader = readFileSync(join(EXTENSION_DIR, 'reader.js'), 'utf8');
    const names = readFileSync(join(EXTENSION_DIR, 'reader-names.js'), 'utf8');
    expect(reader).not.toMatch(/\bedgeStarts:[`"]/);
    expect(reader).not.toMatch(/\bvocabulary:[`"]/);
    expect(reader).toMatch(/\bflags:[`"]/);
    expect(readFileSync(join(EXTENSION_DIR, 'match-data.bin')).subarray(0, 4).toString('latin1')).toBe('TLM2');
    expect(readFileSync(join(EXTENSION_DIR, 'match-spelling.bin')).subarray(0, 4).toString('latin1')).toBe('TLM2');
    expect(reader).not.toMatch(/\baliases:[`"]/);
    expect(names).toMatch(/\baliases:[`"]/);
    expect(names).not.toContain('edgeStarts');
    expect(names).not.toMatch(/\bflags:[`"]/);
  });
});

/** URLs that are in the bundles as plain strings and never fetched, each with the reason. */
const HARMLESS_URLS = new Map([
  ['http://www.w3.org/1999/xhtml', 'XML namespace (Preact creates elements in it)'],
  ['http://www.w3.org/2000/svg', 'XML namespace'],
  ['http://www.w3.org/1998/Math/MathML', 'XML namespace'],
  ['https://wxt.dev/guide/go-further/testing.html', "text of a WXT developer error message"],
  ['https://github.com/wxt-dev/wxt/issues/371', 'text of a WXT developer error message'],
  [
    'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to',
    'text of a WXT developer error message',
  ],
]);

describe('the built code', () => {
  test('has no eval and no new Function', () => {
    const offenders: string[] = [];
    for (const file of builtFiles(/\.js$/)) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/, /\bimportScripts\s*\(/]) {
        if (pattern.test(code)) offenders.push(`${relative(EXTENSION_DIR, file)}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('names no URL but known-harmless strings, and loads no remote script or style', () => {
    const found = new Map<string, string>();
    for (const file of builtFiles(/\.(js|html|css|json)$/)) {
      for (const url of readFileSync(file, 'utf8').match(/(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g) ?? []) {
        if (!HARMLESS_URLS.has(url)) found.set(url, relative(EXTENSION_DIR, file));
      }
    }
    expect(Object.fromEntries(found)).toEqual({});
  });
});
