/**
 * npm run eval -- DIR [--min-relevance X] [--min-place-recall X] [--min-place-precision X] [--min-tactic-f1 X]
 *                     [--min-impersonated X] [--min-counts X]
 * Scores the detection engine against DIR/gold.json and prints a table; exits 1 below a given minimum (each 0..1),
 * 2 when the gold file or a flag is wrong. `impersonated` is scored as categories (police, bank, hmrc, other-official).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPERSONATED_CATEGORIES, type Counts, type ImpersonatedCategory, type Tactic } from '../core/detect/vocabulary.ts';
import { placeKey } from '../core/geo/gazetteer.ts';
import { analyzeFileText, type AnalyzeLine } from './analyze.ts';

export interface GoldItem {
  file: string;
  relevant: boolean;
  places?: string[];
  tactics?: Tactic[];
  impersonated?: ImpersonatedCategory[];
  counts?: Counts;
}

export interface EvalReport {
  files: number;
  relevance: { precision: number; recall: number; accuracy: number };
  places: { recall: number; precision: number };
  tactics: { precision: number; recall: number; f1: number };
  impersonatedAgreement: number;
  countsAgreement: number;
  misses: string[];
}

const COUNT_KEYS = ['reports', 'targeted', 'victims', 'lossGBP'] as const;
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreAgainstGold(gold: GoldItem[], predicted: AnalyzeLine[]): EvalReport {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let placeHits = 0, placeGold = 0, placePredicted = 0, placeCorrect = 0;
  let tacticTp = 0, tacticFp = 0, tacticFn = 0;
  let impersonatedSame = 0, impersonatedTotal = 0;
  let countsSame = 0, countsTotal = 0;
  const misses: string[] = [];
  gold.forEach((item, index) => {
    const got = predicted[index]!;
    const miss = (what: string) => misses.push(`${item.file}: ${what}`);
    if (item.relevant && got.relevant) tp += 1;
    else if (!item.relevant && got.relevant) (fp += 1), miss(`judged relevant (score ${got.score}), gold says not`);
    else if (item.relevant && !got.relevant) (fn += 1), miss(`judged not relevant (score ${got.score}), gold says relevant`);
    else tn += 1;
    if (!item.relevant) return;

    const goldPlaces = new Set((item.places ?? []).map(placeKey));
    const gotPlaces = new Set(got.places.map(placeKey));
    for (const place of goldPlaces) if (gotPlaces.has(place)) placeHits += 1;
    placeGold += goldPlaces.size;
    for (const place of gotPlaces) if (goldPlaces.has(place)) placeCorrect += 1;
    placePredicted += gotPlaces.size;
    const missedPlaces = (item.places ?? []).filter((place) => !gotPlaces.has(placeKey(place)));
    const extraPlaces = got.places.filter((place) => !goldPlaces.has(placeKey(place)));
    if (missedPlaces.length) miss(`places missed: ${missedPlaces.join(', ')}`);
    if (extraPlaces.length) miss(`places extra: ${extraPlaces.join(', ')}`);

    const goldTactics = new Set(item.tactics ?? []);
    const gotTactics = new Set(got.tactics);
    for (const tactic of gotTactics) if (goldTactics.has(tactic)) tacticTp += 1; else tacticFp += 1;
    for (const tactic of goldTactics) if (!gotTactics.has(tactic)) tacticFn += 1;
    const missedTactics = [...goldTactics].filter((tactic) => !gotTactics.has(tactic));
    const extraTactics = [...gotTactics].filter((tactic) => !goldTactics.has(tactic));
    if (missedTactics.length) miss(`tactics missed: ${missedTactics.join(', ')}`);
    if (extraTactics.length) miss(`tactics extra: ${extraTactics.join(', ')}`);

    if (item.impersonated) {
      impersonatedTotal += 1;
      const same = [...new Set(item.impersonated)].sort().join('|') === [...new Set(got.impersonated)].sort().join('|');
      if (same) impersonatedSame += 1;
      else miss(`impersonated ${JSON.stringify(got.impersonated)}, gold ${JSON.stringify(item.impersonated)}`);
    }
    if (item.counts) {
      for (const key of COUNT_KEYS) {
        const want = item.counts[key];
        const have = got.counts[key];
        if (want === undefined && have === undefined) continue;
        countsTotal += 1;
        if (want === have) countsSame += 1;
        else miss(`counts.${key} ${have ?? '-'}, gold ${want ?? '-'}`);
      }
    }
  });
  const precision = ratio(tacticTp, tacticTp + tacticFp);
  const recall = ratio(tacticTp, tacticTp + tacticFn);
  return {
    files: gold.length,
    relevance: { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), accuracy: ratio(tp + tn, gold.length) },
    places: { recall: ratio(placeHits, placeGold), precision: ratio(placeCorrect, placePredicted) },
    tactics: { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) },
    impersonatedAgreement: ratio(impersonatedSame, impersonatedTotal),
    countsAgreement: ratio(countsSame, countsTotal),
    misses,
  };
}

export async function evaluateDirectory(dir: string): Promise<EvalReport> {
  let gold: { items?: GoldItem[] };
  try {
    gold = JSON.parse(await readFile(join(dir, 'gold.json'), 'utf8')) as { items?: GoldItem[] };
  } catch (error) {
    throw new Error(`cannot read ${join(dir, 'gold.json')}: ${(error as Error).message}`);
  }
  if (!Array.isArray(gold.items)) throw new Error(`${join(dir, 'gold.json')}: "items" must be a list`);
  const predicted: AnalyzeLine[] = [];
  for (const [index, item] of gold.items.entries()) {
    if (typeof item.file !== 'string') throw new Error(`gold.json items[${index}].file must be a path`);
    if (typeof item.relevant !== 'boolean') throw new Error(`gold.json items[${index}].relevant must be true or false`);
    const wrong = (item.impersonated ?? []).find((entry) => !(IMPERSONATED_CATEGORIES as readonly string[]).includes(entry));
    if (wrong !== undefined) {
      throw new Error(`gold.json items[${index}].impersonated: "${wrong}" is not one of ${IMPERSONATED_CATEGORIES.join(', ')}`);
    }
    predicted.push(analyzeFileText(item.file, await readFile(join(dir, item.file), 'utf8')));
  }
  return scoreAgainstGold(gold.items, predicted);
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatReport(report: EvalReport): string {
  const rows: [string, string][] = [
    ['files', String(report.files)],
    ['relevance precision', percent(report.relevance.precision)],
    ['relevance recall', percent(report.relevance.recall)],
    ['relevance accuracy', percent(report.relevance.accuracy)],
    ['place recall', percent(report.places.recall)],
    ['place precision', percent(report.places.precision)],
    ['tactic precision', percent(report.tactics.precision)],
    ['tactic recall', percent(report.tactics.recall)],
    ['tactic F1 (micro)', report.tactics.f1.toFixed(3)],
    ['impersonated agreement', percent(report.impersonatedAgreement)],
    ['counts agreement', percent(report.countsAgreement)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
  const misses = report.misses.length ? `\n\nmisses:\n${report.misses.map((line) => `  ${line}`).join('\n')}` : '\n\nno misses';
  return table + misses;
}

const THRESHOLD_FLAGS = ['--min-relevance', '--min-place-recall', '--min-place-precision', '--min-tactic-f1', '--min-impersonated', '--min-counts'];

function readThreshold(args: string[], flag: string): number | undefined {
  const index = args.indexOf(flag);
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${flag} needs a number between 0 and 1`);
  return value;
}

async function main(args: string[]): Promise<number> {
  const dir = args.find((arg, index) => !arg.startsWith('--') && !(args[index - 1] ?? '').startsWith('--'));
  if (!dir) {
    process.stderr.write(
      'usage: npm run eval -- DIR [--min-relevance X --min-place-recall X --min-place-precision X --min-tactic-f1 X --min-impersonated X --min-counts X]\n',
    );
    return 2;
  }
  try {
    const unknown = args.find((arg) => arg.startsWith('--') && !THRESHOLD_FLAGS.includes(arg));
    if (unknown) throw new Error(`unknown option ${unknown} (known: ${THRESHOLD_FLAGS.join(', ')})`);
    const minRelevance = readThreshold(args, '--min-relevance');
    const minPlaceRecall = readThreshold(args, '--min-place-recall');
    const minTacticF1 = readThreshold(args, '--min-tactic-f1');
    const minPlacePrecision = readThreshold(args, '--min-place-precision');
    const minImpersonated = readThreshold(args, '--min-impersonated');
    const minCounts = readThreshold(args, '--min-counts');
    const report = await evaluateDirectory(dir);
    process.stdout.write(`${formatReport(report)}\n`);
    const failures: string[] = [];
    const relevance = Math.min(report.relevance.precision, report.relevance.recall);
    if (minRelevance !== undefined && relevance < minRelevance) failures.push(`relevance ${percent(relevance)} < ${percent(minRelevance)}`);
    if (minPlaceRecall !== undefined && report.places.recall < minPlaceRecall) failures.push(`place recall ${percent(report.places.recall)} < ${percent(minPlaceRecall)}`);
    if (minPlacePrecision !== undefined && report.places.precision < minPlacePrecision) failures.push(`place precision ${percent(report.places.precision)} < ${percent(minPlacePrecision)}`);
    if (minTacticF1 !== undefined && report.tactics.f1 < minTacticF1) failures.push(`tactic F1 ${report.tactics.f1.toFixed(3)} < ${minTacticF1}`);
    if (minImpersonated !== undefined && report.impersonatedAgreement < minImpersonated) failures.push(`impersonated agreement ${percent(report.impersonatedAgreement)} < ${percent(minImpersonated)}`);
    if (minCounts !== undefined && report.countsAgreement < minCounts) failures.push(`counts agreement ${percent(report.countsAgreement)} < ${percent(minCounts)}`);
    if (failures.length) {
      process.stderr.write(`eval: below the minimum: ${failures.join('; ')}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
