/** Readable output of check:pages: one block per failing page, then a one-line summary. */
import type { Verdict } from './judge';

export function formatVerdicts(verdicts: readonly Verdict[], verbose = false): string {
  const out: string[] = [];
  for (const v of verdicts) {
    if (v.failures.length === 0 && !(verbose && v.notes.length)) continue;
    out.push(`${v.failures.length ? 'FAIL' : 'note'} ${v.name} (${v.highlights ?? 'no'} highlights, ${(v.ms / 1000).toFixed(1)} s)`);
    for (const f of v.failures) out.push(`  - ${f}`);
    if (verbose) for (const n of v.notes) out.push(`  · ${n}`);
  }
  return out.join('\n');
}

export function summaryLine(label: string, verdicts: readonly Verdict[], seconds: number): string {
  const failed = verdicts.filter((v) => v.failures.length).length;
  const unstable = verdicts.filter((v) => v.unstable).length;
  const extra = unstable ? `, ${unstable} changed by themselves (compared where they stayed put)` : '';
  return `check:pages ${label}: ${verdicts.length - failed} passed, ${failed} failed${extra}, in ${Math.round(seconds)} s`;
}
