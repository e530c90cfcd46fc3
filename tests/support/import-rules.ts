/**
 * The layout's rules, as a checker over import statements (ARCHITECTURE.md explains them). The
 * folders say what depends on what only as long as the imports agree, so a unit test runs this
 * over the product code and fails, naming the file and the rule, on any import that breaks one.
 * It reads files as text (no TypeScript program): specifiers in import/export … from, bare
 * `import '…'` and `import('…')`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  /** The specifier as written (for circles: the files of the circle, joined by " → "). */
  imports: string;
  rule: string;
}

export const RULES = {
  oneWay: 'imports go one way: entrypoints → components → hooks → utils → glossary',
  uiOnly: 'components/ holds UI only (.tsx and .css); hooks go in hooks/, other code in utils/',
  ownEntrypoint: "no entrypoint imports another entrypoint's folder",
  shippedGlossary: 'shipped glossary code imports no DOM, browser API, node:* or build-time code',
  cli: 'glossary/cli/ may import only glossary/ and utils/',
  popoverLeaf: 'popover/ is a leaf: it imports nothing else from the content script',
  pipeline: 'content stages import only earlier stages (scan → terms → hover → keyboard) and popover/',
  circle: 'no import circle',
} as const;

/** Folders whose code is checked: everything that ships, and the glossary's build and CLI. */
export const PRODUCT_FOLDERS = ['entrypoints', 'components', 'hooks', 'utils', 'glossary'];

/** The allowed crossings between entrypoints, and why. */
const ENTRYPOINT_EXCEPTIONS: Array<{ from: string; to: string }> = [
  // The welcome page's live example is the real thing: the content script's session, and the random
  // highlight names it registers (for the page's own ::highlight() rules), started on the page
  // (content scripts do not run on the extension's own pages).
  { from: 'entrypoints/welcome/demo-session.ts', to: 'entrypoints/content/session.ts' },
  { from: 'entrypoints/welcome/demo-session.ts', to: 'entrypoints/content/terms/highlight-names.ts' },
  // The content script's reader is built as its own file (WXT makes one file per entrypoint), which
  // the content script's small first stage loads only in frames worth reading.
  { from: 'entrypoints/reader/index.ts', to: 'entrypoints/content/reader.ts' },
  { from: 'entrypoints/reader/index.ts', to: 'entrypoints/content/reader-handoff.ts' },
  // The glossary's names, which the reader loads beside its first marks, are a file of their own too.
  { from: 'entrypoints/reader-names/index.ts', to: 'entrypoints/content/reader-handoff.ts' },
  // The content script's document-start stage (it asks for the highlight rules before the page is built)
  // is a file of its own, listed in the manifest to run before the first stage.
  { from: 'entrypoints/page-start/index.ts', to: 'entrypoints/content/page-start.ts' },
];

const LAYERS = ['entrypoints', 'components', 'hooks', 'utils', 'glossary'];
const CONTENT_STAGES = ['scan', 'terms', 'hover', 'keyboard'];
/** Bare specifiers that mean the DOM, a browser API or Node. */
const PLATFORM = /^(node:|wxt(\/|$)|@wxt-dev\/|webextension-polyfill|happy-dom|preact|fs$|path$|os$|url$|child_process$|readline$)/;
/**
 * Globals that mean the DOM or a browser API, used as objects. (Not `window`: the abbreviation
 * reader calls the text it searches a window.)
 */
const PLATFORM_GLOBALS = /\b(document|navigator|browser|chrome|localStorage)\s*\.\s*[A-Za-z_]/;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The specifiers a module imports (static, re-exports, side-effect and dynamic imports). */
export function readImports(text: string): string[] {
  const code = stripComments(text);
  const found: string[] = [];
  for (const re of [
    /\b(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]) {
    for (const m of code.matchAll(re)) found.push(m[1]!);
  }
  return found;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The repository path an import points at (without ?query), resolved against `known` when it can be. */
function target(from: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), spec.split('?')[0]!));
  return EXTENSIONS.map((e) => base + e).find((p) => known.has(p)) ?? base;
}

