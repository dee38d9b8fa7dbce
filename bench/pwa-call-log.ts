/**
 * `npx tsx bench/pwa-call-log.ts`: the carer app's call log in real Chromium with 10,000 entries against a baseline
 * of 100 in the same run: time from opening Calls to the first page of entries on screen, and to apply a filter.
 * Data goes in through Settings → Restore, the path a carer uses. Ratios, not absolute times, are the figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { OUTCOMES, type CallRecord } from '../src/core/calls/call.ts';
import { TACTICS } from '../src/core/detect/vocabulary.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startRelay } from '../tests/helpers/start-relay.ts';
import { isMain, printTable, round } from './relay-bench-support.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;

/** A backup with `count` calls spread over two people and two years; deterministic. */
export function backupWithCalls(count: number): string {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const hlc = '1764000000000-0000-bench';
  const people = ['p1', 'p2'].map((id, index) => ({ id, hlc, name: index ? 'Arthur' : 'Joan', postcode: 'CO7 6AA', postcodeChecked: true, phones: [], banks: [], familyNumbers: [] }));
  const start = Date.parse('2025-01-01T00:00:00Z');
  const calls: CallRecord[] = Array.from({ length: count }, (_, index) => ({
    id: `c${String(index).padStart(6, '0')}`,
    hlc,
    personId: index % 2 ? 'p2' : 'p1',
    at: new Date(start + Math.floor(random() * 700 * 86_400_000)).toISOString(),
    numberWithheld: random() < 0.5,
    callerKind: 'police',
    tactics: TACTICS.filter(() => random() < 0.3),
    outcomes: [OUTCOMES[Math.floor(random() * OUTCOMES.length)]!],
    bankTold: false,
    notes: `Call number ${index}`,
  }));
  return JSON.stringify({ format: 'kinwatch-backup', version: 1, settings: {}, tables: { people, calls, checklist: [], alerts: [], checkIns: [] } });
}

async function timed(action: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(page: Page, count: number): Promise<{ render: number; filter: number }> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(backupWithCalls(count)) });
  await page.getByText(`Restored 2 people, ${count} calls`).waitFor({ timeout: 120_000 });
  const renders: number[] = [];
  const filters: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await nav.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kinwatch' }).waitFor();
    renders.push(
      await timed(async () => {
        await nav.getByRole('link', { name: 'Calls', exact: true }).click();
        await page.getByText(new RegExp(`^Showing \\d+ of ${count} calls\\.$`)).waitFor({ timeout: 60_000 });
      }),
    );
    filters.push(
      await timed(async () => {
        await page.getByLabel('Show calls to').selectOption('p2');
        await page.getByText(new RegExp(`^Showing \\d+ of ${count / 2} calls\\.$`)).waitFor({ timeout: 60_000 });
      }),
    );
  }
  return { render: median(renders), filter: median(filters) };
}

export async function benchCallLog(): Promise<Record<string, string | number>[]> {
  if (!existsSync(`${root}dist/pwa/index.html`)) spawnSync('npx', ['tsx', 'src/cli/build.ts', '--only', 'pwa'], { cwd: root, stdio: 'inherit' });
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(relay.url);
    const baseline = await measure(page, 100);
    const large = await measure(page, 10_000);
    return [
      { measure: 'open Calls → first page shown', '100 calls ms': round(baseline.render), '10,000 calls ms': round(large.render), ratio: round(large.render / baseline.render, 2) },
      { measure: 'filter by person → first page shown', '100 calls ms': round(baseline.filter), '10,000 calls ms': round(large.filter), ratio: round(large.filter / baseline.filter, 2) },
    ];
  } finally {
    await browser.close();
    await relay.stop();
  }
}

export const name = 'pwa-call-log';
export async function run(): Promise<void> {
  printTable(`Carer app call log, median of ${RUNS} runs (10,000 vs 100 calls)`, await benchCallLog());
}

if (isMain(import.meta.url)) await run();
