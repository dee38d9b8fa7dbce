/**
 * npm run --silent analyze -- FILE...   One JSON object per file per line (docs/design.md, "Detection vocabulary").
 * `-` reads stdin. .html files are stripped to text first. A file that cannot be read is reported on stderr, the
 * others are still printed, and the exit code is 1.
 */
import { readFile } from 'node:fs/promises';
import { analyzeText } from '../core/detect/analyze.ts';
import { htmlArticleText } from '../core/detect/html-article-text.ts';
import type { Analysis } from '../core/detect/vocabulary.ts';
import { gbGazetteer } from '../core/geo/gazetteer-gb.ts';

export interface AnalyzeLine {
  file: string;
  relevant: boolean;
  score: number;
  tactics: Analysis['tactics'];
  /** Categories: police, bank, hmrc, other-official (docs/design.md). */
  impersonated: Analysis['impersonated'];
  places: string[];
  /** Only the four keys docs/design.md's line shape names; the time window stays inside the engine. */
  counts: Pick<Analysis['counts'], 'reports' | 'targeted' | 'victims' | 'lossGBP'>;
}

export function articleText(file: string, raw: string): string {
  const looksHtml = /\.x?html?$/i.test(file) || /^\s*<(?:!doctype|html|body|article|p|div)\b/i.test(raw);
  return looksHtml ? htmlArticleText(raw) : raw;
}

export function analyzeFileText(file: string, raw: string): AnalyzeLine {
  const analysis = analyzeText(articleText(file, raw), { gazetteer: gbGazetteer() });
  return {
    file,
    relevant: analysis.relevant,
    score: analysis.score,
    tactics: analysis.tactics,
    impersonated: analysis.impersonated,
    places: analysis.places.map((place) => place.name),
    counts: lineCounts(analysis.counts),
  };
}

function lineCounts(counts: Analysis['counts']): AnalyzeLine['counts'] {
  const { reports, targeted, victims, lossGBP } = counts;
  return {
    ...(reports !== undefined ? { reports } : {}),
    ...(targeted !== undefined ? { targeted } : {}),
    ...(victims !== undefined ? { victims } : {}),
    ...(lossGBP !== undefined ? { lossGBP } : {}),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent analyze -- FILE... (use - for stdin)\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const raw = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      process.stdout.write(`${JSON.stringify(analyzeFileText(file, raw))}\n`);
    } catch (error) {
      failed += 1;
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      process.stderr.write(`analyze: cannot read ${file}: ${reason}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
