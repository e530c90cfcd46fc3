/**
 * The content script's big part (the reader: matcher, glossary match data, scanning, highlights,
 * card), built as its own file and loaded by the content script (entrypoints/content/index.ts)
 * only in frames worth reading, so the many frames and pages that are not never parse it.
 * Running it only hands the reader over; the loader starts it.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage } from '../content/reader';
import { offerReader } from '../content/reader-handoff';

export default defineUnlistedScript(() => offerReader(readPage));
