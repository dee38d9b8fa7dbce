import { allMatches } from './all-matches.ts';
import { anyOf, withSharedBoundary } from './join-patterns.ts';
import { gatedPattern } from './literal-gate.ts';
import { classifySentence, narrativeTail } from './sentence-kind.ts';
import { splitQuotedClaim } from './quoted-claim.ts';
import { segmentText, type Segment } from './segment.ts';
import { IMPERSONATED_CATEGORIES, type ImpersonatedCategory } from './vocabulary.ts';

/** Words that say someone pretended to be someone ("posing as", "claiming to be from", "bogus"). */
const IMPERSONATION_WORDS =
  /\b(?:claim(?:s|ed|ing) (?:that )?(?:he|she|they) (?:was|were|is|are) ["“‘']?(?:a|an|the|from|with|calling|working)|pos(?:e|es|ed|ing) as|claim(?:s|ed|ing)? to be|pretend(?:s|ed|ing)? to be|purport(?:s|ed|ing)? to be|impersonat\w*|masquerad\w* as|pass(?:ed|ing)? (?:themselves|himself|herself) off as|(?:said|saying) (?:he|she|they) (?:was|were)(?= ["“‘']?(?:a|an|the|from|with|in|working|calling|based|part|police|officers?|detectives?|DCI?|DS|DI|PC|Detective|Sergeant|Inspector|Constable)\b)|introduc(?:es|ed|ing) (?:himself|herself|themselves) as|(?:identif(?:y|ies|ied|ying)|describ(?:es|ed|ing)) (?:himself|herself|themselves) as|(?:gave|giving|gives) (?:his|her|their) names? as|bogus|fake|sham|so-called|who said (?:he|she|they) (?:was|were)(?= ["“‘']?(?:a|an|the|from|with|in|working|calling|based|part|police|officers?|detectives?|DCI?|DS|DI|PC|Detective|Sergeant|Inspector|Constable)\b)|posing|call(?:s|ed|ing) (?:himself|herself|themselves)|(?:caller|callers|fraudsters?|scammers?|man|woman|someone|he|she) (?:says|say|claims?) (?:he|she|they) (?:is|are)|told (?:her|him|them|the victim) (?:he|she|they) (?:was|were) ["“‘']?(?:a|an|from)|(?:claim|pretend|purport)(?:s|ed|ing)? to (?:work|be working|be calling|call) (?:for|from)|(?:said|saying|says) (?:he|she|they) (?:worked|work|works|was calling|were calling|called) (?:for|from|in|at)|apparently from)\b/i;

/**
 * Scare quotes round a rank or office: calls from "DC Harris", giving cash to a "police officer", a call from 'Barclays
 * fraud team'. The quote mark comes first and the words before it are checked from there, so most positions fail on one
 * character.
 */
const QUOTED_OFFICIAL =
  /["“‘'](?<=\b(?:from|by|to|a|an) ["“‘'])(?=(?:police (?:officers?|detectives?)|officers?|detectives?|DC|DS|DI|DCI|PC|Det|Detective|Sergeant|Inspector|Constable|bank (?:staff|officials?|managers?|investigators?)|investigators?)\b|[A-Z][A-Za-z]+["”’']|(?:(?:the|your|her|his|their) )?(?:[A-Z][A-Za-z]+(?:['’]s)? ){0,2}(?:(?:anti-)?fraud|security) (?:team|department|squad|unit|investigators?)["”’'])/;

export const IMPERSONATION_CUE = new RegExp(`${IMPERSONATION_WORDS.source}|${QUOTED_OFFICIAL.source}`, 'i');

/** IMPERSONATION_CUE behind its literal gate (see gatedPattern), for the passes that ask it of every sentence. */
export const SENTENCE_IMPERSONATION_CUE = gatedPattern(IMPERSONATION_CUE);

/**
 * What follows an IMPERSONATION_CUE match in `sentence`, split into the quoted claim that opens it (with its marks; ''
 * when unquoted) and the rest. Scare quotes are a cue that is itself the opening mark: their claim runs to the closing one.
 * A rest that starts with "its" ("fraudsters pretending to be its staff", "from its fraud team") names the bank, force
 * or official body named last in `before`, the sentence's text before the cue (by default, the part of `sentence`
 * before it; give the whole sentence's when `sentence` is only its told tail): "pretending to be Nationwide's staff".
 */
export function claimAfterCue(sentence: string, cue: RegExpExecArray, before = sentence.slice(0, cue.index)): { claim: string; rest: string } {
  const afterCue = sentence.slice(cue.index + cue[0].length);
  const { claim, rest } = splitQuotedClaim(afterCue, /^["“‘']$/.test(cue[0]) ? cue[0] : '');
  const owner = ITS.test(rest) ? lastBodyNamed(before) : undefined;
  return { claim, rest: owner ? rest.replace(ITS, `$1${owner}'s`) : rest };
}

/**
 * The whole sentence's text before a cue found in its told part (the segment itself, or its narrative tail): where
 * "its" may find who it stands for ("Nationwide is warning members after calls from fraudsters pretending to be its staff").
 */
export function wholeBefore(segment: Segment, told: Segment, cue: RegExpExecArray): string {
  return segment.text.slice(0, segment.text.length - told.text.length) + told.text.slice(0, cue.index);
}

/** "its staff", "from its fraud team": the claim is someone belonging to a body named before. */
const ITS = /^(\s*(?:from |with |at |for )?)its\b/i;

/** The bank, building society, force or official body named last in `text`, as written; undefined when none is. */
function lastBodyNamed(text: string): string | undefined {
  let last: { at: number; name: string } | undefined;
  for (const pattern of BODIES) {
    for (const match of allMatches(pattern, text)) {
      const end = match.index + match[0].length;
      if (!last || end > last.at) last = { at: end, name: match[0] };
    }
  }
  return last?.name;
}

/**
 * The officials fraudsters pretend to be, with the name kept in `claimedAs` and the category it counts as (docs/design.md).
 * Police forces and banks are found separately. Companies (BT, Microsoft) are no officials: they have no category.
 */
export const OFFICIALS: { name: string; pattern: RegExp; category?: ImpersonatedCategory }[] = [
  { name: 'HMRC', category: 'hmrc', pattern: /\bHMRC\b|\bHM Revenue\b|\bRevenue and Customs\b|\btax (?:office|officials?|inspectors?|collectors?|department)\b|\bthe taxman\b/i },
  { name: 'DWP', category: 'other-official', pattern: /\bDWP\b|\bDepartment for Work and Pensions\b/ },
  { name: 'BT', pattern: /\bBT\b|\bBritish Telecom\b|\bOpenreach\b/ },
  { name: 'Microsoft', pattern: /\bMicrosoft\b/ },
  { name: 'National Crime Agency', category: 'police', pattern: /\bNational Crime Agency\b|\bNCA\b/ },
  { name: 'Serious Fraud Office', category: 'other-official', pattern: /\bSerious Fraud Office\b/ },
  { name: 'Financial Conduct Authority', category: 'other-official', pattern: /\bFinancial Conduct Authority\b|\bFCA\b/ },
  { name: 'Action Fraud', category: 'other-official', pattern: /\bAction Fraud\b/ },
  { name: 'Report Fraud', category: 'other-official', pattern: /\bReport Fraud\b/ },
  { name: 'Ofcom', category: 'other-official', pattern: /\bOfcom\b/i },
  { name: 'Ofgem', category: 'other-official', pattern: /\bOfgem\b/i },
  { name: 'DVLA', category: 'other-official', pattern: /\bDVLA\b/ },
  { name: 'TV Licensing', category: 'other-official', pattern: /\bTV Licensing\b|\bTV licen[cs]e (?:officials?|staff|officers?)\b/i },
  { name: 'council', category: 'other-official', pattern: /\bcouncil (?:officials?|officers?|staff|workers?|enforcement)\b/i },
  { name: 'court', category: 'other-official', pattern: /\bcourt (?:officials?|officers?|staff|bailiffs?|enforcement)\b|\bbailiffs?\b|\benforcement officers?\b/i },
  { name: 'Home Office', category: 'other-official', pattern: /\bHome Office\b|\bBorder Force\b|\bimmigration (?:officials?|officers?)\b/ },
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

/** OFFICIALS and NAMED_BANKS joined (see anyOf): most clauses name none of them, and one pass says so. */
const ANY_OFFICIAL_OR_BANK = anyOf([...OFFICIALS, ...NAMED_BANKS].map((entry) => entry.pattern));

const GENERIC_BANK = /\b(?:bank|banks|banking|building society)\b(?! (?:cards?|details|accounts?|account details|notes|transfers?|holidays?))/i;
const GENERIC_POLICE = /\b(?:police|officers?|detectives?|constables?|sergeants?|inspectors?|cops?|policemen|policewoman|policeman|CID)\b/i;
/** Ranks written short count in capitals only: a "pc" is a computer. */
const POLICE_RANK_SHORT = /\b(?:PCs?|DCs?|DS|DI|DCI)\b/;

const MET = /\b(?:Metropolitan [Pp]olice|the Met\b|Met [Pp]olice|Scotland Yard|New Scotland Yard)|\bMet (?:detectives?|officers?|police officers?|investigators?)\b/;
/** "Essex Police", "Norfolk Constabulary", "Police Scotland", "PSNI", "British Transport Police". */
const NAMED_FORCE =
  /\b((?:[A-Z][a-z]+(?:[ -](?:and|&|of|[A-Z][a-z]+))*) (?:Police|Constabulary))\b|\b(Police Scotland|PSNI|Police Service of Northern Ireland|City of London Police|British Transport Police)\b/g;

/** Who "its" can stand for after a cue (see claimAfterCue): named banks and officials, forces, and the plain words. */
const BODIES: RegExp[] = [
  ...[...OFFICIALS.filter((official) => official.category), ...NAMED_BANKS].map(({ pattern }) => new RegExp(pattern.source, `${pattern.flags}g`)),
  NAMED_FORCE,
  /\b(?:bank|building society|police|constabulary)\b/gi,
];

/** A force named right before "said", "has warned" is the one reporting, not the one impersonated. */
const REPORTING_AFTER =
  /^\s*(?:,\s*)?(?:(?:has|have|is|are) (?:warned|warning|said|issued|urged|urging|received|reminded|reminding|appealed|appealing|launched|asked|advised|released)|said|says|say|added|warned|warns|issues?|issued|urges?|urged|appeals?|spokes\w*|officers? said|detectives? said)\b/i;

export interface ImpersonatedResult {
  /** Categories (police, bank, hmrc, other-official), in that order. */
  impersonated: ImpersonatedCategory[];
  /** The names the callers used, as written ("Metropolitan Police", "DC Adams", "Barclays", "HMRC"). */
  claimedAs: string[];
}

/** "Detective Constable Matthew Phillips", "DC Adams", "Inspector Hart": a rank and a surname the caller gave. */
const RANKED_NAME =
  /\b(?:(?:Detective|Det)\.? (?:Chief )?(?:Inspector|Sergeant|Constable|Superintendent)|Chief (?:Inspector|Superintendent)|Police Constable|DCI|DC|DS|DI|PC|Inspector|Sergeant|Superintendent|Sgt|Insp)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g;

/** A clause ends at these: what follows is what the caller said or did, not who they claimed to be. */
const CLAUSE_END =
  /[;:(]|,\s(?!or\b|and\b|such as\b|like\b|including\b)|\bwho\b(?! said)|\bthat\b|\bbut\b|\bafter\b|\bwhat\b|\band (?:he|she|they|then)\b|\bto (?:withdraw|buy|transfer|hand|go|call|ring|send|pay|make|take|help|check)\b|\b(?:convinced|persuaded|told|tells|telling|says|tricked|warned|informed|asked|and said)\b/;

/** "a police officer, a member of staff from their bank, or someone from their broadband provider": a list of roles. */
const ROLE_LIST = /^\s*(?:an?|the|someone|somebody)\b[^,;:.]{1,50}(?:,\s(?:an?|the|someone|somebody|staff|officials?)\b[^,;:.]{1,50}){1,4},?\s(?:or|and)\s(?:an?|the|someone|somebody|staff|officials?)\b[^,;:.]{1,50}/;

/**
 * The bank as the story's object, not who was impersonated: "a police officer investigating their bank", "frauds at
 * banks". "The fraud team at your bank" is the bank's own staff.
 */
const BANK_AS_OBJECT =
  /(?<!\b(?:team|department|unit|squad|staff|someone|somebody|manager) )\b(?:investigat\w+|inquir\w+ into|probe into|frauds? at|at|into|about|contact|call|ring|visit) (?:(?:frauds? )?(?:at|into|of) )?(?:an? |the |their |his |her |your )?(?:local )?(?:banks?|building society)\b(?!'s|’s|' | staff| fraud| security| official| manager| worker| employee)/gi;

/** Being put through to "the bank" by the caller is a bank impersonated, whoever rang first. */
const PUT_THROUGH_TO_BANK = gatedPattern(
  /\b(?:put|passed|transferred|handed|connected) (?:(?:her|him|them|the call|the victim) )?(?:through |over |on )?to (?:someone (?:(?:she|he|they) (?:was|were) told )?(?:who )?(?:worked|works|working|from|at|in) (?:for |at |in )?)?(?:her|his|their|the victim's|the|a|an) (?:own )?["“‘']?(?:bank|branch|building society)\b/i);
/** A caller "from her branch", or "her new card had been compromised and someone would collect the old one". */
const BRANCH_CALLER =
  gatedPattern(/\b(?:(?:ringing|calling|phoning|caller|someone|somebody|a man|a woman|(?:he|she) was|they were|staff|the fraud team) from|on behalf of) (?:her|his|their|your) (?:local )?(?:branch|bank)\b/i);
/** The card said to be compromised, the first half of the replacement-card ruse. */
const CARD_CLAIM =
  /\b(?:card|cards)\b[^.]{0,60}\b(?:compromised|cloned|faulty|expir\w+|about to expire|needs? replacing|needed replacing|(?:was|were|had been|has been) (?:blocked|cancelled|stopped))\b/i;
/** The whole ruse in one sentence: the card compromised, then collected or replaced. */
const CARD_SWAP = gatedPattern(new RegExp(String.raw`${CARD_CLAIM.source}[^.]{0,120}\b(?:collect|pick(?:ed)? up|courier|replacement|new (?:one|card))\b`, 'i'));
/** Its second half in a later sentence of the paragraph: "... a courier would collect the old card". */
const CARD_COLLECTION = /\b(?:collect\w*|pick(?:ed)? up|courier)\b[^.]{0,60}\b(?:card|cards)\b|\b(?:replacement|new) (?:card|one)\b/i;
const CALLER = /\b(?:rang|rung|called|phoned|caller|calls?|call from|cold-called|contacted by)\b/i;
/** The tax-arrest call: "you owe tax; pay now or officers will arrest you". HMRC impersonated, named or not. */
const TAX_THREAT =
  withSharedBoundary(/\b(?:unpaid|owed?|owing|outstanding|overdue|owes|back) (?:\w+ ){0,3}tax(?:es)?\b|\btax (?:bill|debt|arrears|rebate|refund)\b/i);
const ARREST_OR_PAY = withSharedBoundary(/\barrest\w*\b|\bwarrant\b|\bpay (?:it |immediately|now|at once|straight away)|\bprosecut\w+|\bcourt\b/i);

/**
 * A paragraph's told sentences so far, joined by spaces, whether TAX_THREAT and ARREST_OR_PAY match that text, and how
 * far the replacement-card ruse has been told in it.
 * Read one sentence at a time (see readParagraph), so the paragraph is not tested again for every sentence.
 */
export interface ParagraphSoFar {
  text: string;
  taxThreat: boolean;
  arrestOrPay: boolean;
  /** A caller who did not say who they were said the card was compromised (CARD_CLAIM) in one of its sentences... */
  cardClaimed: boolean;
  /** ... and a later one said it would be collected or replaced (CARD_COLLECTION): the replacement-card ruse. */
  cardSwap: boolean;
}

/**
 * What a match of TAX_THREAT or ARREST_OR_PAY needs in the sentence added to a paragraph when it did not match the
 * paragraph before (a match ending inside the earlier text would have matched it already): each pattern's words
 * ("tax", "arrest", "warrant", "pay", "prosecut…", "court") in the sentence, or, for a phrase that spans the join,
 * the paragraph so far ending with its first words ("… unpaid tax" + "bill …", "… pay at" + "once …").
 */
const TAX_THREAT_IN_SENTENCE = /tax/i;
const TAX_THREAT_ACROSS_JOIN = /tax$/i;
const ARREST_OR_PAY_IN_SENTENCE = /arrest|warrant|pay|prosecut|court/i;
const ARREST_OR_PAY_ACROSS_JOIN = /pay(?: it| at| straight)?$/i;

/**
 * The paragraph `soFar` (undefined before its first sentence) with `sentence` added: the same text and findings as
 * testing TAX_THREAT and ARREST_OR_PAY on `${soFar.text} ${sentence}` afresh, testing only when the new sentence
 * can make a new match (a match, once there, stays when text is added after a space); and the card ruse carried on
 * (a card claim by a caller who did not say who they were, then its collection in this or a later sentence).
 */
export function readParagraph(soFar: ParagraphSoFar | undefined, sentence: string): ParagraphSoFar {
  const before = soFar?.text ?? '';
  const text = `${before} ${sentence}`;
  const taxThreat =
    (soFar?.taxThreat ?? false) ||
    ((TAX_THREAT_IN_SENTENCE.test(sentence) || TAX_THREAT_ACROSS_JOIN.test(before)) && TAX_THREAT.test(text));
  const arrestOrPay =
    (soFar?.arrestOrPay ?? false) ||
    ((ARREST_OR_PAY_IN_SENTENCE.test(sentence) || ARREST_OR_PAY_ACROSS_JOIN.test(before)) && ARREST_OR_PAY.test(text));
  const cardSwap = (soFar?.cardSwap ?? false) || ((soFar?.cardClaimed ?? false) && CARD_COLLECTION.test(sentence));
  // Only a caller who did not say who they were: "claiming to be from Northumbria Police, said her card was cloned" is police.
  const cardClaimed = (soFar?.cardClaimed ?? false) || (CALLER.test(sentence) && CARD_CLAIM.test(sentence) && !SENTENCE_IMPERSONATION_CUE.test(sentence));
  return { text, taxThreat, arrestOrPay, cardClaimed, cardSwap };
}

/**
 * Who is impersonated without a word like "posing as": being put through to "your bank", a caller "from her branch",
 * the replacement-card ruse (bank); the unpaid-tax arrest call (hmrc). `paragraph` is the text told so far in the
 * sentence's paragraph (read so far, see readParagraph), since the threat often follows the claim in the next sentence.
 */
export function impliedImpersonation(sentence: string, paragraph: ParagraphSoFar = readParagraph(undefined, sentence)): ImpersonatedCategory[] {
  const found: ImpersonatedCategory[] = [];
  if (PUT_THROUGH_TO_BANK.test(sentence) || paragraph.cardSwap || (CALLER.test(sentence) && (BRANCH_CALLER.test(sentence) || CARD_SWAP.test(sentence)))) found.push('bank');
  // "They owed unpaid tax. They were warned a warrant would be executed for their arrest": one paragraph.
  if (paragraph.taxThreat && paragraph.arrestOrPay) found.push('hmrc');
  return found;
}

/**
 * Who the fraudsters pretended to be: categories (docs/design.md: police, bank, hmrc, other-official) and the names they
 * used. A force named right before "said"/"has warned" is the one reporting, not the one impersonated; "the Met" is
 * "Metropolitan Police". Implied cases count: being put through to "your bank", a caller "from her branch", the
 * replacement-card ruse, and the tax-arrest call (hmrc). Advice ("police will never ...") names nobody.
 */
export function findImpersonated(text: string, segments: Segment[] = segmentText(text)): ImpersonatedResult {
  const categories = new Set<ImpersonatedCategory>();
  const claimed: string[] = [];
  const claim = (name: string) => {
    if (name && !claimed.some((known) => known.toLowerCase() === name.toLowerCase())) claimed.push(name);
  };
  const toldParagraphs = new Map<number, ParagraphSoFar>();
  for (const segment of segments) {
    const told = classifySentence(segment) === 'advice' ? narrativeTail(segment) : segment;
    if (!told) continue;
    const sentence = told.text;
    const paragraph = readParagraph(toldParagraphs.get(segment.paragraph), sentence);
    toldParagraphs.set(segment.paragraph, paragraph);
    for (const category of impliedImpersonation(sentence, paragraph)) categories.add(category);
    const cue = SENTENCE_IMPERSONATION_CUE.exec(sentence);
    if (!cue) continue;
    // What follows the cue, up to a clause break (or a whole list of roles), is who they pretended to be; a quoted
    // claim ('said he was "DC Smith, from the Met"') is whole, whatever commas or words are inside the quotes.
    const { claim: quoted, rest } = claimAfterCue(sentence, cue, wholeBefore(segment, told, cue));
    const list = quoted ? null : ROLE_LIST.exec(rest);
    const clause = cue[0] + quoted + (list ? list[0] : rest.slice(0, CLAUSE_END.exec(rest)?.index));
    let foundForce = false;
    for (const match of allMatches(NAMED_FORCE, clause)) {
      const name = normaliseForce(match[1] ?? match[2] ?? '');
      const rest = clause.slice(match.index + match[0].length);
      // "claiming to be from Police Scotland said burglars...": named straight after the cue, it is the one impersonated.
      const rightAfterCue = /^\s*["“‘']?(?:\S+\s+){0,4}?(?:from|for|with|as|be)\s+["“‘']?(?:the\s+|an?\s+)?$/i.test(clause.slice(cue[0].length, match.index)) || match.index === 0;
      if (!rightAfterCue && REPORTING_AFTER.test(rest)) continue;
      foundForce = true;
      if (/^(?:Metropolitan Police|Met Police)$/i.test(name) || !name) continue;
      claim(name);
    }
    if (MET.test(clause)) {
      claim('Metropolitan Police');
      foundForce = true;
    }
    // "officers from the force", "the force's detectives": the force the sentence names as reporting.
    if (!foundForce && /\b(?:from|of) (?:the|this|that) force\b|\bthe force's\b/i.test(clause)) {
      const reporting = allMatches(NAMED_FORCE, sentence)[0];
      const name = reporting ? normaliseForce(reporting[1] ?? reporting[2] ?? '') : '';
      if (name && !/^(?:Metropolitan Police|Met Police)$/i.test(name)) claim(name);
      foundForce = true;
    }
    for (const ranked of allMatches(RANKED_NAME, clause)) claim(ranked[0]);
    let otherOfficial = false;
    const namesOfficialOrBank = ANY_OFFICIAL_OR_BANK.some((pattern) => pattern.test(clause));
    for (const official of namesOfficialOrBank ? OFFICIALS : []) {
      if (!official.pattern.test(clause)) continue;
      claim(official.name);
      if (official.category) categories.add(official.category);
      if (official.category !== 'police') otherOfficial = true;
    }
    for (const bank of namesOfficialOrBank ? NAMED_BANKS : []) {
      if (!bank.pattern.test(clause)) continue;
      claim(bank.name);
      categories.add('bank');
    }
    // "officers from the National Crime Agency": the officers are that agency's; "HMRC officers" are HMRC.
    if (foundForce || ((GENERIC_POLICE.test(clause) || POLICE_RANK_SHORT.test(clause)) && (!otherOfficial || /\bpolice\b/i.test(clause)))) categories.add('police');
    if (GENERIC_BANK.test(clause.replace(BANK_AS_OBJECT, ''))) categories.add('bank');
  }
  return { impersonated: IMPERSONATED_CATEGORIES.filter((category) => categories.has(category)), claimedAs: claimed };
}

/**
 * "Essex Police" → "Essex Police", "Police Service of Northern Ireland" → "PSNI", "Sergeant Lee of Derbyshire Police" →
 * "Derbyshire Police" (the officer's name is kept on its own); "Fake Police" → "" (no name).
 */
function normaliseForce(name: string): string {
  if (/^(?:PSNI|Police Service of Northern Ireland)$/i.test(name)) return 'PSNI';
  const clean = name
    .replace(/^(?:(?:Detective|Det|Chief|Police)\s+)*(?:Inspector|Sergeant|Constable|Superintendent|Officer|DCI|DC|DS|DI|PC|Sgt|Insp)\s+(?:[A-Z][a-z]+\s+){1,2}of\s+/, '')
    .replace(/^(?:The|A|An|From|Either|Or|And|Fake|Bogus|Sham|So-called|Genuine|Real)\s+/i, '').trim();
  return /^(?:Police|Constabulary)$/i.test(clean) ? '' : clean;
}
