import { describe, expect, it } from 'vitest';
import {
  MAX_ENTRY_IDS,
  MAX_PAGE_TERMS,
  entriesRequest,
  isEntriesRequest,
  parseEntriesResponse,
  PAGE_TERMS_REQUEST_TYPE,
  isPageTermsRequest,
  pageTermsRequest,
  parsePageTermsResponse,
  explainInFrameRequest,
  isExplainSelectionRequest,
  isSiteStateReport,
  siteStateReport,
} from '../../../utils/messages';

describe('isPageTermsRequest', () => {
  it('accepts the request', () => {
    expect(PAGE_TERMS_REQUEST_TYPE).toBe('termlight:page-terms');
    expect(isPageTermsRequest({ type: 'termlight:page-terms' })).toBe(true);
    expect(isPageTermsRequest(pageTermsRequest)).toBe(true);
    // Structured clone keeps the shape: what the content script actually receives.
    expect(isPageTermsRequest(structuredClone(pageTermsRequest))).toBe(true);
  });

  it.each([
    [undefined],
    [null],
    ['termlight:page-terms'],
    [['termlight:page-terms']],
    [{}],
    [{ type: 'termlight:other' }],
    [{ type: 'TERMLIGHT:PAGE-TERMS' }],
    [{ kind: 'termlight:page-terms' }],
  ])('rejects %j', (x) => {
    expect(isPageTermsRequest(x)).toBe(false);
  });
});

describe('parsePageTermsResponse', () => {
  it('accepts a well-formed reply', () => {
    const reply = {
      host: 'example.org',
      terms: [{ id: 'pd-l1', count: 3 }, { id: 'immunotherapy', count: 1 }],
      pageDefined: [{ term: 'NLR', meaning: 'neutrophil-to-lymphocyte ratio', count: 2, conflict: false }],
    };
    expect(parsePageTermsResponse(reply)).toEqual(reply);
  });

  it('accepts a null host and no terms, and a reply from an older content script without page terms', () => {
    expect(parsePageTermsResponse({ host: null, terms: [] })).toEqual({ host: null, terms: [], pageDefined: [] });
  });

  it('copies only the known fields', () => {
    const parsed = parsePageTermsResponse({
      host: 'example.org',
      terms: [{ id: 'pd-l1', count: 2, extra: '<b>' }],
      extra: true,
    });
    expect(parsed).toEqual({ host: 'example.org', terms: [{ id: 'pd-l1', count: 2 }], pageDefined: [] });
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed?.terms[0]).not.toHaveProperty('extra');
  });

  const ok = { id: 'pd-l1', count: 1 };
  it.each([
    ['undefined (no listener answered)', undefined],
    ['null', null],
    ['a string', 'example.org'],
    ['an array', [ok]],
    ['no host key', { terms: [ok] }],
    ['an empty host', { host: '', terms: [ok] }],
    ['a numeric host', { host: 42, terms: [ok] }],
    ['a very long host', { host: 'a'.repeat(501), terms: [] }],
    ['no terms', { host: 'example.org' }],
    ['terms not an array', { host: 'example.org', terms: { 'pd-l1': 1 } }],
    ['a term that is not an object', { host: 'example.org', terms: ['pd-l1'] }],
    ['a null term', { host: 'example.org', terms: [null] }],
    ['an empty id', { host: 'example.org', terms: [{ id: '', count: 1 }] }],
    ['a numeric id', { host: 'example.org', terms: [{ id: 7, count: 1 }] }],
    ['a missing count', { host: 'example.org', terms: [{ id: 'pd-l1' }] }],
    ['a zero count', { host: 'example.org', terms: [{ id: 'pd-l1', count: 0 }] }],
    ['a negative count', { host: 'example.org', terms: [{ id: 'pd-l1', count: -2 }] }],
    ['a fractional count', { host: 'example.org', terms: [{ id: 'pd-l1', count: 1.5 }] }],
    ['a NaN count', { host: 'example.org', terms: [{ id: 'pd-l1', count: NaN }] }],
    ['an infinite count', { host: 'example.org', terms: [{ id: 'pd-l1', count: Infinity }] }],
    ['a string count', { host: 'example.org', terms: [{ id: 'pd-l1', count: '3' }] }],
    ['a duplicate id', { host: 'example.org', terms: [ok, ok] }],
    ['one bad term among good ones', { host: 'example.org', terms: [ok, { id: 'x', count: 0 }] }],
    ['page terms not an array', { host: 'example.org', terms: [], pageDefined: 'NLR' }],
    ['a page term without a meaning', { host: 'example.org', terms: [], pageDefined: [{ term: 'NLR', count: 1, conflict: false }] }],
    ['a page term too long', { host: 'example.org', terms: [], pageDefined: [{ term: 'N'.repeat(61), meaning: 'x', count: 1, conflict: false }] }],
    ['a page meaning too long', { host: 'example.org', terms: [], pageDefined: [{ term: 'NLR', meaning: 'x'.repeat(501), count: 1, conflict: false }] }],
    ['a page term with a zero count', { host: 'example.org', terms: [], pageDefined: [{ term: 'NLR', meaning: 'x', count: 0, conflict: false }] }],
    ['a page term without its conflict flag', { host: 'example.org', terms: [], pageDefined: [{ term: 'NLR', meaning: 'x', count: 1 }] }],
    ['too many terms', { host: 'example.org', terms: Array.from({ length: MAX_PAGE_TERMS + 1 }, (_, i) => ({ id: `t${i}`, count: 1 })) }],
  ])('rejects %s', (_label, x) => {
    expect(parsePageTermsResponse(x)).toBeNull();
  });
});

