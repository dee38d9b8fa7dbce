import { allMatches } from './all-matches.ts';
import { withSharedBoundary } from './join-patterns.ts';
import { anyOfGated, gatedPattern } from './literal-gate.ts';
import { NUMBER_PATTERN, parseNumber } from './number-words.ts';
import { segmentText, type Segment } from './segment.ts';
import { classifySentence, isNegated, narrativeTail } from './sentence-kind.ts';
import type { Counts } from './vocabulary.ts';

const N = NUMBER_PATTERN;
const REPORTS = gatedPattern(new RegExp(String.raw`\b(more than |over |at least |around |about |nearly |almost )?(${N}) (?:separate |further |similar |new |fresh |of the )*(?:reports?|calls|incidents|cases|complaints)\b`, 'i'));
const TARGETED = gatedPattern(new RegExp(String.raw`\b(more than |over |at least |around |about )?(${N}) (?:elderly |older |vulnerable |more |local |other )*(?:people|residents|victims|pensioners|households|homes|women|men)\b[^.]{0,70}?\b(?:(?:were|have been|had been|was|has been) (?:targeted|contacted|called|cold-called|approached|phoned)|targeted|(?:being|been) (?:taken in|called|contacted)|(?:got|received|had) (?:phone |scam |similar |suspicious )?calls|contacted\b(?! (?:police|us|their bank|the bank|officers)))`, 'i'));
const TARGETED_OBJECT = gatedPattern(new RegExp(String.raw`\b(?:phoned|called|contacted|targeted|rang|approached) (more than |over |at least |around |about )?(${N}) (?:elderly |older |vulnerable |local |other )*(?:people|residents|pensioners|households|homes)\b`, 'i'));
const VICTIMS = gatedPattern(new RegExp(String.raw`\b(${N}) (?:of (?:the|them|those) )?(?:elderly |older |vulnerable |local |other )*(?:people|residents|victims|pensioners|m[ae]n|wom[ae]n|person)\b(?:,[^,.]{1,100},)?(?:(?!targeted|\bwith\b)[^.]){0,60}?\b(?:fell for|fallen foul|fell victim|fallen victim|lost|losing|handed (?:their|his|her) |(?:were|was|had been|have been|has been) (?:conned|tricked|duped|scammed|defrauded|swindled|cheated)|handed over|parted with|gave)`, 'i'));
/** "stole more than £400,000 from 61 victims". */
const VICTIMS_OBJECT = gatedPattern(new RegExp(String.raw`\b(?:stole|stolen|took|taken|conned|cheated|defrauded|swindled)\b[^.]{0,60}\bfrom (${N}) (?:elderly |older |vulnerable |local )*(?:victims|people|pensioners|residents)\b`, 'i'));
const NO_VICTIMS =
  gatedPattern(/\b(?:did not (?:provide|hand over|give|lose|part with)|refused to (?:pass|give|hand|provide)|nobody (?:lost|handed|gave|fell)|no one (?:lost|handed|gave|fell)|none of (?:them|the \w+) (?:lost|handed|gave|fell)|no money (?:was|has been|had been) (?:lost|handed|taken|passed)|before any (?:money|information|details|cash) (?:was|were|had been) (?:passed|handed|given|lost))\b/i);
