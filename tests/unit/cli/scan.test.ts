import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../helpers/local-http-server.ts';
import { startPostcodesStub, type PostcodesStub } from '../../helpers/postcodes-stub.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const DAY = 86_400_000;

function scan(args: string[], postcodesApi: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/scan.ts', ...args],
      { cwd: root, env: { ...process.env, KINWATCH_POSTCODES_API: postcodesApi }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let postcodes: PostcodesStub;
let feeds: LocalServer;
beforeAll(async () => {
  postcodes = await startPostcodesStub();
  const feed = readFileSync(fileURLToPath(new URL('../../fixtures/postcodes/scan-feed.xml', import.meta.url)), 'utf8')
    .replace('{{DATE1}}', new Date(Date.now() - 3 * DAY).toUTCString())
    .replaceAll('{{DATE2}}', new Date(Date.now() - 1 * DAY).toUTCString());
  feeds = await startLocalServer({
    '/alerts.rss': { headers: { 'content-type': 'application/rss+xml' }, body: feed },
    '/broken.rss': { status: 500, body: 'oops' },
    '/forbidden.rss': { status: 403, body: 'no' },
    '/google-news.rss': {
      headers: { 'content-type': 'application/rss+xml' },
      body: `<rss version="2.0"><channel><title>search</title>${['Essex Echo', 'Colchester Gazette', 'Harwich Standard']
        .map(
          (outlet, n) =>
            `<item><title>Fake police officers con Colchester pensioner out of £8,000 - ${outlet}</title><link>https://news.google.com/rss/articles/CBMi${n}</link><guid isPermaLink="false">CBMi${n}</guid><pubDate>${new Date(Date.now() - DAY).toUTCString()}</pubDate><description>A pensioner in Colchester was called by a man claiming to be a detective who said her bank card had been cloned. A courier collected her card and PIN and she lost £8,000.</description><source url="https://${n}.example">${outlet}</source></item>`,
        )
        .join('')}</channel></rss>`,
    },
    '/error-page.rss': { headers: { 'content-type': 'application/rss+xml' }, body: '<!DOCTYPE html><html><body><h1>Sorry, something went wrong</h1></body></html>' },
    '/undated.rss': {
      headers: { 'content-type': 'application/rss+xml' },
      body: '<rss version="2.0"><channel><item><title>Fake police officers target pensioners in Colchester</title><link>https://archive.example.test/2012/fake-police</link><description>Three elderly residents in Colchester were called by a man claiming to be a detective who asked for their PIN. A courier collected their bank cards. One victim lost £4,000.</description></item></channel></rss>',
    },
  });
});
afterAll(async () => {
  await postcodes.close();
  await feeds.close();
});

describe('scan command', () => {
  it('prints a progress line per source and one spate for the incident near the postcode', async () => {
    const { code, stdout } = await scan(
      ['--postcode', 'co7 6aa', '--once', '--no-force-sources', '--source', `${feeds.url}/alerts.rss`, '--source', `${feeds.url}/broken.rss`],
      postcodes.url,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Kinwatch scan: CO7 6AA (Colchester) — Essex Police, within 15 km');
    expect(stdout).toMatch(/✓ 127\.0\.0\.1:\d+\/alerts\.rss — 3 items/);
    expect(stdout).toMatch(/✗ 127\.0\.0\.1:\d+\/broken\.rss — .*500/);
    const spates = stdout.split('\n').filter((line) => line.startsWith('● '));
    expect(spates).toEqual(['● Warning after fake police officers target pensioners in Colchester  [high · new]']);
    expect(stdout).toMatch(/Places: Colchester, Wivenhoe — \d+\.\d km away/);
    expect(stdout).toContain('£9,500 lost');
    expect(stdout).toContain('courier-collection');
    expect(stdout).toContain('https://alerts.example.test/messages/102');
    expect(stdout).not.toContain('burglary');
    // What was checked, said plainly: one of the two could not be reached.
    expect(stdout).toContain('Checked 2 sources: 1 read; 1 of 2 sources could not be reached.');
    expect(stdout).toContain('near CO7 6AA in the 1 of 2 sources that could be read:');
  }, 90_000);

  it('never says "no spates" when no source could be read, and exits 3', async () => {
    const { code, stdout } = await scan(
      ['--postcode', 'CO7 6AA', '--once', '--no-force-sources', '--source', `${feeds.url}/broken.rss`, '--source', `${feeds.url}/forbidden.rss`, '--source', `${feeds.url}/error-page.rss`],
      postcodes.url,
    );
    expect(code).toBe(3);
    expect(stdout).toMatch(/✗ .*403.* \[http_403\]/);
    expect(stdout).toMatch(/✗ 127\.0\.0\.1:\d+\/error-page\.rss — not a feed: .* \[not_a_feed\]/);
    expect(stdout).toContain('Checked 3 sources: 0 read; 3 of 3 sources could not be reached.');
    expect(stdout).toContain('No source could be read, so Kinwatch cannot say whether courier fraud is being reported near CO7 6AA.');
    expect(stdout).not.toMatch(/No courier-fraud spates reported/);
  }, 90_000);

  it('shows one report for one story in three papers, naming the outlets, not "- Outlet" in the headline', async () => {
    const { code, stdout } = await scan(['--postcode', 'CO7 6AA', '--once', '--no-force-sources', '--source', `${feeds.url}/google-news.rss`], postcodes.url);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ 127\.0\.0\.1:\d+\/\S+ — 1 item\n/);
    const sourceLines = stdout.split('\n').filter((line) => line.startsWith('    - '));
    expect(sourceLines).toEqual([
      expect.stringContaining(': Fake police officers con Colchester pensioner out of £8,000 (Essex Echo, Colchester Gazette, Harwich Standard) <https://news.google.com/rss/articles/CBMi0>'),
    ]);
  }, 90_000);

  it('does not alert on an undated article a source already had when first read', async () => {
    const { code, stdout } = await scan(['--postcode', 'CO7 6AA', '--once', '--no-force-sources', '--source', `${feeds.url}/undated.rss`], postcodes.url);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ 127\.0\.0\.1:\d+\/\S+ — 1 item\n/);
    expect(stdout.split('\n').filter((line) => line.startsWith('● '))).toEqual([]);
    // Set aside out loud, not silently: the family knows something was read and why it is not shown as new.
    expect(stdout).toContain('1 undated item already in the feeds when first read was set aside: its age is unknown, so it is not treated as new.');
    expect(stdout).toContain('No courier-fraud spates reported near CO7 6AA.');
  }, 90_000);

  it('rejects a wrong postcode with a clear message and exit code 2', async () => {
    const malformed = await scan(['--postcode', 'CO7 6A', '--once', '--no-force-sources', '--source', `${feeds.url}/alerts.rss`], postcodes.url);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('That doesn\'t look like a UK postcode: "CO7 6A"');
    const unknown = await scan(['--postcode', 'ZZ9 9ZZ', '--once', '--no-force-sources', '--source', `${feeds.url}/alerts.rss`], postcodes.url);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Postcode not found: ZZ9 9ZZ');
  }, 90_000);

  it('with the postcode service down: --once exits 1 saying so; watching, it keeps trying instead of ending', async () => {
    const down = 'http://127.0.0.1:9';
    const once = await scan(['--postcode', 'CO7 6AA', '--once', '--no-force-sources', '--source', `${feeds.url}/alerts.rss`], down);
    expect(once.code).toBe(1);
    expect(once.stderr).toContain('The postcode service could not be reached');

    const watching = spawn('npx', ['tsx', 'src/cli/scan.ts', '--postcode', 'CO7 6AA', '--interval', '1m', '--no-force-sources', '--source', `${feeds.url}/alerts.rss`], {
      cwd: root,
      env: { ...process.env, KINWATCH_POSTCODES_API: down },
      detached: true,
    });
    let stderr = '';
    watching.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect.poll(() => stderr, { timeout: 60_000, interval: 200 }).toContain('Trying again in 1 min');
      expect(watching.exitCode).toBeNull();
      expect(stderr).toContain('Nothing can be checked until the postcode is located.');
    } finally {
      process.kill(-watching.pid!, 'SIGTERM');
    }
  }, 90_000);
});
