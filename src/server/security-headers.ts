import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Headers on every response, the app's and the API's (helmet's defaults plus a strict policy):
 * - Content-Security-Policy: scripts, styles and workers only from this relay (the carer app has no inline script or
 *   style); pages may not be framed (clickjacking); no plugins; no <base> rewriting.
 *   connect-src allows https anywhere because the postcode service is the user's choice (postcodes.io by default),
 *   and http on loopback for a postcode service or relay run on the same machine.
 * - X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (an invite link's path must not leak).
 * - Cache-Control: no-store on API responses: they carry device tokens and circle data.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Same-origin isolation headers would block nothing the app does and are left at helmet's defaults.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
