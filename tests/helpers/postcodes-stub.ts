import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startLocalServer, type LoggedRequest } from './local-http-server.ts';

/**
 * A postcodes.io stand-in for tests: /postcodes/{pc}, /postcodes?lon=&lat= (reverse), /outcodes/{oc} and /places?q=,
 * answering in postcodes.io's real shapes ({status, result} or {status, error}) from tests/fixtures/postcodes.
 */
export interface PostcodesStub {
  /** Base URL to pass as `baseUrl` or KINWATCH_POSTCODES_API, e.g. "http://127.0.0.1:40123". */
  url: string;
  requests: LoggedRequest[];
  /** Makes requests whose path starts with `pathPrefix` (e.g. "/postcodes/CO7") answer `status` until cleared. */
  failPath(pathPrefix: string, status: number): void;
  clearFailures(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const fixtures = fileURLToPath(new URL('../fixtures/postcodes/', import.meta.url));
const readJson = (name: string): Json => JSON.parse(readFileSync(fixtures + name, 'utf8')) as Json;

const FULL_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;

export interface PostcodesStubOptions {
  /** Extra or replacement postcode results keyed by postcode without spaces, uppercase. */
  postcodes?: Record<string, Json>;
  outcodes?: Record<string, Json>;
  places?: Json[];
}

export async function startPostcodesStub(options: PostcodesStubOptions = {}): Promise<PostcodesStub> {
  const postcodes: Record<string, Json> = { ...(readJson('postcodes.json') as Record<string, Json>), ...options.postcodes };
  const outcodes: Record<string, Json> = { ...(readJson('outcodes.json') as Record<string, Json>), ...options.outcodes };
  const places: Json[] = [...((readJson('places.json').places as Json[]) ?? []), ...(options.places ?? [])];
  delete postcodes._about;
  delete outcodes._about;
  const failures = new Map<string, number>();

  const send = (res: ServerResponse, status: number, body: Json): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname);
    for (const [prefix, status] of failures) {
      if (path.toUpperCase().startsWith(prefix.toUpperCase())) {
        send(res, status, { status, error: status >= 500 ? 'Internal server error' : 'Failure' });
        return;
      }
    }
    const postcodeMatch = /^\/postcodes\/(.+)$/.exec(path);
    if (postcodeMatch) {
      const key = (postcodeMatch[1] ?? '').replace(/\s+/g, '').toUpperCase();
      const result = postcodes[key];
      if (result) send(res, 200, { status: 200, result });
      else send(res, 404, { status: 404, error: FULL_POSTCODE.test(key) ? 'Postcode not found' : 'Invalid postcode' });
      return;
    }
    if (path === '/postcodes' && url.searchParams.has('lat')) {
      send(res, 200, { status: 200, result: reverseGeocode(postcodes, url.searchParams) });
      return;
    }
    const outcodeMatch = /^\/outcodes\/(.+)$/.exec(path);
    if (outcodeMatch) {
      const result = outcodes[(outcodeMatch[1] ?? '').replace(/\s+/g, '').toUpperCase()];
      if (result) send(res, 200, { status: 200, result });
      else send(res, 404, { status: 404, error: 'Outcode not found' });
      return;
    }
    if (path === '/places') {
      const query = (url.searchParams.get('q') ?? url.searchParams.get('query') ?? '').trim().toLowerCase();
      if (!query) {
        send(res, 400, { status: 400, error: 'No query submitted. Remember to include query parameter' });
        return;
      }
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const result = places.filter((place) => String(place.name_1).toLowerCase().startsWith(query)).slice(0, limit);
      send(res, 200, { status: 200, result });
      return;
    }
    send(res, 404, { status: 404, error: 'Resource not found' });
  };

  const server = await startLocalServer(handler);
  return {
    url: server.url,
    requests: server.requests,
    failPath: (prefix, status) => void failures.set(prefix, status),
    clearFailures: () => failures.clear(),
    close: () => server.close(),
  };
}

/** Nearest fixture postcodes within `radius` metres (postcodes.io's default 100, max 2000), closest first, or null. */
function reverseGeocode(postcodes: Record<string, Json>, params: URLSearchParams): Json[] | null {
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lon') ?? params.get('longitude'));
  const radiusM = Math.min(Number(params.get('radius') ?? 100), 2000);
  const limit = Number(params.get('limit') ?? 10);
  const found = Object.values(postcodes)
    .map((result) => ({ ...result, distance: metresBetween(lat, lng, Number(result.latitude), Number(result.longitude)) }))
    .filter((result) => result.distance <= radiusM)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit);
  return found.length > 0 ? found : null;
}

function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
