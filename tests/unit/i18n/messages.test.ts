/**
 * Ready for translation: no user-facing text in the code, and messages.json holds exactly the
 * English the code uses, with placeholders a browser accepts (the rules: tests/support/i18n-rules.ts).
 * The second half proves each rule on a small made-up tree, so a passing first half means "nothing
 * hard-coded", not "a checker that sees nothing".
 *
 * Unused messages fail rather than warn: every id is written out as a literal (there is no id built
 * from pieces except the plural forms, which the checker knows), so "unused" is never a guess, and a
 * dead message is text a translator would translate for nothing, or the trace of a typo in an id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, ROOT } from '../../support/paths';
import { checkI18n, describeFindings, isUiFile, loadProductFiles, RULES, type SourceFile } from '../../support/i18n-rules';

describe('the product code and messages.json', () => {
  it('shows no hard-coded text, and every message is there, used, described and well formed', { timeout: 60_000 }, () => {
    const input = loadProductFiles(ROOT);
    expect(input.files.filter((f) => isUiFile(f.path)).length).toBeGreaterThan(40);
    expect(describeFindings(checkI18n(input))).toBe('');
  });

  it('the built manifest takes its name, description, toolbar title and command text from messages.json', () => {
    const file = join(EXTENSION_DIR, 'manifest.json');
    if (!existsSync(file)) throw new Error(`Termlight is not built: ${file} is missing. Run "npm run build" first.`);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string;
      description: string;
      default_locale: string;
      action: { default_title?: string };
      commands?: Record<string, { description?: string }>;
    };
    const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.default_locale).toBe('en');
    // A <title> in the popup's index.html would become default_title and hide __MSG_extName__.
    const texts = [manifest.name, manifest.description, manifest.action.default_title, ...Object.values(manifest.commands ?? {}).map((c) => c.description)];
    for (const text of texts) {
      expect(text).toMatch(/^__MSG_\w+__$/);
      expect(messages).toHaveProperty(text!.slice(6, -2));
    }
  });
});

/** A tree that follows the rules; each case below breaks one. */
const MESSAGES = {
  extName: { message: 'Termlight', description: 'The name, in the manifest.' },
  cardClose: { message: 'Close explanation', description: 'Screen-reader name of the ✕ button.' },
  cardSaved: { message: 'Saved “$term$”.', description: 'Status after saving a question.', placeholders: { term: { content: '$1', example: 'PD-L1' } } },
  popupFound_one: { message: 'found once', description: 'Beside a term found once.' },
  popupFound_other: { message: 'found $1 times', description: 'Beside a term found more than once.' },
};
const LAWFUL: SourceFile[] = [
  { path: 'wxt.config.ts', text: "export default { manifest: { name: '__MSG_extName__' } };" },
  {
    path: 'components/Card.tsx',
    text: [
      "import { t, tn } from '../utils/i18n';",
      'export const Card = ({ term, n }: { term: string; n: number }) => (',
      '  <div class="tl-card tl-card--open" lang="en" aria-hidden="true">',
      "    <button type=\"button\" aria-label={t('cardClose')}>✕</button>",
      "    <p>{t('cardSaved', term)} {tn('popupFound', n)}</p>",
      '    <p>{term}: {n}</p>',
      '  </div>',
      ');',
    ].join('\n'),
  },
  // Not UI: words here are for developers, and an i18n-exempt comment says why.
  { path: 'utils/storage/list.ts', text: "export const fail = () => { throw new Error('The list is not a list.'); };" },
  {
    path: 'entrypoints/content/keys.ts',
    text: [
      "export const isEscape = (e: KeyboardEvent) => e.key === 'Escape' || e.target?.closest?.('textarea, input');",
      '// i18n-exempt: why stored data is damaged stays English, for whoever helps fix it',
      "export const why = (n: number) => `Item ${n} has no valid term`;",
    ].join('\n'),
  },
];
const messagesText = (messages: object = MESSAGES) => JSON.stringify(messages, null, 2);
const withFile = (file: SourceFile) => [...LAWFUL.filter((f) => f.path !== file.path), file];
const card = (body: string): SourceFile => ({
  path: 'components/Card.tsx',
  text: `import { t, tn } from '../utils/i18n';\nexport const Card = ({ term, n }: { term: string; n: number }) => (\n  <div>\n    <p>{t('cardSaved', term)} {tn('popupFound', n)} {t('cardClose')}</p>\n${body}\n  </div>\n);`,
});

