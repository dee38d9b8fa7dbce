import { classifySentence, narrativeTail } from './sentence-kind.ts';
import { segmentText, type Segment } from './segment.ts';

/** Words that say someone pretended to be someone ("posing as", "claiming to be from", "bogus"). */
const IMPERSONATION_WORDS =
  /\b(?:pos(?:e|es|ed|ing) as|claim(?:s|ed|ing)? to be|pretend(?:s|ed|ing)? to be|purport(?:s|ed|ing)? to be|impersonat\w*|masquerad\w* as|pass(?:ed|ing)? (?:themselves|himself|herself) off as|said (?:he|she|they) (?:was|were)|saying (?:he|she|they) (?:was|were)|introduced (?:himself|herself|themselves) as|bogus|fake|sham|so-called|who said (?:he|she|they) (?:was|were)|posing|calling (?:himself|herself|themselves)|(?:caller|callers|fraudsters?|scammers?|man|woman|someone|he|she) (?:says|say|claims?) (?:he|she|they) (?:is|are)|told (?:her|him|them|the victim) (?:he|she|they) (?:was|were) (?:a|an|from)|(?:claim|pretend|purport)(?:s|ed|ing)? to (?:work|be working|be calling|call) (?:for|from)|(?:said|saying|says) (?:he|she|they) (?:worked|work|works|was calling|were calling|called) (?:for|from|in|at)|apparently from)\b/i;

