/**
 * The glossary entries' names (terms, expansions, aliases), which the content script's reader
 * does not bundle: its first marks do not need them, and they are a fifth of its bytes, all of
 * which the browser must fetch and parse before the reader runs. The reader loads this file
 * once its first marks are painted and waits for it only where a name is needed (the card, the
 * page's own definitions, the reader's own terms): see glossary/match-data.ts. The build keeps
 * only the names in this file's copy of the pack (wxt.config.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import pack from '../../glossary/generated/match-pack.json';
import { isMatchNames } from '../../glossary/match-pack';
import { offerMatchNames } from '../content/reader-handoff';

export default defineUnlistedScript(() => {
  if (isMatchNames(pack)) offerMatchNames(pack);
});
