/** Words that say nothing about which incident a headline is about. */
const STOP_WORDS = new Set(
  'the and for with from after over into that this have has are was were warn warns warning warned urge urged urges police officers residents people public about fraud fraudsters scam scams scammers courier pretending posing fake'.split(
    ' ',
  ),
);

function words(title: string): Set<string> {
  const tokens = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9£ ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
  return new Set(tokens);
}

/** Jaccard similarity of the telling words of two headlines, 0..1: the same story syndicated scores high. */
export function titleSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
