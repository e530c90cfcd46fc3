/**
 * Serves the benchmark's pages on 127.0.0.1 (port 0). By default every response is cross-origin isolated
 * (COOP + COEP), which gives the pass bench's pages a 5 µs performance.now() instead of 100 µs; the
 * page-load bench serves them as ordinary pages (`isolated: false`), because real pages do not send those
 * headers and they change how extension resources load. Anything not in the page list is a 404.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchPage } from './corpus';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function startBenchServer(pages: BenchPage[], { isolated = true } = {}): Promise<BenchServer> {
  const byPath = new Map(pages.map((p) => [`/${p.id}`, p]));
  const bodies = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    let path = '/';
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      /* 404 below */
    }
    const page = byPath.get(path);
    const headers: Record<string, string> = isolated
      ? { 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
      : { 'cache-control': 'no-store' };
    if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    let body = bodies.get(path);
    if (!body) bodies.set(path, (body = page.html()));
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
