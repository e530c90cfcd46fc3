/** Spellings of glossary aliases that pages write, for tests of the matcher and the start filter. */
import { codeCuts } from '../../../glossary/code-names';

/** The alias with every code token split by a dash at each letter–digit change: "PD-L1" → "PD-L-1", "CD19" → "CD-19". */
export function dashSplitCodes(alias: string): string {
  return alias.replace(/[\p{L}\p{N}]+/gu, (token) => codeCuts(token).reduceRight((s, at) => `${s.slice(0, at)}-${s.slice(at)}`, token));
}
