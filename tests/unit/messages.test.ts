import { describe, expect, it } from 'vitest';
import {
  MAX_PAGE_TERMS,
  PAGE_TERMS_REQUEST_TYPE,
  isPageTermsRequest,
  pageTermsRequest,
  parsePageTermsResponse,
} from '../../components/messages';

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
    const reply = { host: 'example.org', terms: [{ id: 'pd-l1', count: 3 }, { id: 'immunotherapy', count: 1 }] };
    expect(parsePageTermsResponse(reply)).toEqual(reply);
  });

  it('accepts a null host and no terms', () => {
    expect(parsePageTermsResponse({ host: null, terms: [] })).toEqual({ host: null, terms: [] });
  });

  it('copies only the known fields', () => {
    const parsed = parsePageTermsResponse({
      host: 'example.org',
      terms: [{ id: 'pd-l1', count: 2, extra: '<b>' }],
      extra: true,
    });
    expect(parsed).toEqual({ host: 'example.org', terms: [{ id: 'pd-l1', count: 2 }] });
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
    ['too many terms', { host: 'example.org', terms: Array.from({ length: MAX_PAGE_TERMS + 1 }, (_, i) => ({ id: `t${i}`, count: 1 })) }],
  ])('rejects %s', (_label, x) => {
    expect(parsePageTermsResponse(x)).toBeNull();
  });
});
