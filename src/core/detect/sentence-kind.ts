import { withSharedBoundary } from './join-patterns.ts';
import { anyOfGated, gatedPattern } from './literal-gate.ts';
import { QUOTED_CLAIM } from './quoted-claim.ts';
import type { Segment } from './segment.ts';

/**
 * What a sentence does: tells what happened (narrative), gives advice ("police will NEVER ask for your PIN"),
 * or describes how such scams usually go (generic). Only narrative sentences say what fraudsters did.
 */
export type SentenceKind = 'narrative' | 'advice' | 'generic';

/** A list or paragraph introduced as advice: everything under it is advice, however it is worded. */
const ADVICE_INTRO = /\b(advice|advise|tips?|remind\w*|would|will|never|should|urg\w+|how to|protect|reminder|warning signs?|do not|don't|remember|steps)\b/i;

const ADVICE_WORDS = withSharedBoundary(new RegExp(
  [
    String.raw`\bnever\b`,
    // "they do not disconnect the call" tells what fraudsters did; "do not give your PIN" is advice.
    String.raw`(?<!\b(?:they|fraudsters|scammers|callers?|offenders|he|she|who|it) )\bdo not\b`,
    String.raw`(?<!\b(?:they|fraudsters|scammers|callers?|offenders|he|she|who|it) )\bdon'?t\b`,
    String.raw`\b(?:you|people|anyone|residents|everyone|relatives|we all) should\b`,
    String.raw`\b(?:always|ensure|make sure|remember|be (?:wary|aware|careful|vigilant|suspicious))\b`,
    // "to say it was for a car if anyone asked" retells the fraudster's instruction; "if anyone asks" is advice.
    String.raw`\bif (?:you|someone|anyone|a caller|in doubt|unsure|they ask)\b(?! (?:asked|questioned|queried|challenged|wanted|did)\b)`,
    String.raw`\bif you(?:'re| are)\b`,
    // "a gang ... advising the victim that the card was faulty" is the fraudsters' act, not advice.
    String.raw`\b(?:advice|advis(?:e|ed|es|ing))\b(?! (?:the|their) victims?\b)`,
    String.raw`\burg(?:e|ed|es|ing)\b`,
    String.raw`\bencourag(?:e|ed|es|ing) (?:people|anyone|residents|everyone|the public|relatives)\b`,
    String.raw`\banyone (?:who|with|receiving|concerned)\b`,
    String.raw`\b(?:would|will|do) not (?:ask|request|send|call|phone|contact|need|collect)\b`,
    String.raw`\bwouldn'?t\b`,
    String.raw`\bplease\b`,
    // "Residents are being warned not to give out details": advice to the public, not what a victim was told.
    String.raw`\b(?:residents|people|the public|members of the public|everyone|pensioners|customers|householders|communities)\b[^.]{0,20}\b(?:warned|reminded|advised|urged) (?:not )?to\b`,
    // "she tried to ring 999" tells what a victim did; "call 999" alone is advice.
    String.raw`(?<!\b(?:tried|trying|attempted|attempting|went|wanted|managed|about|able|told \w+|asked \w+|ask \w+|asks \w+|tell \w+|tells \w+|told|asked|instructed|invited|urged|persuaded|needed) to )(?<!\b(?:she|he|they|victim|woman|man|pensioner|then) )\b(?:report|call|ring|phone|contact) (?:it|them|us|this|police|the police|101|999|159|your bank|report fraud|action fraud)\b`,
  ].join('|'),
  'i',
));

const IMPERATIVE_START =
  /^["“‘']?(?:never|always|do not|don't|hang up|call|ask|close|check|wait|report|use|make sure|keep|be|tell|share|remember|please|stop|take|contact|verify|ensure|look out|think|talk|trust|beware|refuse|end the call|put the phone down|only|protect)\b/i;

const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;

/** Reported speech of the fraudster ("told her 'your card has been cloned'") is narrative despite the "you". */
const FRAUDSTER_ACTS =
  /\b(?:fraudsters?|scammers?|callers?|offenders?|suspects?|criminals?|con artists?|conmen|conman|thieves)\b.*\b(?:told|tells?|said|says?|claimed|claims?|asked|asks?|instructed|convinced|persuaded|called|phoned|rang|sends?|sent)\b/i;

const GENERIC_WORDS = /\b(?:may|might|often|typically|usually|commonly|tend to|sometimes|can be|can|could|have been known to|is known to|are known to)\b/i;
const INCIDENT_WORDS =
  /\b(?:was|were|had|received|reported|targeted|lost|conned|tricked|duped|handed|gave|withdrew|collected|arrived|attended|called|phoned|rang|visited|asked|told|instructed|happened|took place|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;

/** "Residents heard how fraudsters pose as police": a talk about the scam, not an incident. */
const HOW_SCAMS_GO =
  /\b(?:hear|heard|learn(?:ed|t)?|explain(?:ed|ing|s)?|show(?:n|ed|ing)?|taught|teach(?:ing)?|describ(?:e|ed|ing)|told|talk(?:ed|ing)? about|warn(?:ed|ing)? about) (?:about )?(?:how|the ways?|the tricks?)\b/i;

/** What was judged of a segment, and from what: its text and the intro it sits under are all the judgement reads. */
interface Judgement {
  text: string;
  introducedBy: string | undefined;
  kind: SentenceKind;
  /** narrativeTail's answer once asked; null for none. */
  tail?: Segment | null;
}

const JUDGEMENT = Symbol('judgement');
type JudgedSegment = Segment & { [JUDGEMENT]?: Judgement };

/**
 * Every rule pass (tactics, relevance, impersonated, places, counts) asks about the same segments: each is judged once
 * and the judgement kept on the segment object. (A WeakMap keyed by segment costs the garbage collector far more, with
 * thousands of short-lived segments per feed poll.) A segment made from another (`{ ...segment, text }`) copies the
 * judgement along, so it is used only while the text and intro it was made from are the segment's own.
 */
function judgementOf(segment: Segment): Judgement {
  const judged = segment as JudgedSegment;
  let judgement = judged[JUDGEMENT];
  if (judgement === undefined || judgement.text !== segment.text || judgement.introducedBy !== segment.introducedBy) {
    judgement = { text: segment.text, introducedBy: segment.introducedBy, kind: judgeSentence(segment) };
    judged[JUDGEMENT] = judgement;
  }
  return judgement;
}

/** What the segment does (see SentenceKind). */
export function classifySentence(segment: Segment): SentenceKind {
  return judgementOf(segment).kind;
}

/**
 * The wordings below that can make a sentence other than narrative, joined behind their literals (see anyOfGated): one
 * pass tells that a sentence has none of them, as most sentences of a report do not, instead of a pass for each.
 * IMPERATIVE_START is apart: anchored at the start, it is tried there only.
 */
const ANY_CUE_ANYWHERE = anyOfGated([HOW_SCAMS_GO, ADVICE_WORDS, SECOND_PERSON, GENERIC_WORDS]);

function judgeSentence(segment: Segment): SentenceKind {
  const text = segment.text;
  const cued = IMPERATIVE_START.test(text) || ANY_CUE_ANYWHERE.test(text);
  if (cued && HOW_SCAMS_GO.test(text)) return 'generic';
  if (segment.introducedBy && ADVICE_INTRO.test(segment.introducedBy) && !/\btargeted\b|\bwhere\b|\bareas?\b/i.test(segment.introducedBy)) {
    return 'advice';
  }
  if (!cued) return 'narrative';
  if (IMPERATIVE_START.test(text)) return 'advice';
  if (ADVICE_WORDS.test(text)) return 'advice';
  if (SECOND_PERSON.test(text) && !FRAUDSTER_ACTS.test(text) && !youOnlyInToldClaim(text)) return 'advice';
  if (GENERIC_WORDS.test(text) && !INCIDENT_WORDS.test(text)) return 'generic';
  return 'narrative';
}

/**
 * "She was rung by a man claiming to be 'from the fraud team at your bank'": the "your" is the caller's, quoted, in a
 * sentence that tells of an incident. "Anyone claiming to be 'from your bank' is a fraudster" tells of none: advice.
 */
function youOnlyInToldClaim(text: string): boolean {
  return INCIDENT_WORDS.test(text) && !SECOND_PERSON.test(text.replace(QUOTED_CLAIM, ''));
}

const NEGATION = gatedPattern(/\b(?:did not|didn'?t|refused to|declined to|no one|nobody|none of|without (?:handing|giving|losing)|was not|were not|had not|no money was)\b/i);

/** "did not hand over any money": a narrative of what did NOT happen names no tactic. */
export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/** "Residents are urged to be on guard after a rise in calls from fraudsters posing as bank staff": advice up front,
 * but what follows "after" tells what happened. Returns that narrative tail of an advice sentence, if any. */
export function narrativeTail(segment: Segment): Segment | undefined {
  const judgement = judgementOf(segment);
  if (judgement.tail === undefined) judgement.tail = findNarrativeTail(segment) ?? null;
  return judgement.tail ?? undefined;
}

function findNarrativeTail(segment: Segment): Segment | undefined {
  const match = /\b(?:after|following)\b\s+(?=(?:a|an|the|reports?|calls?|several|dozens|a number|incidents?|cases?|(?:phone |telephone |bogus |fake )?(?:fraudsters?|scammers?|criminals?|callers?|conmen)|two|three|four|five|\d+)\b)/i.exec(segment.text);
  if (!match) return undefined;
  const tail: Segment = { ...segment, text: segment.text.slice(match.index + match[0].length) };
  return classifySentence(tail) === 'narrative' ? tail : undefined;
}

