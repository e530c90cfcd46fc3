/**
 * Ready for translation: every user-facing string comes from `public/_locales/en/messages.json`
 * through `t()`/`tn()` (utils/i18n.ts), and that file holds exactly what the code uses, with
 * placeholders a browser accepts. A unit test runs this over the product code and fails, naming the
 * file, the line and the rule; the same test proves each rule on a small made-up tree.
 *
 * Source files are parsed with TypeScript (no type checking), so JSX text, attributes and string
 * literals are told apart exactly, not guessed from the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

export interface Finding {
  file: string;
  /** 1-based; 0 when the finding is about the whole file or a message. */
  line: number;
  rule: string;
  /** The text, id or placeholder the finding is about. */
  what: string;
}

export interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, Message>;

export const RULES = {
  hardCoded: 'user-facing text comes from messages.json through t() (utils/i18n.ts), not from the code',
  missing: 'every message id the code uses has English text in messages.json',
  unused: 'every message in messages.json is used by the code (a translator should not translate dead text)',
  placeholders: 'placeholders are valid, declared and used, and the code passes as many substitutions as the message takes',
  described: 'every message has a description saying where it is shown (translators see nothing else)',
  duplicate: 'every message id appears once in messages.json (JSON keeps only the last copy)',
} as const;

/** Folders whose code may show text or use messages. */
export const PRODUCT_FOLDERS = ['entrypoints', 'components', 'hooks', 'utils'];
/** Files outside those folders that use messages (`__MSG_…__` in the manifest). */
export const PRODUCT_FILES = ['wxt.config.ts'];
export const MESSAGES_FILE = 'public/_locales/en/messages.json';

/**
 * Files whose strings are the reader's to see: the UI (components, extension pages, the card and
 * its keyboard and hover notices) and the utils that word what the UI shows (saved questions, file
 * import and export, the checks on personal terms). The rest (storage plumbing, messages between
 * contexts, the page scanner) holds no reader-facing text.
 */
export function isUiFile(path: string): boolean {
  if (!/\.(tsx?|html)$/.test(path) || /\.d\.ts$/.test(path)) return false;
  return (
    path.startsWith('components/') ||
    path.startsWith('entrypoints/') ||
    UI_UTILS.some((p) => path === p)
  );
}
export const UI_UTILS: string[] = [
  'utils/files/question-export.ts',
  'utils/files/questions-text.ts',
  'utils/storage/saved-questions.ts',
  'utils/storage/stored-list.ts',
  'utils/storage/personal-glossary.ts',
  'utils/storage/personal-term-rules.ts',
  'utils/files/glossary-file.ts',
  'utils/files/json-locate.ts',
  'utils/files/csv.ts',
];

/**
 * Text that is not words for a translator, and why. Keep it short: anything with a word in it is a
 * message. (Symbols without letters, such as ✕ ‹ › ←, never count; they are aria-hidden or sit
 * beside words from t().)
 */
export const ALLOWED_TEXT: ReadonlyArray<{ text: string; why: string }> = [];

/** Attributes a person reads or hears: their text is always checked, even a single word. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
/** Attributes that are never text for people (anything else is checked when it looks like prose). */
const CODE_ATTRIBUTES = /^(class|className|id|key|type|name|role|rel|href|src|for|htmlFor|value|autocomplete|accept|lang|dir|style|tabIndex|d|viewBox|fill|stroke|stroke-.*|width|height|aria-(hidden|live|modal|pressed|keyshortcuts|labelledby|describedby|invalid|current|expanded|controls|checked)|data-.*|focusable)$/;

const LETTER = /\p{L}/u;

/**
 * A string literal that reads as words for people: a capitalised word ("Save"), or two or more
 * words. Class lists, selectors, file names, MIME types and key names ("tl-card tl-x", "ArrowUp" in a
 * comparison) are not: tokens with - _ . / : or digits inside are dropped first.
 */
