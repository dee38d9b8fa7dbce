import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HttpError } from './http-error.ts';
import type { RelayDeps } from './relay-deps.ts';
import { circleRoutes } from './routes/circle-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { pushRoutes } from './routes/push-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';
import { hasIndex, staticFiles } from './static-files.ts';

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The relay's HTTP app, built from its dependencies; `listen` is the caller's business. */
export async function buildApp(deps: RelayDeps): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    logger: false,
    bodyLimit: deps.settings.bodyLimitBytes,
    // Keep-alive connections that sit idle are closed on shutdown; requests in progress are let finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    trustProxy: deps.settings.trustProxy ?? false,
  };
  const app = Fastify(options);

  app.addHook('onRequest', async (request) => {
    (request as unknown as { startedAt: number }).startedAt = performance.now();
  });
  // One line per request. The route pattern, not the URL: ids stay out of the log, tokens and bodies always do.
  app.addHook('onResponse', async (request, reply) => {
    deps.log({
      msg: 'request',
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round((performance.now() - (request as unknown as { startedAt: number }).startedAt) * 10) / 10,
    });
  });

  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => {
    if (error instanceof HttpError) {
      reply.code(error.status).headers(error.headers).send(errorBody(error.code, error.message));
      return;
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      reply.code(413).send(errorBody('body_too_large', `body: larger than ${deps.settings.bodyLimitBytes} bytes`));
    } else if (status === 415) {
      reply.code(415).send(errorBody('unsupported_media_type', 'content-type: send application/json'));
    } else if (status === 400) {
      reply.code(400).send(errorBody('invalid_input', `body: ${error.message}`));
    } else if (status < 500) {
      reply.code(status).send(errorBody(error.code ?? 'bad_request', error.message));
    } else {
      deps.log({ level: 'error', msg: 'unhandled', error: error.message });
      reply.code(500).send(errorBody('internal', 'the relay failed; nothing was saved from this request'));
    }
  });

  const serveApp = hasIndex(deps.settings.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Only in-app paths get the shell: a missing file (an old hashed asset) must 404, or the browser would run HTML as a script.
    if (serveApp && request.method === 'GET' && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    reply.code(404);
    return errorBody('not_found', `${request.method} ${request.url.split('?')[0]}: no such route`);
  });

  healthRoutes(app, deps);
  circleRoutes(app, deps);
  syncRoutes(app, deps);
  pushRoutes(app, deps);
  if (serveApp) await staticFiles(app, deps.settings.staticDir!);
  return app;
}
