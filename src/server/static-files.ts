import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built PWA. The service worker and the page shell are never cached by HTTP (an old worker would pin an
 * old app); hashed assets may be. Unknown paths outside /api get index.html, so deep links like /join open the app.
 */
export async function staticFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // Cache headers are set per file below; the plugin's own default would overwrite them.
    cacheControl: false,
    setHeaders(res, path) {
      if (/[\\/](sw|service-worker)\.js$/.test(path)) {
        res.setHeader('cache-control', 'no-cache');
        res.setHeader('service-worker-allowed', '/');
      } else if (path.endsWith('.html') || path.endsWith('.webmanifest')) res.setHeader('cache-control', 'no-cache');
      else if (/[\\/]assets[\\/]/.test(path)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

export function hasIndex(root: string | undefined): root is string {
  return root !== undefined && existsSync(join(root, 'index.html'));
}