const layerOf = (path: string) => LAYERS.indexOf(path.split('/')[0]!);
/** The entrypoint a file belongs to: its folder under entrypoints/, or the file itself. */
const entrypointOf = (path: string) => path.split('/')[1]!.replace(/\.[^.]+$/, '');
/** The content script's room for a file under entrypoints/content/ ('' for index.ts and session.ts). */
const contentRoom = (path: string) => {
  const parts = path.split('/');
  return parts.length > 3 ? parts[2]! : '';
};
const isShippedGlossary = (path: string) =>
  path.startsWith('glossary/') && !/^glossary\/(build|cli|data|sources|generated)\//.test(path);

/** Every rule broken by one import of one file. */
function importViolations(file: string, spec: string, to: string | null): string[] {
  const broken: string[] = [];
  if (to === null) {
    if (isShippedGlossary(file) && PLATFORM.test(spec)) broken.push(RULES.shippedGlossary);
    return broken;
  }
  if (file.startsWith('glossary/cli/')) {
    if (!to.startsWith('glossary/') && !to.startsWith('utils/')) broken.push(RULES.cli);
    return broken;
  }
  const [fromLayer, toLayer] = [layerOf(file), layerOf(to)];
  if (fromLayer >= 0 && toLayer >= 0 && toLayer < fromLayer) broken.push(RULES.oneWay);
  if (isShippedGlossary(file) && /^glossary\/(build|cli)\//.test(to)) broken.push(RULES.shippedGlossary);
  if (file.startsWith('entrypoints/') && to.startsWith('entrypoints/') && entrypointOf(file) !== entrypointOf(to)) {
    if (!ENTRYPOINT_EXCEPTIONS.some((e) => e.from === file && e.to === to)) broken.push(RULES.ownEntrypoint);
  }
  if (file.startsWith('entrypoints/content/') && to.startsWith('entrypoints/content/')) {
    const [a, b] = [contentRoom(file), contentRoom(to)];
    if (a === 'popover' && b !== 'popover') broken.push(RULES.popoverLeaf);
    else if (a !== '' && a !== 'popover' && b !== 'popover' && b !== a) {
      const [ai, bi] = [CONTENT_STAGES.indexOf(a), CONTENT_STAGES.indexOf(b)];
      if (bi < 0 || ai < 0 || bi > ai) broken.push(RULES.pipeline);
    }
  }
  return broken;
}

/** Import circles among `files`: each strongly connected group of two or more files (or a file importing itself). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) found.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

export function checkImports(files: readonly SourceFile[]): Violation[] {
  const known = new Set(files.map((f) => f.path));
  const graph = new Map<string, string[]>();
  const out: Violation[] = [];
  for (const { path, text } of files) {
    if (path.startsWith('components/') && !/\.(tsx|css)$/.test(path)) out.push({ file: path, imports: '', rule: RULES.uiOnly });
    if (isShippedGlossary(path) && PLATFORM_GLOBALS.test(stripComments(text))) {
      out.push({ file: path, imports: '(a DOM or browser global)', rule: RULES.shippedGlossary });
    }
    const edges: string[] = [];
    for (const spec of readImports(text)) {
      const to = target(path, spec, known);
      if (to && known.has(to)) edges.push(to);
      for (const rule of importViolations(path, spec, to)) out.push({ file: path, imports: spec, rule });
    }
    graph.set(path, edges);
  }
  for (const group of circles(graph)) out.push({ file: group[0]!, imports: group.join(' → '), rule: RULES.circle });
  return out;
}

/** The product's source files under `root` (TypeScript and CSS; generated data is not code). */
export function loadProductFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of PRODUCT_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { recursive: true }) as string[]) {
      if (!/\.(ts|tsx|css)$/.test(entry)) continue;
      const full = join(root, folder, entry);
      files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** One line per violation, for a failing test's message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}: ${v.imports ? `"${v.imports}" ` : ''}breaks "${v.rule}"`).join('\n');
}
