/**
 * The layout stays true: every import in the product follows the rules in ARCHITECTURE.md.
 * The second half proves the checker on a small made-up tree that breaks each rule once, so a
 * passing first half means "no violations", not "a checker that sees nothing".
 */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/paths';
import {
  checkImports,
  describeViolations,
  loadProductFiles,
  readImports,
  RULES,
  type SourceFile,
} from '../../support/import-rules';

describe('the product code', () => {
  it('follows every import rule and has no import circle', () => {
    const files = loadProductFiles(ROOT);
    expect(files.length).toBeGreaterThan(80);
    expect(describeViolations(checkImports(files))).toBe('');
  });
});

/** A tree that follows the rules; each case below adds one file that breaks one. */
const LAWFUL: SourceFile[] = [
  { path: 'glossary/types.ts', text: 'export type Entry = { id: string };' },
  { path: 'glossary/matcher.ts', text: "import type { Entry } from './types';\nexport const m = 1;" },
  { path: 'glossary/build/build.ts', text: "import { readFileSync } from 'node:fs';\nimport { m } from '../matcher';" },
  { path: 'glossary/cli/main.ts', text: "import { m } from '../matcher';\nimport { readText } from '../../utils/readable-text';" },
  { path: 'utils/readable-text.ts', text: "import type { Entry } from '../glossary/types';\nexport const readText = () => document.body;" },
  { path: 'hooks/use-thing.ts', text: "import { useState } from 'preact/hooks';\nimport { readText } from '../utils/readable-text';" },
  { path: 'components/Card.tsx', text: "import { useThing } from '../hooks/use-thing';\nimport './card.css';" },
  { path: 'components/card.css', text: '.card { color: red; }' },
  { path: 'entrypoints/popup/App.tsx', text: "import { Card } from '../../components/Card';" },
  { path: 'entrypoints/content/index.ts', text: "import { startSession } from './session';" },
  {
    path: 'entrypoints/content/session.ts',
    text: "import { scan } from './scan/scan';\nimport { hover } from './hover/hover';\nimport { host } from './popover/host';",
  },
  { path: 'entrypoints/content/scan/scan.ts', text: "import { readText } from '../../../utils/readable-text';" },
  { path: 'entrypoints/content/terms/index-terms.ts', text: "import { scan } from '../scan/scan';\nimport type { Content } from '../popover/types';" },
  { path: 'entrypoints/content/hover/hover.ts', text: "import { terms } from '../terms/index-terms';\nimport { host } from '../popover/host';" },
  { path: 'entrypoints/content/popover/types.ts', text: 'export type Content = string;' },
  { path: 'entrypoints/content/popover/host.tsx', text: "import type { Content } from './types';\nimport { Card } from '../../../components/Card';" },
];

const cases: Array<{ rule: string; file: SourceFile; imports: string }> = [
  {
    rule: RULES.oneWay,
    file: { path: 'utils/storage/thing.ts', text: "import { Card } from '../../components/Card';" },
    imports: '../../components/Card',
  },
  { rule: RULES.uiOnly, file: { path: 'components/csv.ts', text: 'export const csv = 1;' }, imports: '' },
  {
    rule: RULES.ownEntrypoint,
    file: { path: 'entrypoints/options/Sites.tsx', text: "import { App } from '../popup/App';" },
    imports: '../popup/App',
  },
  {
    rule: RULES.shippedGlossary,
    file: { path: 'glossary/fuzzy.ts', text: "import { readFileSync } from 'node:fs';" },
    imports: 'node:fs',
  },
  {
    rule: RULES.shippedGlossary,
    file: { path: 'glossary/abbreviations/reader.ts', text: "import { browser } from 'wxt/browser';" },
    imports: 'wxt/browser',
  },
  {
    rule: RULES.shippedGlossary,
    file: { path: 'glossary/normalise.ts', text: "import { build } from './build/build';" },
    imports: './build/build',
  },
  {
    rule: RULES.shippedGlossary,
    file: { path: 'glossary/page-text.ts', text: 'export const text = () => document.title;' },
    imports: '(a DOM or browser global)',
  },
  {
    rule: RULES.cli,
    file: { path: 'glossary/cli/popup.ts', text: "import { App } from '../../entrypoints/popup/App';" },
    imports: '../../entrypoints/popup/App',
  },
  {
    rule: RULES.popoverLeaf,
    file: { path: 'entrypoints/content/popover/Card.tsx', text: "import { terms } from '../terms/index-terms';" },
    imports: '../terms/index-terms',
  },
  {
    rule: RULES.pipeline,
    file: { path: 'entrypoints/content/scan/caret.ts', text: "import { hover } from '../hover/hover';" },
    imports: '../hover/hover',
  },
  {
    rule: RULES.pipeline,
    file: { path: 'entrypoints/content/terms/order.ts', text: "import { startSession } from '../session';" },
    imports: '../session',
  },
];

describe('the import checker', () => {
  it('passes a tree that follows the rules', () => {
    expect(checkImports(LAWFUL)).toEqual([]);
  });

  it.each(cases)('names the file and the rule: $rule ($file.path)', ({ rule, file, imports }) => {
    expect(checkImports([...LAWFUL, file])).toEqual([{ file: file.path, imports, rule }]);
  });

  it('finds an import circle and names its files', () => {
    const a = { path: 'entrypoints/content/popover/a.ts', text: "import { b } from './b';" };
    const b = { path: 'entrypoints/content/popover/b.tsx', text: "import type { a } from './a';" };
    expect(checkImports([...LAWFUL, a, b])).toEqual([
      { file: a.path, imports: `${a.path} → ${b.path}`, rule: RULES.circle },
    ]);
  });

  it('reads multi-line, type-only, side-effect and dynamic imports, and not commented-out ones', () => {
    const text = [
      "import {\n  a,\n  b,\n} from './a';",
      "import type { C } from './c';",
      "export { d } from './d';",
      "import './e.css';",
      "const f = await import('./f');",
      "// import { g } from './g';",
      "/* import { h } from './h'; */",
      "const s = 'from here';",
    ].join('\n');
    expect(readImports(text).sort()).toEqual(['./a', './c', './d', './e.css', './f']);
  });
});
