/**
 * Serves the bench's pages on 127.0.0.1 (port 0), as ordinary pages: no COOP/COEP (unlike the pass bench's
 * server), because real pages do not send them and they change how extension resources load.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchPage } from '../lib/corpus';

export async function startPageServer(pages: BenchPage[]): Promise<{ url: string; close(): Promise<void> }> {
  const byPath = new Map(pages.map((p) => [`/${p.id}`, p]));
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    let path = '/';
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      /* 404 */
    }
    const page = byPath.get(path);
    if (!page || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('not found\n');
      return;
    }
    let body = cache.get(path);
    if (!body) cache.set(path, (body = page.html()));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-store' });
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