/** "two out of the three frauds were unsuccessful": three targeted, one victim. */
const SOME_FAILED = gatedPattern(new RegExp(String.raw`\b(${N}) (?:out )?of the (${N}) (?:frauds|scams|attempts|incidents|calls|cases) (?:were|was|have been) (?:unsuccessful|foiled|stopped|prevented|thwarted|blocked)\b`, 'i'));
/** "A fourth pensioner was called": the count of people targeted so far. */
const ORDINAL_TARGET =
  gatedPattern(/\b(?:a|the) (second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:pensioner|woman|man|person|resident|victim|householder) (?:was|had been|has been) (?:called|contacted|targeted|phoned|rung|cold-called)\b/i);
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
/** One person losing money or valuables: "an elderly woman lost", "the OAP ended up handing over £6,000". */
const SINGLE_VICTIM = /\b(?:(?:a|an|the|one|another) (?:[\w"“”'-]+ ){0,3}(?:woman|man|pensioner|OAP|widow|widower|victim|grandmother|grandfather|person|resident|lady)|she|he|her|him)\b/i;
const PREVENTED = gatedPattern(withSharedBoundary(/\b(?:stopped|prevented|blocked|thwarted|foiled)\b[^.]{0,40}\bfrom\b|\b(?:was|were|been) (?:stopped|prevented|blocked|declined|thwarted|foiled)\b|\bintervened\b/i));
/** The next sentence saying the money never went: "staff stopped the withdrawal", "the bank blocked the transfer". */
const STOPPED_AFTER = /\b(?:stopped|prevented|blocked|declined|refused|halted|cancelled)\b[^.]{0,30}\b(?:withdrawal|transfer|payment|transaction)s?\b|\b(?:withdrawal|transfer|payment|transaction)s? (?:was|were) (?:stopped|prevented|blocked|declined|refused|halted|cancelled)\b/i;
const COUPLE = /\b(?:a|an|the) (?:[\w-]+ ){0,2}couple\b/i;
const LOSS = gatedPattern(/\b(?:lost|losing|gave (?:him|her|them|the \w+) (?:(?:her|his|their|the) )?(?:bank )?(?:cards?|cash|money|£)|(?<!\b(?:unless|if|or) (?:she|he|they) )paid|left with|pick(?:ed)? up the (?:money|cash)|conned|defrauded|scammed|duped|swindled|cheated|handed over|handing over|handed (?:it|them|the|her|his|£)|hand over|parted with|persuaded to (?:buy|purchase|withdraw|hand)|(?<!\b(?:told|asked|instructed|ordered|urged|wanted)(?: (?:her|him|them|the victim))? to (?:[\w£,]+ ){0,4})(?:buy|bought|purchas\w+)\b[^.]{0,40}\b(?:watch|rolex|gold|jewellery|coins|bullion|vouchers|gift cards)|took £|collected)\b/i);
const VALUE = /£|\b(?:cash|money|savings|sums?|watch|rolex|gold|coins|jewellery|valuables|card)\b/i;
const MONEY = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)?\b/gi;
/** Background statistics ("700 thefts in the past 15 months", "in total") are not this spate's counts. */
const BACKGROUND =
  gatedPattern(/\b(?:in the (?:past|last) \d+ (?:months|years)|over the (?:past|last) (?:\d+ )?(?:months|years|year)|last year|in total|since 20\d\d|so far this year|nationally|across the country|in the uk|nationwide|it follows|follows (?:recent|earlier|previous|similar|a number of)|earlier this (?:month|year))\b/i);
const NOT_COUNTED = /\b(?:arrest\w*|charged|jailed|sentenced|convicted|officers|patrols)\b/i;
/** A bulleted line that reads like one incident: a place and a time ("Mill Street, Elsing, at around 10.15am", "Foulsham, on Wednesday evening:"). */
const INCIDENT_LINE = /\b(?:at (?:around |about )?\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)|between \d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)?)|^[^:]{0,60}\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^:]{0,20}:/i;
/**
 * A number at the start of a word. REPORTS, TARGETED, TARGETED_OBJECT, VICTIMS, VICTIMS_OBJECT, SOME_FAILED and WINDOW
 * each need one (after a word boundary or a space), so a sentence without one is spared those seven patterns.
 */
const ANY_NUMBER = new RegExp(String.raw`\b${N}`, 'i');
/**
 * What a sentence needs to count for anything below: a sum in pounds, a number, a loss, an ordinal victim or the
 * wording that nobody lost. Joined behind their literals (see anyOfGated), one pass spares the many sentences without
 * any of them a dozen passes.
 */
const ANY_COUNT_CUE = anyOfGated([/£/i, LOSS.pattern, ANY_NUMBER, ORDINAL_TARGET.pattern, NO_VICTIMS.pattern]);
const WINDOW = gatedPattern(new RegExp(String.raw`\b(?:in|within|over|during|for) (?:the (?:past|last) )?(${N}|24|48|72) (hours?|days?|weeks?)\b`, 'i'));

/**
 * Numbers about this spate: reports, people targeted, victims who lost out, the loss in pounds and the time the
 * counts cover. Advice sentences (101, 999, 159) and background totals over months or years are left out.
 */
