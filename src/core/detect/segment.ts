/** One sentence or bullet of an article, with what the layout says about it. */
export interface Segment {
  text: string;
  /** Index of the paragraph (blank-line or bullet separated block) it came from. */
  paragraph: number;
  /** A bulleted line ("• ...", "- ...", "* ...", "1. ..."). */
  bullet: boolean;
  /** The paragraph's text before a colon introduced a list or advice ("reminding people that police would: ..."). */
  introducedBy?: string;
}

const BULLET = /^\s*(?:[•●▪◦·‣\-*–]|\d{1,2}[.)])\s+/;

/**
 * Splits an article into sentences, keeping bullets as their own segments. Abbreviations common in police news
 * ("Det.", "Insp.", "Mr.", "St.") and decimals/times ("10.30am", "£2.5m") do not end a sentence.
 */
export function segmentText(text: string): Segment[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2009]/g, ' ');
  // Inline bullets ("advice: • one • two") become their own lines so they are judged one by one.
  const lines = normalised.replace(/\s+([•●▪])\s+/g, '\n$1 ').split('\n');
  const segments: Segment[] = [];
  let paragraph = 0;
  let lastIntro: string | undefined;
  let previousBlank = true;
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (!line) {
      previousBlank = true;
      continue;
    }
    const bullet = BULLET.test(line);
    if (previousBlank || bullet) paragraph += 1;
    previousBlank = false;
    const body = bullet ? line.replace(BULLET, '') : line;
    if (!bullet) lastIntro = undefined;
    for (const sentence of splitSentences(body)) {
      const colon = sentence.lastIndexOf(':');
      // "the following advice: Never give ..." — the part after the colon is itself a sentence under that intro.
      if (!bullet && colon > 0 && colon < sentence.length - 1 && /^\s*["“]?[A-Z]/.test(sentence.slice(colon + 1))) {
        const intro = sentence.slice(0, colon + 1).trim();
        segments.push({ text: intro, paragraph, bullet: false, ...(lastIntro ? { introducedBy: lastIntro } : {}) });
        segments.push({ text: sentence.slice(colon + 1).trim(), paragraph, bullet: false, introducedBy: intro });
        lastIntro = intro;
        continue;
      }
      segments.push({ text: sentence, paragraph, bullet, ...(lastIntro ? { introducedBy: lastIntro } : {}) });
      if (!bullet && sentence.trimEnd().endsWith(':')) lastIntro = sentence;
    }
  }
  return segments;
}

const NOT_SENTENCE_END = /(?:\b(?:Mr|Mrs|Ms|Dr|Det|Insp|Supt|Sgt|Ch|Chief|Con|PC|DC|DS|DI|St|No|Co|Ltd|approx|e\.g|i\.e|etc)|\b[A-Z])$/;

function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const pattern = /[.!?]+["'”’]?(?=\s+["'“‘(]?[A-Z0-9£])/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(paragraph))) {
    const end = match.index + match[0].length;
    const before = paragraph.slice(start, match.index);
    if (match[0].startsWith('.') && NOT_SENTENCE_END.test(before)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => sentence.length > 0);
}
