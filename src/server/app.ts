import { createServer } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorBody, errorHandler, frameworkErrors } from './error-envelope.ts';
import { withDefaults, type RelayDepsInput } from './relay-deps.ts';
import { registerLimits } from './request-limits.ts';
import { circleRoutes } from './routes/circle-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { pushRoutes } from './routes/push-routes.ts';
import { syncRoutes } from './routes/sync-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { hasIndex, staticFiles } from './static-files.ts';

/** The relay's HTTP app, built from its dependencies; `listen` is the caller's business. */
export async function buildApp(input: RelayDepsInput): Promise<FastifyInstance> {
  const deps = withDefaults(input);
  const { timeouts } = deps.settings;
  const app = Fastify({
    logger: false,
    bodyLimit: deps.settings.bodyLimitBytes,
    // Keep-alive connections that sit idle are closed on shutdown; requests in progress are let finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    trustProxy: deps.settings.trustProxy || false,
    routerOptions: { maxParamLength: 100 },
    frameworkErrors,
    // Slow clients are cut: the whole request (headers and body) must arrive within requestMs, and Node checks
    // every second rather than every 30 s; idle keep-alive connections close after keepAliveMs.
    serverFactory: (handler) => {
      const server = createServer({
        requestTimeout: timeouts.requestMs,
        headersTimeout: Math.min(timeouts.requestMs, 10_000),
        keepAliveTimeout: timeouts.keepAliveMs,
        connectionsCheckingInterval: Math.min(1_000, timeouts.requestMs),
      }, handler);
      return server;
    },
    // verbose: errors carry their schema, whose description is the message; no coercion: a string is not an array.
    ajv: { customOptions: { verbose: true, coerceTypes: false } },
  });

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

  app.setErrorHandler(errorHandler(deps.log, deps.settings.bodyLimitBytes));
  await securityHeaders(app);
  const limits = await registerLimits(app, deps.settings.limits, deps.limitClock);

  const serveApp = hasIndex(deps.settings.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const reads = request.method === 'GET' || request.method === 'HEAD';
    // Only in-app paths get the shell: a missing file (an old hashed asset) must 404, or the browser would run HTML as a script.
    if (serveApp && reads && !path.startsWith('/api/') && !/\.[A-Za-z0-9]+$/.test(path)) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    reply.code(404);
    return errorBody('not_found', `${request.method} ${path}: no such route`);
  });

  healthRoutes(app, deps, limits);
  circleRoutes(app, deps, limits);
  syncRoutes(app, deps, limits);
  pushRoutes(app, deps, limits);
  if (serveApp) await staticFiles(app, deps.settings.staticDir!);
  return app;
}
