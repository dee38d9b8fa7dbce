/**
 * A steady-state poll where nothing changed: 46 feeds on a local server that honours ETag and Last-Modified.
 * The first (cold) poll reads every body; the second should be answered almost entirely by 304 with no body read.
 * Reports requests, % answered 304, body bytes sent and read, against the cold poll in the same run.
 * `npx tsx bench/steady-state-poll.ts`, or through `npm run bench`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Sleep } from '../src/core/platform.ts';
import { pollSources, type PollReport } from '../src/core/sources/poll-sources.ts';
import type { Source, SourceHealth } from '../src/core/sources/source.ts';
import { generateFeeds } from './pipeline-feeds.ts';

export const name = 'steady-state-poll';

interface Tally {
  requests: number;
  notModified: number;
  bodyBytesSent: number;
  headerBytesReceived: number;
}

const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<Record<string, string | number>[]> {
  const feeds = generateFeeds(Date.parse('2026-11-24T09:00:00Z'));
  const lastModified = new Date('2026-11-24T09:00:00Z').toUTCString();
  const byPath = new Map(
    feeds.map((feed, index) => {
      const body = Buffer.from(feed.xml, 'utf8');
      return [`/feeds/${index}.rss`, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` }];
    }),
  );
  let tally: Tally = { requests: 0, notModified: 0, bodyBytesSent: 0, headerBytesReceived: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    tally.requests++;
    tally.headerBytesReceived += req.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
    const feed = byPath.get(req.url ?? '');
    if (!feed) {
      res.writeHead(404).end();
      return;
    }
    const validators = { etag: feed.etag, 'last-modified': lastModified };
    const etagMatches = req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === feed.etag);
    const notModifiedSince = !req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified;
    if (etagMatches || notModifiedSince) {
      tally.notModified++;
      res.writeHead(304, validators).end();
      return;
    }
    tally.bodyBytesSent += feed.body.length;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': String(feed.body.length), ...validators }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sources: Source[] = feeds.map((feed, index) => ({ id: feed.sourceId, kind: 'rss', url: `${base}/feeds/${index}.rss`, label: feed.town }));

  const poll = (health: Record<string, SourceHealth>): Promise<PollReport> =>
    // One local host stands in for 46 real ones: no politeness gap, or the bench would measure waiting.
    pollSources(sources, health, { fetch: (url, init) => fetch(url, init), clock: systemClock, sleep, random: Math.random, hostGapMs: 0 });

  try {
    const cold = await poll({});
    const coldTally = tally;
    tally = { requests: 0, notModified: 0, bodyBytesSent: 0, headerBytesReceived: 0 };
    const steady = await poll(cold.healthById);
    const steadyTally = tally;
    const row = (label: string, report: PollReport, counts: Tally) => {
      const bytesRead = report.sources.reduce((sum, entry) => sum + (entry.result?.bytesRead ?? 0), 0);
      return {
        poll: label,
        requests: counts.requests,
        '% answered 304': Math.round((counts.notModified / Math.max(1, counts.requests)) * 1000) / 10,
        'body bytes sent': counts.bodyBytesSent,
        'body bytes read': bytesRead,
        'request header bytes': counts.headerBytesReceived,
        items: report.items.length,
      };
    };
    const coldRow = row('cold (first poll)', cold, coldTally);
    const steadyRow = row('steady state (nothing changed)', steady, steadyTally);
    return [
      coldRow,
      steadyRow,
      {
        poll: 'steady ÷ cold',
        requests: Math.round((steadyRow.requests / coldRow.requests) * 100) / 100,
        '% answered 304': steadyRow['% answered 304'] >= 95 ? 'goal met (≥95%)' : 'goal missed (<95%)',
        'body bytes sent': Math.round((steadyRow['body bytes sent'] / Math.max(1, coldRow['body bytes sent'])) * 1000) / 1000,
        'body bytes read': Math.round((steadyRow['body bytes read'] / Math.max(1, coldRow['body bytes read'])) * 1000) / 1000,
        'request header bytes': Math.round((steadyRow['request header bytes'] / coldRow['request header bytes']) * 100) / 100,
        items: '',
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (process.argv[1]?.endsWith('steady-state-poll.ts')) {
  console.log('\nSteady-state poll: 46 feeds, nothing changed between polls');
  console.table(await run());
}
