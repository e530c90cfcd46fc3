/**
 * The names this page load registers its highlights under in `CSS.highlights`, as a constant for
 * the reader's modules (random, new for every page load and frame: highlight-styles-request.ts, which
 * makes them and asks for their rules).
 */
import type { HighlightNames } from '../../../utils/page-styles/highlight-css';
import { pageLoadStyles } from './highlight-styles-request';

export { createHighlightNames, randomHighlightName, requestHighlightStyles } from './highlight-styles-request';

/** This page load's names (the first stage and the reader share them: highlight-styles-request.ts). */
export const highlightNames: HighlightNames = pageLoadStyles().names;
