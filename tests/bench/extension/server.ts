/**
 * The page-load bench serves its pages as ordinary pages: see startBenchServer's `isolated` option.
 */
import type { BenchPage } from '../lib/corpus';
import { startBenchServer, type BenchServer } from '../lib/bench-server';

export function startPageServer(pages: BenchPage[]): Promise<BenchServer> {
  return startBenchServer(pages, { isolated: false });
}