export function looksLikeProse(text: string): boolean {
  const words = text
    .split(/\s+/)
    .filter((w) => w.length > 0 && !/[-_./:=#@+\d]/.test(w.replace(/[.,;:!?…)”’"]+$/u, '').replace(/^[(“‘"]+/u, '')));
  if (words.some((w) => /^[(“‘"]*\p{Lu}\p{Ll}/u.test(w))) return true;
  return words.filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** `t('id')`, `tn('id', n)`, `rich('id', [...])`, `….getMessage('id')`: the function's name when the call is one. */
function messageCall(node: ts.CallExpression): Call['kind'] | null {
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  if (name === 't' && ts.isIdentifier(callee)) return 't';
  if (name === 'tn' && ts.isIdentifier(callee)) return 'tn';
  if (name === 'rich' && ts.isIdentifier(callee)) return 'rich';
  if (name === 'getMessage') return 'getMessage';
  return null;
}

const isStringLike = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n);

/**
 * Text that stays English on purpose is marked where it is written, with the reason, by a comment
 * `i18n-exempt: <why>` before the statement or function that holds it (e.g. the technical reason a
 * stored list is damaged, shown in brackets inside a translated message, for whoever helps).
 */
export const EXEMPT_MARK = /i18n-exempt:\s*\S/;

function isExempt(node: ts.Node, source: ts.SourceFile): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const comments = ts.getLeadingCommentRanges(source.text, n.getFullStart()) ?? [];
    if (comments.some((c) => EXEMPT_MARK.test(source.text.slice(c.pos, c.end)))) return true;
  }
  return false;
}

/** Where a string literal sits decides whether it is text for people. */
function isCodeContext(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isImportTypeNode(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken
    ) {
      return true;
    }
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression;
    const text = callee.getText();
    // Developer-facing: errors and logs are for whoever debugs, in English on purpose.
    if (ts.isNewExpression(parent) && /Error$/.test(text)) return true;
    if (/^console\./.test(text)) return true;
    if (ts.isCallExpression(parent) && messageCall(parent) && parent.arguments[0] === node) return true;
    // CSS selectors ("textarea, input").
    if (/(^|\.|\?\.)(closest|querySelector|querySelectorAll|matches)$/.test(text)) return true;
  }
  if (ts.isVariableDeclaration(parent) && /SELECTOR$/.test(parent.name.getText())) return true;
  return false;
}

interface Call {
  /** t(id, subs), tn(id, count, subs), rich(id, elements) (components/RichText.tsx), browser.i18n.getMessage(id, subs). */
  kind: 't' | 'tn' | 'rich' | 'getMessage';
  id: string;
  line: number;
  /** How many substitutions the call passes; null when the code does not say (a variable). */
  given: number | null;
}

interface Scan {
  calls: Call[];
  literals: Set<string>;
  hardCoded: Array<{ line: number; what: string }>;
}

/**
 * How many substitutions an argument holds. Several are always passed as an array literal in this
 * code, so anything else (a name, a call, a template) is one; a spread makes the count unknown.
 */
function countSubstitutions(arg: ts.Expression | undefined): number | null {
  if (arg === undefined) return 0;
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.some(ts.isSpreadElement) ? null : arg.elements.length;
  if (ts.isIdentifier(arg) && arg.text === 'undefined') return 0;
  return 1;
}

function scanSource(path: string, text: string, ui: boolean): Scan {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const scan: Scan = { calls: [], literals: new Set(), hardCoded: [] };
  const flagged = new Set<ts.Node>();
  const flag = (node: ts.Node, what: string) => {
    flagged.add(node);
    if (isExempt(node, source)) return;
    const clean = what.replace(/\s+/g, ' ').trim();
    if (!ALLOWED_TEXT.some((a) => a.text === clean)) scan.hardCoded.push({ line: lineOf(source, node), what: clean });
  };
  /** Text rendered from an expression: string literals reached through ?:, &&, ||, ??, + and templates. */
  const renderedStrings = (expr: ts.Node, found: Array<ts.Node & { text: string }>) => {
    if (isStringLike(expr)) found.push(expr);
    else if (ts.isTemplateExpression(expr)) {
      const parts = [expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].join(' ');
      if (LETTER.test(parts)) found.push(Object.assign(expr, { text: parts }) as ts.Node & { text: string });
      for (const span of expr.templateSpans) renderedStrings(span.expression, found);
    } else if (ts.isParenthesizedExpression(expr)) renderedStrings(expr.expression, found);
    else if (ts.isConditionalExpression(expr)) {
      renderedStrings(expr.whenTrue, found);
      renderedStrings(expr.whenFalse, found);
    } else if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) renderedStrings(expr.right, found);
      else if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
        renderedStrings(expr.left, found);
        renderedStrings(expr.right, found);
      }
    }
  };

  const visit = (node: ts.Node) => {
    if (isStringLike(node)) scan.literals.add(node.text);
    if (ts.isCallExpression(node)) {
      const kind = messageCall(node);
      const first = node.arguments[0];
      if (kind && first && isStringLike(first)) {
        const given = kind === 'tn' ? ((n) => (n === null ? null : n + 1))(countSubstitutions(node.arguments[2])) : countSubstitutions(node.arguments[1]);
        scan.calls.push({ kind, id: first.text, line: lineOf(source, node), given });
      }
    }
    if (ui) {
      if (ts.isJsxText(node) && LETTER.test(node.text)) flag(node, node.text);
      if (ts.isJsxAttribute(node) && node.initializer) {
        const name = node.name.getText(source);
        const init = node.initializer;
        const strings: Array<ts.Node & { text: string }> = [];
        renderedStrings(ts.isJsxExpression(init) ? (init.expression ?? init) : init, strings);
        for (const s of strings) {
          if (!LETTER.test(s.text)) continue;
          if (READ_ATTRIBUTES.has(name) || (!CODE_ATTRIBUTES.test(name) && looksLikeProse(s.text))) flag(s, s.text);
        }
      }
      if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
        const strings: Array<ts.Node & { text: string }> = [];
        renderedStrings(node.expression, strings);
        for (const s of strings) if (LETTER.test(s.text)) flag(s, s.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  /**
   * Then words anywhere else: kept in a constant, passed to a function or a component, built in a
   * template ("Removed “${term}”."). Visited after JSX, so text found there is named once.
   */
  const visitProse = (node: ts.Node) => {
    if (!flagged.has(node) && !isCodeContext(node)) {
      if (isStringLike(node) && looksLikeProse(node.text)) flag(node, node.text);
      if (ts.isTemplateExpression(node)) {
        const words = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
        if (looksLikeProse(words)) flag(node, words);
      }
    }
    ts.forEachChild(node, visitProse);
  };
  visit(source);
  if (ui) visitProse(source);
  return scan;
}

/** An HTML page's own text: its <title> and any words in its markup (the app renders the rest). */
function scanHtml(text: string): Array<{ line: number; what: string }> {
  const found: Array<{ line: number; what: string }> = [];
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const body = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of body.matchAll(/>([^<>]*)</g)) {
    if (LETTER.test(m[1]!) && !/__MSG_\w+__/.test(m[1]!)) found.push({ line: lineAt(m.index!), what: m[1]!.trim() });
  }
  for (const m of body.matchAll(/\s(title|alt|placeholder|aria-label)="([^"]*)"/g)) {
    if (LETTER.test(m[2]!) && !/^__MSG_\w+__$/.test(m[2]!)) found.push({ line: lineAt(m.index!), what: m[2]! });
  }
  return found;
}

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const NAMED = /\$([A-Za-z0-9_@]+)\$/g;

/** The highest `$n` a message takes, directly or through its placeholders; null if it is malformed. */
function placeholderProblems(id: string, m: Message): { problems: string[]; takes: number } {
  const problems: string[] = [];
  let takes = 0;
  const positional = (text: string) => {
    for (const p of text.replace(/\$\$/g, '').matchAll(/\$([1-9])/g)) takes = Math.max(takes, Number(p[1]));
  };
  const declared = new Map(Object.entries(m.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), { name, p }]));
  const used = new Set<string>();
  for (const match of m.message.matchAll(NAMED)) {
    const name = match[1]!.toLowerCase();
    if (!declared.has(name)) problems.push(`${id}: $${match[1]}$ is not declared in "placeholders"`);
    used.add(name);
  }
  for (const [name, { name: written, p }] of declared) {
    if (!/^[A-Za-z0-9_]+$/.test(written)) problems.push(`${id}: placeholder name "${written}" (letters, digits and _ only)`);
    if (!used.has(name)) problems.push(`${id}: placeholder "${written}" is declared but not in the message`);
    if (typeof p?.content !== 'string') problems.push(`${id}: placeholder "${written}" has no "content"`);
    else {
      if (/\$(?![1-9$])/.test(p.content.replace(/\$\$/g, ''))) problems.push(`${id}: placeholder "${written}" content "${p.content}" (use $1…$9, or $$ for a dollar sign)`);
      // Only a placeholder the message shows takes a substitution.
      if (used.has(name)) positional(p.content);
    }
  }
  const rest = m.message.replace(/\$\$/g, '').replace(NAMED, '').replace(/\$[1-9]/g, '');
  if (rest.includes('$')) problems.push(`${id}: a lone "$" in the message (write $$ for a dollar sign)`);
  positional(m.message.replace(NAMED, ''));
  return { problems, takes };
}

