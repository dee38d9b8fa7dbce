import { claimAfterCue, impliedImpersonation, NAMED_BANKS, OFFICIALS, readParagraph, SENTENCE_IMPERSONATION_CUE, wholeBefore, type ParagraphSoFar } from './impersonated.ts';
import { anyOf, withSharedBoundary } from './join-patterns.ts';
import { segmentText, type Segment } from './segment.ts';
import { classifySentence, narrativeTail } from './sentence-kind.ts';
import type { Tactic } from './vocabulary.ts';

export interface RelevanceResult {
  relevant: boolean;
  /** 0..1 */
  score: number;
  reasons: string[];
}

/** Who fraudsters pretend to be in courier fraud and its variants. */
const OFFICIAL = /\b(?:police|officers?|detectives?|constables?|cops?|policem[ae]n|CID|Metropolitan|Scotland Yard|Constabulary|bank(?! cards?| details| accounts?| notes| transfers?| holidays?)|banks|bank staff|building society|fraud (?:department|team|investigators?)|HMRC|tax office|DWP|council officials?|National Crime Agency|officials?|Ofcom|Ofgem|DVLA|HM Revenue|Revenue and Customs|Department for Work and Pensions|Home Office|Border Force|court officials?|PSNI|fraud squad|(?:Detective )?(?:Sergeant|Inspector|Constable))\b/i;
/** The Met and ranks written short, in capitals only: "she met him online" and a "pc" are no police. */
const OFFICIAL_SHORT = /\b(?:Met|DCI?|DS|DI|PCs?)\b/;
const UTILITY_STAFF =
  /\b(?:water|gas|electricity|electric|utility|utilities|energy|phone|broadband|telecoms?|internet)(?: board| company| supplier| provider)? (?:officials?|officers?|workers?|staff|engineers?|employees?|inspectors?)\b/gi;

/** Officials with a category and named banks: who counts as impersonated when named near the cue. */
const IMPERSONATED_OFFICIALS = [...OFFICIALS.filter((official) => official.category), ...NAMED_BANKS];

/** What they were after: money, cards, PINs or valuables. */
const WANTED = /\b(?:cash|money|PINs?|pin numbers?|cards?|bank details|account details|banking details|savings|jewellery|gold|watch(?:es)?|Rolex|valuables|gift cards?|vouchers|£\s?\d|withdraw\w*|transfer\w*|safe account)\b/i;
const COURIER_FRAUD = withSharedBoundary(/\bcourier (?:fraud|scams?)\b|\bsafe account (?:fraud|scams?)\b|\bimpersonation (?:fraud|scams?)\b|\bpolice impersonation\b|\bbank impersonation\b/i);