describe('the i18n checker', () => {
  it('passes a tree that follows the rules', () => {
    expect(checkI18n({ files: LAWFUL, messagesText: messagesText() })).toEqual([]);
  });

  it.each([
    { name: 'JSX text', body: '    <p>Keep open</p>', what: 'Keep open' },
    { name: 'a title attribute', body: '    <button title="Close (Escape)" />', what: 'Close (Escape)' },
    { name: 'an aria-label, even one word', body: "    <button aria-label={n ? 'Next' : t('cardClose')} />", what: 'Next' },
    { name: 'a placeholder', body: '    <input placeholder="For example: immunotherapy" />', what: 'For example: immunotherapy' },
    { name: 'alt text', body: '    <img alt="Termlight icon" />', what: 'Termlight icon' },
    { name: 'a component prop that reads as prose', body: '    <Switch label="Explain terms on pages" />', what: 'Explain terms on pages' },
    { name: 'a string rendered from an expression', body: "    <p>{n === 1 ? 'once' : t('cardClose')}</p>", what: 'once' },
    { name: 'a sentence built in a template', body: '    <p aria-label={`Remove “${term}”`} />', what: 'Remove “ ”' },
  ])('fails on $name', ({ body, what }) => {
    const findings = checkI18n({ files: withFile(card(body)), messagesText: messagesText() });
    expect(findings).toEqual([{ file: 'components/Card.tsx', line: 5, rule: RULES.hardCoded, what }]);
  });

  it('fails on words kept in a constant or passed to a function in a UI file, and on an HTML title', () => {
    const notice: SourceFile = { path: 'entrypoints/content/keyboard/notice.ts', text: "export const LAST = 'This is the last marked term on the page.';" };
    const html: SourceFile = { path: 'entrypoints/popup/index.html', text: '<!doctype html>\n<html>\n<head><title>Termlight</title></head>\n</html>' };
    expect(checkI18n({ files: [...LAWFUL, notice, html], messagesText: messagesText() })).toEqual([
      { file: notice.path, line: 1, rule: RULES.hardCoded, what: 'This is the last marked term on the page.' },
      { file: html.path, line: 3, rule: RULES.hardCoded, what: 'Termlight' },
    ]);
  });

  it('fails on an id without English text: t(), tn() without its forms, and __MSG_…__', () => {
    const files = withFile(card("    <p>{t('cardOpen')} {tn('cardCount', n)}</p>"));
    files.push({ path: 'entrypoints/popup/index.html', text: '<meta name="manifest.title" content="__MSG_extTitle__" />' });
    expect(checkI18n({ files, messagesText: messagesText() })).toEqual([
      { file: 'components/Card.tsx', line: 5, rule: RULES.missing, what: 'cardOpen' },
      { file: 'components/Card.tsx', line: 5, rule: RULES.missing, what: 'cardCount_one and cardCount_other' },
      { file: 'entrypoints/popup/index.html', line: 1, rule: RULES.missing, what: 'extTitle' },
    ]);
    const empty = { ...MESSAGES, cardClose: { message: '', description: 'Screen-reader name of the ✕ button.' } };
    expect(checkI18n({ files: LAWFUL, messagesText: messagesText(empty) })).toContainEqual({
      file: 'public/_locales/en/messages.json',
      line: 0,
      rule: RULES.missing,
      what: 'cardClose: no English "message"',
    });
  });

  it('fails on a message nothing uses, counting plural forms and ids kept in records as used', () => {
    const extra = { ...MESSAGES, cardPin: { message: 'Keep open', description: 'Name of the pin button.' } };
    expect(checkI18n({ files: LAWFUL, messagesText: messagesText(extra) })).toEqual([
      { file: 'public/_locales/en/messages.json', line: 0, rule: RULES.unused, what: 'cardPin' },
    ]);
    const record: SourceFile = { path: 'utils/labels.ts', text: "export const LABELS: Record<string, MessageId> = { pin: 'cardPin' };" };
    expect(checkI18n({ files: [...LAWFUL, record], messagesText: messagesText(extra) })).toEqual([]);
  });

  it('fails on invalid placeholders, and on substitutions the message does not take', () => {
    const bad = {
      ...MESSAGES,
      cardSaved: { message: 'Saved “$term$” for $who$.', description: 'Status after saving a question.', placeholders: { term: { content: '$1' }, when: { content: '$2' } } },
      popupFound_other: { message: 'found $1 times for $5', description: 'Beside a term found more than once.' },
      extName: { message: 'Term$light', description: 'The name, in the manifest.' },
      'card-close': { message: 'Close', description: 'An id a browser rejects.' },
    };
    const where = 'public/_locales/en/messages.json';
    const findings = checkI18n({ files: LAWFUL, messagesText: messagesText(bad) }).filter((f) => f.rule === RULES.placeholders);
    expect(findings).toEqual([
      { file: where, line: 0, rule: RULES.placeholders, what: 'extName: a lone "$" in the message (write $$ for a dollar sign)' },
      { file: where, line: 0, rule: RULES.placeholders, what: 'cardSaved: $who$ is not declared in "placeholders"' },
      { file: where, line: 0, rule: RULES.placeholders, what: 'cardSaved: placeholder "when" is declared but not in the message' },
      { file: where, line: 0, rule: RULES.placeholders, what: 'card-close: message ids use letters, digits and _ only' },
      { file: 'components/Card.tsx', line: 5, rule: RULES.placeholders, what: 'popupFound takes 5 substitution(s), the code gives 1' },
    ]);
    const wrongCounts = withFile(card("    <p>{t('cardClose', term)} {t('cardSaved')} {t('cardSaved', [term, term])}</p>"));
    expect(checkI18n({ files: wrongCounts, messagesText: messagesText() }).map((f) => f.what)).toEqual([
      'cardClose takes 0 substitution(s), the code gives 1',
      'cardSaved takes 1 substitution(s), the code gives 0',
      'cardSaved takes 1 substitution(s), the code gives 2',
    ]);
  });

  it('fails on a message without a description, and on an id written twice', () => {
    const bare = { ...MESSAGES, cardClose: { message: 'Close explanation' } };
    expect(checkI18n({ files: LAWFUL, messagesText: messagesText(bare) })).toEqual([
      { file: 'public/_locales/en/messages.json', line: 0, rule: RULES.described, what: 'cardClose' },
    ]);
    const twice = messagesText().replace(/^\{\n/, '{\n  "cardClose": { "message": "Close", "description": "An earlier copy, lost on parsing." },\n');
    expect(checkI18n({ files: LAWFUL, messagesText: twice })).toEqual([
      { file: 'public/_locales/en/messages.json', line: 7, rule: RULES.duplicate, what: 'cardClose' },
    ]);
  });
});