export interface I18nInput {
  files: SourceFile[];
  /** The English messages file's text (checked as text too: duplicate ids vanish once parsed). */
  messagesText: string;
}

export function checkI18n({ files, messagesText }: I18nInput): Finding[] {
  const findings: Finding[] = [];
  const add = (file: string, line: number, rule: string, what: string) => findings.push({ file, line, rule, what });
  let messages: Messages;
  try {
    messages = JSON.parse(messagesText) as Messages;
  } catch (e) {
    return [{ file: MESSAGES_FILE, line: 0, rule: RULES.missing, what: `not valid JSON: ${String(e)}` }];
  }

  // The file itself: ids, descriptions, placeholders.
  const seen = new Set<string>();
  for (const m of messagesText.matchAll(/^ {2}"([^"]+)"\s*:/gm)) {
    if (seen.has(m[1]!)) add(MESSAGES_FILE, messagesText.slice(0, m.index).split('\n').length, RULES.duplicate, m[1]!);
    seen.add(m[1]!);
  }
  const takes = new Map<string, number>();
  for (const [id, m] of Object.entries(messages)) {
    if (!/^[A-Za-z0-9_]+$/.test(id)) add(MESSAGES_FILE, 0, RULES.placeholders, `${id}: message ids use letters, digits and _ only`);
    if (typeof m?.message !== 'string' || m.message.trim() === '') {
      add(MESSAGES_FILE, 0, RULES.missing, `${id}: no English "message"`);
      continue;
    }
    if (typeof m.description !== 'string' || m.description.trim().length < 10) add(MESSAGES_FILE, 0, RULES.described, id);
    const { problems, takes: n } = placeholderProblems(id, m);
    for (const p of problems) add(MESSAGES_FILE, 0, RULES.placeholders, p);
    takes.set(id, n);
  }
  const has = (id: string) => typeof messages[id]?.message === 'string' && messages[id]!.message.trim() !== '';
  const pluralForms = (base: string) => PLURAL_FORMS.map((f) => `${base}_${f}`).filter((id) => id in messages);

  // The code: text that should be a message, ids without English, substitutions that do not fit.
  const used = new Set<string>();
  for (const file of files) {
    for (const m of file.text.matchAll(/__MSG_(\w+)__/g)) {
      used.add(m[1]!);
      if (!has(m[1]!) && !m[1]!.startsWith('@@')) add(file.path, file.text.slice(0, m.index).split('\n').length, RULES.missing, m[1]!);
    }
    const ui = isUiFile(file.path);
    if (file.path.endsWith('.html')) {
      if (ui) for (const h of scanHtml(file.text)) add(file.path, h.line, RULES.hardCoded, h.what);
      continue;
    }
    if (!/\.tsx?$/.test(file.path)) continue;
    const scan = scanSource(file.path, file.text, ui);
    for (const h of scan.hardCoded) add(file.path, h.line, RULES.hardCoded, h.what);
    for (const literal of scan.literals) {
      if (literal in messages) used.add(literal);
      for (const form of pluralForms(literal)) used.add(form);
    }
    for (const call of scan.calls) {
      if (call.id.startsWith('@@')) continue;
      const ids = call.kind === 'tn' ? pluralForms(call.id) : [call.id];
      if (call.kind === 'tn' && !(ids.includes(`${call.id}_other`) && ids.includes(`${call.id}_one`))) {
        add(file.path, call.line, RULES.missing, `${call.id}_one and ${call.id}_other`);
        continue;
      }
      if (!ids.every(has)) {
        add(file.path, call.line, RULES.missing, call.id);
        continue;
      }
      const wanted = Math.max(call.kind === 'tn' ? 1 : 0, ...ids.map((id) => takes.get(id) ?? 0));
      if (call.given !== null && call.given !== wanted) {
        add(file.path, call.line, RULES.placeholders, `${call.id} takes ${wanted} substitution(s), the code gives ${call.given}`);
      }
    }
  }
  for (const id of Object.keys(messages)) if (!used.has(id)) add(MESSAGES_FILE, 0, RULES.unused, id);
  return findings;
}

/** The files checked in the real tree. */
export function loadProductFiles(root: string): I18nInput {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(tsx?|html|css)$/.test(entry.name)) files.push({ path: path.split(sep).join('/'), text: readFileSync(join(root, path), 'utf8') });
    }
  };
  for (const folder of PRODUCT_FOLDERS) walk(folder);
  for (const file of PRODUCT_FILES) files.push({ path: file, text: readFileSync(join(root, file), 'utf8') });
  return { files, messagesText: readFileSync(join(root, MESSAGES_FILE), 'utf8') };
}

/** One line per finding, for a failing test's message. */
export function describeFindings(findings: readonly Finding[], root = ''): string {
  return findings
    .map((f) => `${root ? relative(root, join(root, f.file)) : f.file}${f.line ? `:${f.line}` : ''}  ${f.what}\n    (${f.rule})`)
    .join('\n');
}