export function findCounts(text: string, segments: Segment[] = segmentText(text)): Counts {
  const counts: Counts = {};
  let incidentLines = 0;
  let victimsNone = false;
  /** Loss amounts of single victims' stories ("a woman lost £13,000", "she bought a £14,000 watch") → people (a couple is 2). */
  const singleLosses = new Map<number, number>();
  let singleLossWithoutAmount = false;
  let pluralLoss = false;
  for (const [index, whole] of segments.entries()) {
    if (whole.bullet && INCIDENT_LINE.test(whole.text)) incidentLines += 1;
    const wholeKind = classifySentence(whole);
    // "urged to be vigilant following a report in which £40,000 of gold coins were handed over": the tail tells.
    const segment = wholeKind === 'advice' ? narrativeTail(whole) : whole;
    if (!segment) continue;
    const sentence = segment.text;
    const kind = segment === whole ? wholeKind : 'narrative';
    if (!ANY_COUNT_CUE.test(sentence)) continue;
    if (BACKGROUND.test(sentence)) continue;
    const amounts = allMatches(MONEY, sentence).map(poundsOf).filter((value) => value > 0);
    const noVictims = NO_VICTIMS.test(sentence);
    if (kind === 'narrative' && LOSS.test(sentence) && VALUE.test(sentence) && !noVictims && !isNegated(sentence)) {
      if (SINGLE_VICTIM.test(sentence) || COUPLE.test(sentence)) {
        if (amounts.length > 0) singleLosses.set(Math.max(...amounts), COUPLE.test(sentence) ? 2 : 1);
        else singleLossWithoutAmount = true;
      } else {
        pluralLoss = true;
      }
    }
    const numbered = ANY_NUMBER.test(sentence);
    const failed = numbered ? SOME_FAILED.exec(sentence) : null;
    if (failed) {
      const failures = parseNumber(failed[1]!);
      const attempts = parseNumber(failed[2]!);
      if (failures !== undefined && attempts !== undefined && attempts >= failures) {
        counts.targeted = Math.max(counts.targeted ?? 0, attempts);
        counts.victims = Math.max(counts.victims ?? 0, attempts - failures);
      }
    }
    const ordinal = ORDINAL_TARGET.exec(sentence);
    if (ordinal) counts.targeted = Math.max(counts.targeted ?? 0, ORDINALS[ordinal[1]!.toLowerCase()] ?? 0);
    const reports = numbered ? REPORTS.exec(sentence) : null;
    if (reports && !NOT_COUNTED.test(sentence.slice(reports.index, reports.index + reports[0].length + 30))) {
      const value = parseNumber(reports[2]!);
      if (value !== undefined && value > 0 && !(value === 101 || value === 999 || value === 159)) {
        counts.reports = Math.max(counts.reports ?? 0, value);
      }
    }
    const targeted = numbered ? (TARGETED.exec(sentence) ?? TARGETED_OBJECT.exec(sentence)) : null;
    if (targeted) {
      const value = parseNumber(targeted[2]!);
      if (value !== undefined) counts.targeted = Math.max(counts.targeted ?? 0, value);
    }
    const victims = numbered ? (VICTIMS.exec(sentence) ?? VICTIMS_OBJECT.exec(sentence)) : null;
    if (victims && !/\b(?:a|an)\b/i.test(victims[1]!)) {
      const value = parseNumber(victims[1]!);
      if (value !== undefined) counts.victims = Math.max(counts.victims ?? 0, value);
    }
    if (noVictims) victimsNone = true;
    // "a cashier stopped her withdrawing £9,000": a loss prevented is no loss.
    // "... told to withdraw £3,000. Staff at the bank stopped the withdrawal.": stopped in the next sentence of the paragraph.
    const next = segments[index + 1];
    const stoppedNext = next !== undefined && next.paragraph === whole.paragraph && STOPPED_AFTER.test(next.text);
    if (!PREVENTED.test(sentence) && !stoppedNext) for (const value of amounts) counts.lossGBP = Math.max(counts.lossGBP ?? 0, value);
    const window = numbered ? WINDOW.exec(sentence) : null;
    if (window && counts.windowDays === undefined) {
      const amount = parseNumber(window[1]!);
      const unit = window[2]!.toLowerCase();
      if (amount !== undefined) {
        const days = unit.startsWith('hour') ? Math.max(1, Math.ceil(amount / 24)) : unit.startsWith('week') ? amount * 7 : amount;
        counts.windowDays = days;
      }
    }
  }
  // "more than half a dozen calls" is a lower bound; a list of each call is exact.
  if (incidentLines > 0 && counts.reports !== undefined && incidentLines > counts.reports) counts.reports = incidentLines;
  // A list of calls, one line each with where and when, and no number stated: each line is a report.
  if (counts.reports === undefined && incidentLines >= 2) counts.reports = incidentLines;
  // Without a number of victims, each single victim's loss story counts once: two women, two watches, two losses.
  if (counts.victims === undefined && (singleLosses.size > 0 || (singleLossWithoutAmount && !victimsNone))) {
    counts.victims = Math.max(1, [...singleLosses.values()].reduce((sum, people) => sum + people, 0));
    const total = [...singleLosses.keys()].reduce((sum, value) => sum + value, 0);
    if (singleLosses.size > 1 && total > (counts.lossGBP ?? 0)) counts.lossGBP = total;
  }
  // "No money was handed over" settles it, unless others are said to have lost ("people losing large sums").
  if (victimsNone && counts.victims === undefined && !pluralLoss) counts.victims = 0;
  return counts;
}

/** "£2.5m" → 2500000, "£38k" → 38000, "£1,200" → 1200 (whole pounds). */
function poundsOf(money: RegExpMatchArray): number {
  let value = Number(money[1]!.replace(/,/g, ''));
  const unit = money[2]?.toLowerCase();
  if (unit === 'k' || unit === 'thousand') value *= 1_000;
  if (unit === 'm' || unit === 'million') value *= 1_000_000;
  return Number.isFinite(value) ? Math.round(value) : 0;
}
