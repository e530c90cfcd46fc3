/**
 * The verdict on one page from its three loads (two without Termlight, one with): which differences are
 * Termlight's, and which are the page's own (reported, not failed).
 */
import { compareDom, compareLayout, extraItems, type Difference } from './compare';
import type { VisitResult } from './visit';

export interface Verdict {
  name: string;
  /** Problems caused by Termlight: any one fails the page. */
  failures: string[];
  /** Facts worth knowing that are not Termlight's fault. */
  notes: string[];
  /** The page changes by itself so much that only an exact match could clear Termlight, and there was none. */
  unstable: boolean;
  highlights: number | null;
  ms: number;
}

/** Request URLs without query or fragment: pages add cache-busting parameters by themselves. */
function requestKey(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url;
  }
}

export function judge(name: string, plainA: VisitResult, plainB: VisitResult, withTermlight: VisitResult): Verdict {
  const failures: string[] = [];
  const notes: string[] = [];
  const verdict: Verdict = { name, failures, notes, unstable: false, highlights: withTermlight.highlights, ms: withTermlight.ms };

  if (withTermlight.failure && !plainA.failure && !plainB.failure) failures.push(`only with Termlight: ${withTermlight.failure}`);
  else if (withTermlight.failure || plainA.failure || plainB.failure) notes.push(`page failed to load: ${withTermlight.failure ?? plainA.failure ?? plainB.failure}`);
  for (const e of withTermlight.termlightErrors) failures.push(`error in Termlight: ${e}`);
  // Failed loads and web app manifest fetches are the browser's messages, not a script's: whether and how
  // often they come depends on timing, and a load Termlight caused would show up as its own request below.
  const BROWSER_MESSAGES = /Failed to load resource|Manifest fetch from .* failed/;
  const scriptErrors = (list: string[]) => list.filter((e) => !BROWSER_MESSAGES.test(e));
  for (const e of extraItems(scriptErrors(plainA.pageErrors), scriptErrors(plainB.pageErrors), scriptErrors(withTermlight.pageErrors))) {
    failures.push(`page error only with Termlight: ${e}`);
  }

  for (const u of new Set(withTermlight.termlightRequests)) failures.push(`request made by Termlight: ${u}`);
  const foreignPlain = new Set([...plainA.foreign, ...plainB.foreign].map(requestKey));
  const later = new Set(withTermlight.foreign.filter((u) => !foreignPlain.has(requestKey(u))));
  if (foreignPlain.size) notes.push(`${foreignPlain.size} foreign URL(s) asked for by the page itself (none left the machine)`);
  if (later.size) notes.push(`${later.size} more foreign URL(s) asked for by the page's own scripts in the (longer) Termlight load`);

  if (withTermlight.highlights === null && !withTermlight.failure) notes.push('Termlight did not start on this page');
  const [a, b, t] = [plainA.snapshot, plainB.snapshot, withTermlight.snapshot];
  if (a && b && t) {
    const dom = compareDom(a, b, t);
    verdict.unstable = dom.unstable;
    if (dom.unstable) notes.push('the page rebuilds itself between loads: DOM and layout could not be compared');
    if (dom.reordered) notes.push("the page's own nodes are in another order with Termlight (its scripts raced the parser); nothing added, removed or changed");
    const differences: Difference[] = [...dom.differences, ...(dom.differences.length || dom.reordered ? [] : compareLayout(a, b, t))];
    for (const d of differences) failures.push(`${d.kind === 'dom' ? 'DOM changed' : 'layout shift'}: ${d.detail}`);
  }
  const hover = withTermlight.hover;
  if (hover && t) {
    if (!hover.opened) failures.push('hovering a highlighted term did not open the popover');
    // Against the same load before hovering: only our own host may have appeared.
    const dom = compareDom(t, t, hover.after);
    for (const d of [...dom.differences, ...(dom.differences.length ? [] : compareLayout(t, t, hover.after))]) {
      failures.push(`${d.kind === 'dom' ? 'DOM changed' : 'layout shift'} when the popover opened: ${d.detail}`);
    }
  }
  return verdict;
}