/** Scare quotes round a rank or office: calls from "DC Harris", giving cash to a "police officer". */
const QUOTED_OFFICIAL =
  /(?<=\b(?:from|by|to|a|an) )["“‘'](?=(?:police (?:officers?|detectives?)|officers?|detectives?|DC|DS|DI|DCI|PC|Det|Detective|Sergeant|Inspector|Constable|bank (?:staff|officials?|managers?)|investigators?)\b|[A-Z][A-Za-z]+["”’'])/;

export const IMPERSONATION_CUE = new RegExp(`${IMPERSONATION_WORDS.source}|${QUOTED_OFFICIAL.source}`, 'i');

/** The officials fraudsters pretend to be, with the name the output uses. Police forces are found separately. */
export const OFFICIALS: { name: string; pattern: RegExp }[] = [
  { name: 'HMRC', pattern: /\bHMRC\b|\bHM Revenue\b|\btax (?:office|officials?|inspectors?|collectors?)\b|\bthe taxman\b/i },
  { name: 'DWP', pattern: /\bDWP\b|\bDepartment for Work and Pensions\b/ },
  { name: 'BT', pattern: /\bBT\b|\bBritish Telecom\b|\bOpenreach\b/ },
  { name: 'Microsoft', pattern: /\bMicrosoft\b/ },
  { name: 'National Crime Agency', pattern: /\bNational Crime Agency\b|\bNCA\b/ },
  { name: 'Serious Fraud Office', pattern: /\bSerious Fraud Office\b/ },
  { name: 'Financial Conduct Authority', pattern: /\bFinancial Conduct Authority\b|\bFCA\b/ },
  { name: 'Action Fraud', pattern: /\bAction Fraud\b/ },
  { name: 'Report Fraud', pattern: /\bReport Fraud\b/ },
  { name: 'Ofcom', pattern: /\bOfcom\b/i },
  { name: 'Ofgem', pattern: /\bOfgem\b/i },
  { name: 'DVLA', pattern: /\bDVLA\b/ },
  { name: 'TV Licensing', pattern: /\bTV Licensing\b|\bTV licen[cs]e (?:officials?|staff|officers?)\b/i },
  { name: 'council', pattern: /\bcouncil (?:officials?|officers?|staff|workers?)\b/i },
];

export const NAMED_BANKS: { name: string; pattern: RegExp }[] = [
  { name: 'Barclays', pattern: /\bBarclays\b/ },
  { name: 'HSBC', pattern: /\bHSBC\b/ },
  { name: 'Lloyds', pattern: /\bLloyds\b/ },
  { name: 'NatWest', pattern: /\bNatWest\b/i },
  { name: 'Santander', pattern: /\bSantander\b/ },
  { name: 'Nationwide', pattern: /\bNationwide\b/ },
  { name: 'TSB', pattern: /\bTSB\b/ },
  { name: 'Monzo', pattern: /\bMonzo\b/ },
  { name: 'Starling', pattern: /\bStarling Bank\b/ },
  { name: 'Metro Bank', pattern: /\bMetro Bank\b/ },
  { name: 'Virgin Money', pattern: /\bVirgin Money\b/ },
  { name: 'First Direct', pattern: /\bFirst Direct\b/i },
  { name: 'Co-operative Bank', pattern: /\bCo-?op(?:erative)? Bank\b/i },
  { name: 'Royal Bank of Scotland', pattern: /\bRoyal Bank of Scotland\b|\bRBS\b/ },
  { name: 'Bank of Scotland', pattern: /(?<!Royal )\bBank of Scotland\b/ },
  { name: 'Ulster Bank', pattern: /\bUlster Bank\b/ },
  { name: 'Danske Bank', pattern: /\bDanske Bank\b/ },
  { name: 'Bank of Ireland', pattern: /\bBank of Ireland\b/ },
  { name: 'Post Office', pattern: /\bPost Office (?:staff|counter|bank|fraud)/i },
  { name: 'Halifax', pattern: /\bHalifax (?:bank|building society|staff|fraud)/i },
];

const GENERIC_BANK = /\b(?:bank|banks|banking|building society)\b(?! (?:cards?|details|accounts?|account details))/i;
const GENERIC_POLICE = /\b(?:police|officers?|detectives?|constables?|sergeants?|inspectors?|PCs?|DCs?|DS|DI|DCI|cops?|policemen|policewoman|policeman|CID)\b/i;

const MET = /\b(?:Metropolitan Police|the Met\b|Met Police|Scotland Yard|New Scotland Yard)|\bMet (?:detectives?|officers?|police officers?|investigators?)\b/;
/** "Essex Police", "Norfolk Constabulary", "Police Scotland", "PSNI", "British Transport Police". */
const NAMED_FORCE =
  /\b((?:[A-Z][a-z]+(?:[ -](?:and|&|of|[A-Z][a-z]+))*) (?:Police|Constabulary))\b|\b(Police Scotland|PSNI|Police Service of Northern Ireland|City of London Police|British Transport Police)\b/g;

/** A force named right before "said", "has warned" is the one reporting, not the one impersonated. */
const REPORTING_AFTER =
  /^\s*(?:,\s*)?(?:(?:has|have|is|are) (?:warned|warning|said|issued|urged|urging|received|reminded|reminding|appealed|appealing|launched|asked|advised|released)|said|says|say|added|warned|warns|spokes\w*|officers? said|detectives? said)\b/i;

/**
 * Organisations the fraudsters pretended to be. A named force when it is named as the one impersonated (the Met is
 * "Metropolitan Police"); otherwise plain "police". Banks likewise: named when named, else "bank".
 */
export function findImpersonated(text: string, segments: Segment[] = segmentText(text)): string[] {
  const named = new Set<string>();
  let genericPolice = false;
  let genericBank = false;
  const others: string[] = [];
  for (const segment of segments) {
    const told = classifySentence(segment) === 'advice' ? narrativeTail(segment) : segment;
    if (!told) continue;
    const sentence = told.text;
    const cue = IMPERSONATION_CUE.exec(sentence);
    if (!cue) continue;
    // What follows the cue, up to a clause break, is who they pretended to be.
    const after = sentence.slice(cue.index);
    const clause =
      after.split(/[;:]|,\s(?!or\b|and\b)|\bwho\b(?! said)|\bbut\b|\bafter\b|\b(?:convinced|persuaded|told|telling|tricked|warned|informed|asked|and said)\b/)[0] ?? after;
    let foundForce = false;
    for (const match of clause.matchAll(NAMED_FORCE)) {
      const name = match[1] ?? match[2] ?? '';
      const rest = clause.slice((match.index ?? 0) + match[0].length);
      // "claiming to be from Police Scotland said burglars...": named straight after the cue, it is the one impersonated.
      const rightAfterCue = /^\s*(?:\S+\s+){0,4}?(?:from|for|with|as|be)\s+(?:the\s+|an?\s+)?$/i.test(clause.slice(cue[0].length, match.index ?? 0)) || (match.index ?? 0) === 0;
      if (!rightAfterCue && REPORTING_AFTER.test(rest)) continue;
      if (/^Metropolitan Police$|^Met Police$/i.test(name)) continue;
      named.add(normaliseForce(name));
      foundForce = true;
    }
    if (MET.test(clause)) {
      named.add('Metropolitan Police');
      foundForce = true;
    }
    // "officers from the force", "the force's detectives": the force the sentence names as reporting.
    if (!foundForce && /\b(?:from|of) (?:the|this|that) force\b|\bthe force's\b/i.test(clause)) {
      const reporting = [...sentence.matchAll(NAMED_FORCE)][0];
      const name = reporting ? (reporting[1] ?? reporting[2] ?? '') : '';
      if (name && !/^(?:Metropolitan Police|Met Police)$/i.test(name)) {
        named.add(normaliseForce(name));
        foundForce = true;
      }
    }
    for (const official of [...OFFICIALS, ...NAMED_BANKS]) {
      if (official.pattern.test(clause) && !others.includes(official.name)) others.push(official.name);
    }
    // "officers from the National Crime Agency": the officers are that agency's, not police.
    const otherOfficial = OFFICIALS.some((official) => official.pattern.test(clause));
    if (!foundForce && GENERIC_POLICE.test(clause) && (!otherOfficial || /\bpolice\b/i.test(clause))) genericPolice = true;
    // "a police officer investigating their bank": the bank is the story's object, not who they pretended to be.
    const bankAsObject = /\b(?:investigat\w+|inquir\w+ into|probe into|fraud at|at|into|about) (?:their|his|her|your|the) (?:bank|building society)\b(?!'s|’s|' | staff| fraud| security)/i;
    if (GENERIC_BANK.test(clause.replace(bankAsObject, '')) && !NAMED_BANKS.some((bank) => bank.pattern.test(clause))) genericBank = true;
  }
  const result: string[] = [];
  for (const name of named) result.push(name);
  if (genericPolice && named.size === 0) result.push('police');
  for (const name of others) result.push(name);
  if (genericBank) result.push('bank');
  return result;
}

function normaliseForce(name: string): string {
  if (/^(?:PSNI|Police Service of Northern Ireland)$/i.test(name)) return 'PSNI';
  return name.replace(/^(?:The|A|An|From|Either|Or|And)\s+/i, '').trim();
}
