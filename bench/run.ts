/**
 * `npm run bench [-- NAME ...]`: runs every registered bench (or the named ones) one after another and prints each
 * one's table. Figures are ratios against a baseline measured in the same run; nothing here is asserted.
 * To add a bench: a module exporting `name` and `run()` (resolving to table rows, or printing its own), listed below.
 */
import { benchExtensionBundle } from './extension-bundle.ts';
import { benchExtensionPoll } from './extension-poll.ts';
import * as pipeline from './pipeline.ts';
import * as pwaBundle from './pwa-bundle.ts';
import * as pwaCallLog from './pwa-call-log.ts';
import { benchLoad } from './relay-load.ts';
import { benchPushFanOut } from './relay-push.ts';
import { benchSync } from './relay-sync.ts';
import * as steadyStatePoll from './steady-state-poll.ts';

export type BenchRow = Record<string, string | number>;

export interface Bench {
  name: string;
  /** Table rows to print, or nothing when the bench prints its own output. */
  run(): Promise<BenchRow[] | void>;
}

export const BENCHES: readonly Bench[] = [
  pipeline,
  steadyStatePoll,
  { name: 'extension-poll', run: benchExtensionPoll },
  { name: 'extension-bundle', run: async () => benchExtensionBundle() },
  pwaBundle,
  pwaCallLog,
  { name: 'relay-push', run: () => benchPushFanOut() },
  { name: 'relay-sync', run: () => benchSync() },
  { name: 'relay-load', run: () => benchLoad() },
];

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${BENCHES.map((bench) => bench.name).join(', ')}`);
    return 2;
  }
  let failed = 0;
  for (const bench of BENCHES.filter((entry) => wanted.length === 0 || wanted.includes(entry.name))) {
    console.log(`\n== ${bench.name}`);
    try {
      const rows = await bench.run();
      if (rows) console.table(rows);
    } catch (error) {
      failed++;
      console.error(`${bench.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('run.ts')) process.exitCode = await main();
