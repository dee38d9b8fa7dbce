/**
 * Every match of a global pattern in `text`, in order: what `[...text.matchAll(pattern)]` gives, without the copy of the
 * pattern that matchAll makes on each call (costly in the rule passes' per-sentence loops). `pattern` must have the
 * `g` flag and no `u` or `v` flag; its lastIndex is 0 again on return.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global || pattern.unicode) throw new Error(`allMatches: pattern needs the g flag and no u flag: ${pattern}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return matches;
}
