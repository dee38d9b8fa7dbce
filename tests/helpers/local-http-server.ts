import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it, for assertions such as "the second poll sent If-None-Match". */
export interface LoggedRequest {
  method: string;
  /** Path plus query, e.g. "/rss?x=1". */
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A route table: keys are "/path" (any method) or "GET /path"; a value is a handler or a canned reply.
 * Unmatched requests get 404.
 */
export type RouteReply =
  | RequestHandler
  | { status?: number; headers?: Record<string, string>; body?: string | Uint8Array };
export type RouteTable = Record<string, RouteReply>;

export interface LocalServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/** Starts a throwaway HTTP server on 127.0.0.1 with an OS-chosen port. Always `await close()` in afterEach/afterAll. */
export async function startLocalServer(handlerOrRoutes: RequestHandler | RouteTable): Promise<LocalServer> {
  const requests: LoggedRequest[] = [];
  const handler = typeof handlerOrRoutes === 'function' ? handlerOrRoutes : routeTableHandler(handlerOrRoutes);
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, at: Date.now() });
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`handler failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Streaming or hanging handlers would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function routeTableHandler(routes: RouteTable): RequestHandler {
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const reply = routes[`${req.method ?? 'GET'} ${path}`] ?? routes[path];
    if (reply === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no route for ${req.method} ${path}`);
      return;
    }
    if (typeof reply === 'function') {
      await reply(req, res);
      return;
    }
    res.writeHead(reply.status ?? 200, reply.headers ?? {});
    res.end(reply.body ?? '');
  };
}