describe('isEntriesRequest', () => {
  it('accepts a request, also after structured cloning', () => {
    expect(isEntriesRequest(entriesRequest(['pd-l1', 'pd-1']))).toBe(true);
    expect(isEntriesRequest(structuredClone(entriesRequest([])))).toBe(true);
  });

  it.each([
    ['no ids', { type: 'termlight:entries' }],
    ['ids not an array', { type: 'termlight:entries', ids: 'pd-l1' }],
    ['a numeric id', { type: 'termlight:entries', ids: [1] }],
    ['an empty id', { type: 'termlight:entries', ids: [''] }],
    ['too many ids', { type: 'termlight:entries', ids: Array.from({ length: MAX_ENTRY_IDS + 1 }, (_, i) => `t${i}`) }],
    ['another type', { type: 'termlight:page-terms', ids: [] }],
  ])('rejects %s', (_label, x) => {
    expect(isEntriesRequest(x)).toBe(false);
  });
});

describe('parseEntriesResponse', () => {
  const entry = {
    id: 'pd-l1',
    term: 'PD-L1',
    expansion: 'programmed death-ligand 1',
    aliases: ['PD-L1'],
    pronunciation: 'P D L one',
    category: 'biomarkers',
    definition: 'A protein on some cells.',
    related: ['pd-1'],
    passages: ['A passage.'],
    articleNote: { text: 'Now a standard test.', asOf: '2026-12' },
    checkedAgainst: ['NCI Dictionary of Cancer Terms: PD-L1'],
    reviewed: '2026-12-05',
  };

  it('accepts entries, with or without the optional fields, copying only known fields', () => {
    const { expansion: _e, pronunciation: _p, articleNote: _n, ...bare } = entry;
    const parsed = parseEntriesResponse({ entries: [{ ...entry, extra: '<b>', articleNote: { ...entry.articleNote, extra: 1 } }, bare], extra: 1 });
    expect(parsed).toEqual({ entries: [entry, bare] });
    expect(parsed?.entries[0]).not.toHaveProperty('extra');
    expect(parsed?.entries[0]?.articleNote).not.toHaveProperty('extra');
    for (const key of ['expansion', 'pronunciation', 'articleNote']) expect(parsed?.entries[1]).not.toHaveProperty(key);
  });

  it.each([
    ['undefined (nothing answered)', undefined],
    ['no entries', {}],
    ['entries not an array', { entries: entry }],
    ['a null entry', { entries: [null] }],
    ['a missing definition', { entries: [{ ...entry, definition: undefined }] }],
    ['a numeric term', { entries: [{ ...entry, term: 1 }] }],
    ['an empty term', { entries: [{ ...entry, term: '' }] }],
    ['an unknown category', { entries: [{ ...entry, category: 'gossip' }] }],
    ['a category of the old data model', { entries: [{ ...entry, category: 'biomarker' }] }],
    ['a numeric pronunciation', { entries: [{ ...entry, pronunciation: 1 }] }],
    ['no checkedAgainst', { entries: [{ ...entry, checkedAgainst: undefined }] }],
    ['checkedAgainst not strings', { entries: [{ ...entry, checkedAgainst: [{ name: 'NCI' }] }] }],
    ['no reviewed date', { entries: [{ ...entry, reviewed: undefined }] }],
    ['an article note without asOf', { entries: [{ ...entry, articleNote: { text: 'x' } }] }],
    ['an article note that is text', { entries: [{ ...entry, articleNote: 'x' }] }],
    ['a numeric expansion', { entries: [{ ...entry, expansion: 1 }] }],
    ['passages not strings', { entries: [{ ...entry, passages: [1] }] }],
    ['related not an array', { entries: [{ ...entry, related: 'pd-1' }] }],
    ['one bad entry among good ones', { entries: [entry, { ...entry, aliases: null }] }],
  ])('rejects %s', (_label, x) => {
    expect(parseEntriesResponse(x)).toBeNull();
  });
});

describe('the right-click explain request and the site-state report', () => {
  it('accepts the request for one frame, and no other value of its flag', () => {
    expect(isExplainSelectionRequest(structuredClone(explainInFrameRequest))).toBe(true);
    expect(isExplainSelectionRequest({ type: 'termlight:explain-selection', toFrame: false })).toBe(false);
    expect(isExplainSelectionRequest({ type: 'termlight:explain-selection', toFrame: 'yes' })).toBe(false);
  });

  it('accepts a site-state report with a boolean, and nothing else', () => {
    expect(isSiteStateReport(structuredClone(siteStateReport(true)))).toBe(true);
    expect(isSiteStateReport(siteStateReport(false))).toBe(true);
    for (const bad of [null, {}, { type: 'termlight:site-state' }, { type: 'termlight:site-state', siteOff: 1 }, { type: 'x', siteOff: true }]) {
      expect(isSiteStateReport(bad)).toBe(false);
    }
  });
});
