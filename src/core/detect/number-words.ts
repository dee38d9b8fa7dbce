const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, 'a dozen': 12, 'half a dozen': 6, 'a couple of': 2, 'a handful of': 5,
};

/** Digits or words up to "twenty", tens, "a dozen", "half a dozen": the regex source to embed in a pattern. */
export const NUMBER_PATTERN = String.raw`(?:\d[\d,]*|half a dozen|a dozen|a couple of|a handful of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozen)`;

/** "104" → 104, "twenty-one" → 21, "half a dozen" → 6; undefined when it is not a number. */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  if (/^\d[\d,]*$/.test(text)) return Number(text.replace(/,/g, ''));
  if (text in SMALL) return SMALL[text];
  const compound = /^(\w+)[- ](\w+)$/.exec(text);
  if (compound) {
    const tens = SMALL[compound[1]!];
    const units = SMALL[compound[2]!];
    if (tens !== undefined && units !== undefined && tens >= 20 && units < 10) return tens + units;
  }
  return undefined;
}
