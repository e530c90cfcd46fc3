import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyBlocks } from '../../../entrypoints/privacy-policy/policy-blocks';
import { EXTENSION_DIR, ROOT } from '../../support/paths';

const POLICY = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');

describe('policyBlocks', () => {
  it('reads titles, headings, paragraphs joined from wrapped lines, and lists with wrapped items', () => {
    const md = '# Title\n\nIntro line one\nline two.\n\n## Part\nRight under.\n\n- One\n  wraps.\n- Two\n\n\n';
    expect(policyBlocks(md)).toEqual([
      { kind: 'title', text: 'Title' },
      { kind: 'paragraph', text: 'Intro line one line two.' },
      { kind: 'heading', text: 'Part' },
      { kind: 'paragraph', text: 'Right under.' },
      { kind: 'list', items: ['One wraps.', 'Two'] },
    ]);
  });

  it('keeps markup-looking text as text (the page renders text only)', () => {
    expect(policyBlocks('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', text: '<img src=x onerror=alert(1)>' }]);
  });
});

describe('PRIVACY.md, as the privacy page shows it', () => {
  const blocks = policyBlocks(POLICY);
  const texts = blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]));

  it('has one title, then sections', () => {
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Termlight privacy policy' });
    expect(blocks.filter((b) => b.kind === 'title')).toHaveLength(1);
    expect(blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(5);
  });

  it('uses only the Markdown the page understands, so no raw markup shows', () => {
    // Emphasis, code, links, tables, HTML, numbered lists, deeper headings.
    const unsupported = texts.filter((t) => /[*_`[\]<>|]|^\d+\.\s|^#/.test(t));
    expect(unsupported).toEqual([]);
  });

  it('answers what a store and a reader ask: what is read, kept, sent, and each permission', () => {
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual(
      expect.arrayContaining(['What Termlight reads', 'What Termlight keeps, and where', 'What Termlight sends', 'Permissions, and why Termlight asks for them']),
    );
    expect(POLICY).toMatch(/no analytics/);
  });

  it('explains every permission the built manifest asks for', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { permissions?: string[] };
    // How the policy names each permission; a new permission fails here until the policy explains it.
    const named: Record<string, string> = {
      storage: 'Storage:',
      contextMenus: 'Context menus:',
      scripting: 'Adding the underline style to the pages you visit ("scripting"',
    };
    const section = POLICY.slice(POLICY.indexOf('## Permissions'), POLICY.indexOf('\n## ', POLICY.indexOf('## Permissions') + 1));
    for (const permission of manifest.permissions ?? []) {
      expect(named[permission], `PRIVACY.md's name for "${permission}"`).toBeDefined();
      expect(section).toContain(`- ${named[permission]}`);
    }
  });
});
