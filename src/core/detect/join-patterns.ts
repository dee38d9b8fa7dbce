/**
 * Rule patterns compiled for speed, matching exactly what the patterns as written match. The rules are written for
 * people to read: one alternative per way a thing is said, each starting with its own `\b`. Compiled as written, the
 * regular-expression engine tests that word boundary again for every alternative at every position of a sentence;
 * with the boundary tested once before a group of the alternatives, the same pattern runs about twice as fast.
 */

/**
 * The same test as `patterns.some((pattern) => pattern.test(text))`, in one pass over the text per set of flags
 * instead of one pass per pattern: the patterns joined as alternatives (see withSharedBoundary), which match where
 * any of them would. Patterns must not use back-references (numbering would shift).
 */
export function anyOf(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const pattern of patterns) byFlags.set(pattern.flags, [...(byFlags.get(pattern.flags) ?? []), `(?:${pattern.source})`]);
  return [...byFlags].map(([flags, sources]) => withSharedBoundary(new RegExp(sources.join('|'), flags)));
}

/**
 * `pattern` with the `\b` that starts consecutive top-level alternatives tested once before them:
 * `\bcash\b|\bmoney\b|£\d` becomes `\b(?:cash\b|money\b)|£\d`, and a whole alternative in a non-capturing group,
 * `(?:\bcash\b|\bmoney\b)|…`, is taken as its own alternatives first. Alternatives keep their order, so `exec` finds
 * the same match with the same groups, and nothing else in the pattern changes. A new RegExp, same flags.
 */
export function withSharedBoundary(pattern: RegExp): RegExp {
  const groups: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length === 1) groups.push(`\\b${run[0]}`);
    else if (run.length > 1) groups.push(`\\b(?:${run.join('|')})`);
    run = [];
  };
  for (const alternative of flatAlternatives(pattern.source)) {
    if (alternative.startsWith('\\b')) {
      run.push(alternative.slice(2));
    } else {
      endRun();
      groups.push(alternative);
    }
  }
  endRun();
  return new RegExp(groups.join('|'), pattern.flags);
}

/** The top-level alternatives of a pattern's source, an alternative that is one whole `(?:…)` group replaced by its own. */
function flatAlternatives(source: string): string[] {
  return splitAlternatives(source).flatMap((alternative) =>
    alternative.startsWith('(?:') && groupEnd(alternative, 0) === alternative.length - 1 ? flatAlternatives(alternative.slice(3, -1)) : [alternative],
  );
}

/** Splits a pattern's source at the `|` outside any group or character class. */
function splitAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/** Index of the `)` that closes the group opening at `open`; -1 when it is not closed. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
