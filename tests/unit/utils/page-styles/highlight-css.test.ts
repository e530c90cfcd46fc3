import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_ROLES, highlightCss, isHighlightNames, type HighlightNames } from '../../../../utils/page-styles/highlight-css';

const NAMES: HighlightNames = { terms: 'qa1b2c3d4', page: 'wz9y8x7v6', soft: 'kk5j4h3g2', 'page-soft': 'mm0n1b2v3c', active: 'rr4t5y6u7' };

describe('highlightCss', () => {
  const css = highlightCss(NAMES);

  it('styles every role under its name, and names nothing else', () => {
    const used = [...css.matchAll(/::highlight\(([^)]*)\)/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(Object.values(NAMES)));
  });

  it('keeps the look: a dotted underline for terms, a tint for the soft style and the hovered term', () => {
    expect(css).toMatch(new RegExp(`::highlight\\(${NAMES.terms}\\)\\s*\\{[^}]*text-decoration-style: dotted`));
    expect(css).toMatch(new RegExp(`::highlight\\(${NAMES.soft}\\)\\s*\\{[^}]*background-color`));
    expect(css).toMatch(new RegExp(`::highlight\\(${NAMES.active}\\)\\s*\\{[^}]*background-color`));
  });

  it('carries no word that names us (comments are dropped)', () => {
    expect(css).not.toMatch(/termlight|glossary|cancer|\/\*/i);
  });
});

describe('isHighlightNames', () => {
  it('takes names as the content script makes them', () => {
    expect(isHighlightNames(NAMES)).toBe(true);
  });

  it.each([
    ['not an object', 'qa1b2c3d4'],
    ['a role missing', { ...NAMES, active: undefined }],
    ['two roles sharing a name', { ...NAMES, soft: NAMES.terms }],
    ['a name that would close the rule', { ...NAMES, terms: 'abcdefgh){}' }],
    ['a name too short', { ...NAMES, terms: 'abc' }],
    ['a name starting with a digit', { ...NAMES, terms: '1abcdefgh' }],
    ['capitals', { ...NAMES, terms: 'Termlight' }],
  ])('refuses %s', (_what, names) => {
    expect(isHighlightNames(names)).toBe(false);
  });

  it('knows the five roles the CSS is written for', () => {
    expect([...HIGHLIGHT_ROLES]).toEqual(['terms', 'page', 'soft', 'page-soft', 'active']);
  });
});
