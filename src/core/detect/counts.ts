import { NUMBER_PATTERN, parseNumber } from './number-words.ts';
import { segmentText, type Segment } from './segment.ts';
import { classifySentence } from './sentence-kind.ts';
import type { Counts } from './vocabulary.ts';

const N = NUMBER_PATTERN;
const REPORTS = new RegExp(String.raw`\b(more than |over |at least |around |about |nearly |almost )?(${N}) (?:separate |further |similar |new |fresh )*(?:reports?|calls|incidents|cases)\b`, 'i');
const TARGETED = new RegExp(String.raw`\b(more than |over |at least |around |about )?(${N}) (?:elderly |older |vulnerable |more |local |other )*(?:people|residents|victims|pensioners|households|homes|women|men)\b[^.]{0,30}\b(?:(?:were|have been|had been|was|has been) (?:targeted|contacted|called|cold-called|approached|phoned)|targeted|(?:got|received|had) (?:phone |scam |similar |suspicious )?calls|contacted\b(?! (?:police|us|their bank|the bank|officers)))`, 'i');
const TARGETED_OBJECT = new RegExp(String.raw`\b(?:phoned|called|contacted|targeted|rang|approached) (more than |over |at least |around |about )?(${N}) (?:elderly |older |vulnerable |local |other )*(?:people|residents|pensioners|households|homes)\b`, 'i');
const VICTIMS = new RegExp(String.raw`\b(${N}) (?:elderly |older |vulnerable |local |other )*(?:people|residents|victims|pensioners|m[ae]n|wom[ae]n|person)\b(?:(?!targeted|\bwith\b)[^.]){0,60}?\b(?:fell for|lost|losing|were conned|was conned|were tricked|was tricked|were duped|was duped|handed over|had been conned|have been conned|has been conned|parted with|gave)`, 'i');
/** "stole more than £400,000 from 61 victims". */
const VICTIMS_OBJECT = new RegExp(String.raw`\b(?:stole|stolen|took|taken|conned|cheated|defrauded|swindled)\b[^.]{0,60}\bfrom (${N}) (?:elderly |older |vulnerable |local )*(?:victims|people|pensioners|residents)\b`, 'i');
const NO_VICTIMS = /\b(?:did not (?:provide|hand over|give|lose|part with)|nobody (?:lost|handed|gave|fell)|no one (?:lost|handed|gave|fell)|none of (?:them|the \w+) (?:lost|handed|gave|fell)|no money (?:was|has been) (?:lost|handed|taken))\b/i;
const MONEY = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)?\b/gi;
/** Background statistics ("700 thefts in the past 15 months", "in total") are not this spate's counts. */
const BACKGROUND = /\b(?:in the (?:past|last) \d+ (?:months|years)|over the (?:past|last) (?:\d+ )?(?:months|years|year)|last year|in total|since 20\d\d|so far this year|nationally|across the country|in the uk|nationwide)\b/i;
const NOT_COUNTED = /\b(?:arrest\w*|charged|jailed|sentenced|convicted|officers|patrols)\b/i;
/** A bulleted line that reads like one incident: a place and a time ("Mill Street, Elsing, at around 10.15am"). */
const INCIDENT_LINE = /\b(?:at (?:around |about )?\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)|between \d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)?)/i;
const WINDOW = new RegExp(String.raw`\b(?:in|within|over|during|for) (?:the (?:past|last) )?(${N}|24|48|72) (hours?|days?|weeks?)\b`, 'i');

/**
 * Numbers about this spate: reports, people targeted, victims who lost out, the loss in pounds and the time the
 * counts cover. Advice sentences (101, 999, 159) and background totals over months or years are left out.
 */
export function findCounts(text: string, segments: Segment[] = segmentText(text)): Counts {
  const counts: Counts = {};
  let incidentLines = 0;
  let victimsNone = false;
  for (const segment of segments) {
    const sentence = segment.text;
    if (segment.bullet && INCIDENT_LINE.test(sentence)) incidentLines += 1;
    if (classifySentence(segment) === 'advice' || BACKGROUND.test(sentence)) continue;
    const reports = REPORTS.exec(sentence);
    if (reports && !NOT_COUNTED.test(sentence.slice(reports.index, reports.index + reports[0].length + 30))) {
      const value = parseNumber(reports[2]!);
      if (value !== undefined && value > 0 && !(value === 101 || value === 999 || value === 159)) {
        counts.reports = Math.max(counts.reports ?? 0, value);
      }
    }
    const targeted = TARGETED.exec(sentence) ?? TARGETED_OBJECT.exec(sentence);
    if (targeted) {
      const value = parseNumber(targeted[2]!);
      if (value !== undefined) counts.targeted = Math.max(counts.targeted ?? 0, value);
    }
    const victims = VICTIMS.exec(sentence) ?? VICTIMS_OBJECT.exec(sentence);
    if (victims && !/\b(?:a|an)\b/i.test(victims[1]!)) {
      const value = parseNumber(victims[1]!);
      if (value !== undefined) counts.victims = Math.max(counts.victims ?? 0, value);
    }
    if (NO_VICTIMS.test(sentence)) victimsNone = true;
    for (const money of sentence.matchAll(MONEY)) {
      let value = Number(money[1]!.replace(/,/g, ''));
      const unit = money[2]?.toLowerCase();
      if (unit === 'k' || unit === 'thousand') value *= 1_000;
      if (unit === 'm' || unit === 'million') value *= 1_000_000;
      if (Number.isFinite(value) && value > 0) counts.lossGBP = Math.max(counts.lossGBP ?? 0, Math.round(value));
    }
    const window = WINDOW.exec(sentence);
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
  if (victimsNone && counts.victims === undefined) counts.victims = 0;
  return counts;
}