/** Topics that are not courier fraud, each with the plain-words reason shown when it weighs against. */
const OTHER_TOPICS: { reason: string; pattern: RegExp }[] = [
  { reason: 'about a burglary', pattern: /\bburglar(?:y|ies|s)?\b|\bbroke into\b|\bbreak-ins?\b|\bforced entry\b/i },
  {
    reason: 'about a bogus workman or utility caller',
    pattern: /\bwater (?:board|company)\b|\bbogus (?:workm[ae]n|tradesm[ae]n|gas|electricity)\b/i,
  },
  { reason: 'about a computer or broadband support call', pattern: /\bremote access\b|\bdownload(?:ed|ing)? (?:some |an? )?(?:software|app\w*)\b|\bvirus on\b|\baccessed (?:the|her|his|their) (?:victim's )?(?:computer|laptop)\b|\bbroadband (?:provider|company)\b/i },
  { reason: 'about a text or email scam', pattern: /\b(?:scam|fake|bogus) (?:texts?|emails?|messages?)\b|\bparcel (?:delivery )?fee\b|\bshipping fee\b|\bhi mum\b/i },
  { reason: 'about romance fraud', pattern: /\bromance (?:fraud|scams?)\b|\bdating (?:site|app|website)\b|\bonline relationship\b|\bfell in love\b|\bmet (?:him |her |them )?online\b|\b(?:he|she) met online\b/i },
  { reason: 'about investment fraud', pattern: /\binvestment (?:fraud|scams?|opportunit\w+|platform)\b|\bcrypto\w*\b|\bbitcoin\b|\btrading platform\b|\bhigh returns\b/i },
  { reason: 'about a road collision', pattern: /\bcollision\b|\bcrash(?:ed)?\b|\broad traffic\b|\bdangerous driving\b/i },
  { reason: 'about rogue traders', pattern: /\brogue traders?\b|\broofers?\b|\bdriveway\b|\bbuilding work\b|\bgardening work\b|\bcold-calling traders?\b|\binflated prices?\b/i },
  { reason: 'a missing person or witness appeal', pattern: /\bmissing (?:person|man|woman|pensioner)\b|\bhas gone missing\b|\bwitness appeal\b|\bappeal for witnesses\b|\bconcern for the welfare\b/i },
];
/** OTHER_TOPICS joined (see anyOf): a courier-fraud report mostly names none of them, and one pass over the text says so. */
const ANY_OTHER_TOPIC = anyOf(OTHER_TOPICS.map((topic) => topic.pattern));

/**
 * Relevant = someone impersonated police, bank staff or another official to get money, cards, PINs or valuables,
 * and the text tells of it happening (not advice alone). Scored 0..1 from the evidence, with reasons in plain words.
 * A court report of a courier fraudster sentenced is relevant: it tells that the scam happened, and where. Burglary
 * (even of jewellery), distraction burglary by bogus workmen, rogue traders, romance and investment fraud are not,
 * even when someone "claimed to be from the water board": only police, banks and officials count as impersonated.
 */
export function judgeRelevance(text: string, tactics: readonly Tactic[], segments: Segment[] = segmentText(text)): RelevanceResult {
  const reasons: string[] = [];
  let impersonationInNarrative = false;
  let wantedInNarrative = false;
  let anyNarrative = false;
  const toldParagraphs = new Map<number, ParagraphSoFar>();
  for (const segment of segments) {
    const told = classifySentence(segment) === 'narrative' ? segment : narrativeTail(segment);
    if (!told) continue;
    anyNarrative = true;
    // Both findings only ever turn true: once they have, later sentences cannot change the judgement.
    if (impersonationInNarrative && wantedInNarrative) break;
    if (!wantedInNarrative && WANTED.test(told.text)) wantedInNarrative = true;
    if (impersonationInNarrative) continue;
    const paragraph = readParagraph(toldParagraphs.get(segment.paragraph), told.text);
    toldParagraphs.set(segment.paragraph, paragraph);
    // "a man rang to say her card was compromised and a courier would collect it": a bank, though never named.
    if (impliedImpersonation(told.text, paragraph).length > 0) impersonationInNarrative = true;
    const cue = SENTENCE_IMPERSONATION_CUE.exec(told.text);
    if (cue) {
      // "posed as a US army officer": an officer of something other than police is not an official here.
      // Who they pretended to be is just before the cue or in the clause after it, not in ", police said".
      // A quoted claim ('said he was "DC Smith, from the Met"') is whole, commas and all.
      const { claim: quoted, rest } = claimAfterCue(told.text, cue, wholeBefore(segment, told, cue));
      const clauseAfter = cue[0] + quoted + (rest.split(/[;:]|,\s(?!or\b|and\b)|\bbut\b/)[0] ?? '');
      const near = (told.text.slice(Math.max(0, cue.index - 40), cue.index) + clauseAfter)
        .replace(/\b(?:army|military|navy|naval|RAF|US|medical|ship's|customs|prison) officers?\b/gi, '')
        // "bogus water board officials": utility and phone-company staff are workmen, not officials.
        .replace(UTILITY_STAFF, '');
      if (OFFICIAL.test(near) || OFFICIAL_SHORT.test(near) || IMPERSONATED_OFFICIALS.some((official) => official.pattern.test(near))) impersonationInNarrative = true;
    }
  }
  let score = 0;
  if (impersonationInNarrative) {
    score += 0.45;
    reasons.push('someone pretended to be police, bank staff or an official');
  }
  if (wantedInNarrative) {
    score += 0.2;
    reasons.push('they were after money, cards, PINs or valuables');
  }
  if (tactics.length > 0) {
    score += Math.min(0.25, 0.1 + 0.05 * tactics.length);
    reasons.push(`fraudsters' tactics described: ${tactics.join(', ')}`);
  }
  if (COURIER_FRAUD.test(text)) {
    score += 0.15;
    reasons.push('named as courier or impersonation fraud');
  }
  if (!anyNarrative || (!impersonationInNarrative && tactics.length === 0)) {
    reasons.push('no incident described, only advice or general text');
  }
  const otherTopics = ANY_OTHER_TOPIC.some((pattern) => pattern.test(text)) ? OTHER_TOPICS : [];
  for (const topic of otherTopics) {
    if (topic.pattern.test(text)) {
      // "burglars are in the area, so we will take your jewellery": the topic is the ruse, not the story.
      score -= impersonationInNarrative && (tactics.length >= 2 || (wantedInNarrative && tactics.length >= 1)) ? 0.1 : 0.35;
      reasons.push(topic.reason);
    }
  }
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  const relevant = impersonationInNarrative && score >= 0.5;
  if (!impersonationInNarrative) reasons.push('nobody is said to have impersonated police, a bank or an official');
  return { relevant, score, reasons };
}
