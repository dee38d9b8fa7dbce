import { withSharedBoundary } from './join-patterns.ts';
import { anyOfGated, literalGate } from './literal-gate.ts';
import { classifySentence, isNegated, narrativeTail, type SentenceKind } from './sentence-kind.ts';
import { segmentText, type Segment } from './segment.ts';
import { TACTICS, type Tactic } from './vocabulary.ts';

/** Each tactic, as fraudsters' acts are written in police and local news. Tested only on narrative sentences. */
const TACTIC_PATTERNS: Record<Tactic, RegExp[]> = {
  'pin-request': [
    /\bPINs?\b/,
    /\bpin (?:numbers?|codes?)\b/i,
    /\b(?:bank(?:ing)?|card|account|security|personal|financial) (?:details|information|numbers?|codes?)\b/i,
    /\bpasswords?\b|\bpasscodes?\b|\bone[- ]time (?:pass)?codes?\b|\bsecurity codes?\b/i,
    /\b(?:give|gave|giving|tell|told|pass(?:ed)?|send|sent) (?:the caller|them|him|the fraudsters?|the scammers?|the man|the woman) (?:the |her |his |their )?(?:[\w-]+ )?(?:codes?|PINs?|pin numbers?)\b/i,
    /\b(?:send|sent|sending|text|texted) (?:photos|pictures|images|a photo|a picture) of (?:the |them\b|her |his )?(?:[\w-]+ )?(?:cards?|vouchers?|codes?)?/i,
    /\bread (?:out )?(?:the |their |her |his )?(?:[\w-]+ )?(?:codes?|numbers?|card numbers?)\b(?:[^.]{0,20}\bover the phone)?/i,
    /\bdetails (?:about|of) (?:their|her|his|your) (?:financial |bank )?(?:accounts?|cards?)\b/i,
    /\b(?:reveal|revealing|divulg\w+|disclos\w+|obtain\w*|extract\w*)\b[^.]{0,40}\b(?:details|information|PINs?|passwords?|codes?)\b/i,
  ],
  'card-handover': [
    /\b(?:hand(?:ed|ing|s)? over|gave|give|giving|handed|hand|put|place[ds]?|leave|left|seal(?:ed)?|collect(?:ed|ing)?|pick(?:ed)? up|post(?:ed)?|sen[dt])\b[^.]{0,80}\b(?:bank|debit|credit)? ?cards?\b(?! (?:details|numbers?|reader|machine|had been|has been|was|were))/i,
    /\bhand(?:ed|ing|s)? (?:the|his|her|their|a) (?:bank |debit |credit )?cards? over\b/i,
    /\b(?:bank|debit|credit) cards?\b(?! (?:details|numbers?|had been cloned|were cloned|was cloned|had been used))[^.]{0,80}\b(?:collected|handed over|given|picked up|taken|to a courier|to the courier|into an envelope)\b/i,
    /\bhand(?:ed|ing)? over (?:his|her|their)? ?(?:bank |debit |credit )?card\b/i,
    /\bhand(?:ed|ing|s)? (?:his|her|their|the|a) (?:bank |debit |credit )?cards? to\b/i,
  ],
  'cash-withdrawal': [
    // "cards later used to withdraw cash" is the fraudsters' doing, not the victim's.
    /(?<!used to )\b(?:withdraw|withdrawing|withdrew)\b/i,
    /\b(?:draw|drew|drawn|take|took|taken) (?:it|them|the (?:money|cash|savings)) out\b|\bempty (?:her|his|their|the) (?:bank )?accounts?\b/i,
    /\btake out (?:large sums of |thousands of pounds in |)(?:cash|money)\b/i,
    /\b(?:draw(?:s|ing|n)?|drew) out\b|\b(?:take|took|taking|takes) (?:the |her |his |their )?(?:cash|money|savings) out\b/i,
    /\b(?:went|go|going) to (?:the|their|his|her) bank (?:to|and) (?:take out|get|collect)\b/i,
  ],
  'courier-collection': [
    // "courier fraud" names the scam; it is not a courier sent.
    /\bcouriers?\b(?![ -](?:fraud|scams?|fraudsters?))/i,
    /\bcourier fraudsters?\b[^.]{0,80}\b(?:collected|came|arrived|called at)\b/i,
    /\btaxis?\b/i,
    /\b(?:sent|send|came|come|arrived|arrive|called) (?:round )?to (?:the|their|his|her) (?:house|home|address|door)\b[^.]{0,60}\bcollect/i,
    /\b(?:someone|a man|a woman|an? (?:officer|detective|associate)) (?:would|will|was going to) (?:come|call|be sent) (?:round |by )?to collect\b/i,
    /\bwho (?:would|will|was going to) (?:come (?:round )?(?:to )?)?collect\b/i,
    /\b(?:visit|come|call round) to (?:pick up|collect)\b/i,
    // "A man later arrived at his door and took the money away": a collection at the door.
    /\b(?:arrived|turned up|called|came|returned) (?:back )?(?:at|to) (?:the|their|his|her) (?:door|doorstep|home|house|address|flat)\b[^.]{0,60}\b(?:took|take|taking|collected|collect|picked up|left with)\b[^.]{0,40}\b(?:cash|money|cards?|envelope|package|parcel|jewellery|gold|valuables|watch(?:es)?)\b/i,
    /\b(?:sent|came|arrived) to (?:pick up|collect|take away)\b/i,
    /\b(?:collected|picked up|taken away) (?:from|at) (?:the|her|his|their) (?:homes?|houses?|address(?:es)?|doors?|doorsteps?|flats?)\b/i,
    /\bto be (?:picked up|collected)\b/i,
    // "a colleague would call round for it"; "a man arrived an hour later and she gave him her card".
    /\b(?:would|will|was going to|is going to) (?:call|come|pop) (?:round|over|by) (?:for|to (?:collect|pick up|get))\b|\barrived\b[^.]{0,60}\b(?:gave|handed)\b[^.]{0,30}\b(?:cards?|cash|money|jewellery|gold|watch(?:es)?|envelope)\b/i,
    /\bwhich (?:was|were) (?:later |then |subsequently )?(?:collected|picked up) by\b|\bpicked up the (?:watch(?:es)?|cash|money|cards?|gold|jewellery|coins|parcel|package|envelope)\b/i,
    /\bhand(?:ed|ing|s)?\b[^.]{0,40}\bto (?:a|an|the) (?:man|woman|stranger|someone|person)\b/i,
    /\bcollect(?:ed|ing|s)?\b[^.]{0,40}(?:\b(?:cash|money|cards?)\b|£[\d,]+)[^.]{0,40}\bfrom (?:an?|the|her|his|their) /i,
    /\b(?:was|were) (?:later |then |soon |subsequently )?(?:collected|picked up) by (?:a|an|the) (?:man|woman|courier|driver|someone|stranger|taxi)\b/i,
    // Bogus officers at the door: "were let into the home ... and left with £1,200 in cash".
    /\bleft with\b[^.]{0,30}\b(?:cash|money|cards?|jewellery|gold|valuables|watch(?:es)?)\b/i,
    /\b(?:sen[dt]s?|sending) (?:someone|somebody|a \w+|an \w+) (?:round |over )?to (?:collect|pick up|take away)\b/i,
    /\bwho (?:would|will|was going to|was to) (?:come|call|visit|be sent) (?:round )?(?:to|at) (?:the|their|his|her) (?:house|home|door|flat|address)\b/i,
    /\b(?:money|cash|cards?|gold|jewellery|envelope|package|parcel|watch(?:es)?|valuables|bag) (?:was|were) (?:later |then |soon |subsequently )?(?:collected|picked up)\b/i,
    /\bto (?:a|an|the) (?:man|woman|courier|driver|stranger|someone|person)\b[^.]{0,20}\bat (?:her|his|their|the) (?:door|doorstep|front door|home|house)\b/i,
    /\b(?:leave|left|put|place[ds]?)\b[^.]{0,60}\b(?:on (?:the|her|his|their) (?:doorstep|step|porch|front step)|outside (?:the|her|his|their) (?:front )?(?:door|house|home)|under (?:the|a) (?:mat|doormat|plant pot)|by (?:the|her|his|their) (?:garden |front )?(?:gate|door|bins?)|in (?:the|her|his|their) (?:porch|front garden|garden))\b/i,
    // "hand £4,000 to a 'colleague' who called at his house", "to a driver who came to her flat".
    /\bwho (?:called|came|arrived|turned up) (?:round )?(?:at|to) (?:the|their|his|her) (?:house|home|door|doorstep|flat|address)\b/i,
  ],
  'bank-transfer': [
    /\btransfer(?:red|ring|s)?\b[^.]{0,80}(?:\b(?:account|money|funds|savings)|£)/i,
    /\bsafe accounts?\b/i,
    /\bby (?:bank |online |a )?transfer\b|\bbank transfers?\b/i,
    /\bmove (?:their|his|her|the) (?:money|savings|funds)\b/i,
    /\bmoved? (?:money|savings|funds|£[\d,]+) (?:to|into)\b/i,
  ],
  'high-value-purchase': [
    /(?<!\bcards? to )\b(?:buy|bought|buying|purchase[ds]?|purchasing)\b[^.]{0,60}\b(?:gold|bullion|jewellery|watch(?:es)?|rolex|(?:gift|google play|play store|itunes|apple|steam|amazon|prepaid|store) cards?|vouchers?|itunes|high[- ]value|iphones?|mobile phones?|phones|laptops?|ipads?|tablets?|electronics|designer (?:goods|handbags?)|diamonds?|coins|sovereigns?)\b/i,
    /\b(?:gold bars?|gold bullion|gift cards?|rolex watch(?:es)?|itunes vouchers?)\b/i,
  ],
  'valuables-handover': [
    // Bogus officers taking jewellery "for safekeeping" at the door.
    /\b(?:jewellery|jewelry|valuables|gold|watch(?:es)?|rings?)\b[^.]{0,60}\bfor safe ?keeping\b|\bfor safe ?keeping\b[^.]{0,40}\b(?:jewellery|jewelry|valuables|gold|watch(?:es)?|rings?)\b/i,
    // "took"/"taken" alone is theft ("thieves took rings"); a handover needs the victim to give or someone to collect.
    /\b(?:hand(?:ed|ing|s)? (?:(?:them|it) )?over|gave|give|giving|collect(?:ed|ing)?|handed)\b[^.]{0,80}\b(?:jewellery|jewelry|valuables|gold|watch(?:es)?|rolex|possessions|heirlooms|rings?|high[- ]value (?:items|goods)|items of value)\b/i,
    /\b(?:jewellery|jewelry|valuables|gold|watch(?:es)?|rolex|iphones?|phones|laptops?|ipads?|diamonds?|coins|sovereigns?)\b[^.]{0,100}\b(?:collect(?:ed)?|handed (?:(?:them|it) )?over|given|taken away by|to a courier|to the courier|to a driver|leave (?:them|it) with|left (?:them|it) (?:in|on|by|outside|under) )/i,
  ],
  'line-held-open': [
    // The caller tells the victim to ring 999, 101, 161 or the bank to check: the line is theirs.
    /\b(?:told|asked|invited|instructed|urged|urging|suggests?|suggested|advised|got|persuaded)\b[^.]{0,40}\b(?:to )?(?:call|ring|dial|phone)\b[^.]{0,12}\b(?:999|101|161|the police|police|(?:her|his|their|the) bank)\b/i,
    /\b(?:connected|put|went|goes|taken|took (?:her|him|them)) (?:straight )?(?:back |through )?(?:through )?to (?:the )?(?:fraudulent caller|fraudsters?|scammers?|callers?|offenders?|them|a second (?:person|man|woman|fraudster))\b/i,
    /\b(?:has|had|does|did|have)(?: not|n't) (?:hung|hang) up\b/i,
    /\b(?:line|call) (?:is|was|were|being|has been) (?:kept|held|left) open\b/i,
    /\bstay(?:ed|s|ing)? on the (?:phone )?line\b/i,
    /\b(?:line|call) (?:open|remained open|stayed open|still open|was kept open|was held open)\b/i,
    /\b(?:kept|keep|keeps|held|hold|holds|leave|left) the (?:phone )?(?:line|call) open\b/i,
    /\b(?:line|call) (?:had been|was|were) (?:kept|held|left) open\b/i,
    /\b(?:stayed|remained|stays|remains|stay|remain) on the line\b/i,
    /\bline (?:had|has|was|had still) not (?:been )?(?:cleared|disconnected|closed|ended)\b|\bstill (?:speaking|talking) to the same\b/i,
    /\b(?:still|was|were) (?:connected|on the line) to the (?:fraudsters?|scammers?|callers?|same)\b/i,
    /\b(?:tried|attempted) to (?:ring|call|phone|dial) (?:999|101|the police|police|(?:her|his|their|the) bank)\b[^.]{0,60}\b(?:fraudsters?|scammers?|caller|same (?:man|woman|people)) (?:answered|picked up|came (?:back )?on)\b/i,
    /\b(?:do|did) not (?:disconnect|hang up|end the call|clear the line)\b/i,
    /\bnever (?:hung up|disconnected|cleared the line)\b/i,
    /\bstill (?:speaking|connected|on the line) to (?:the )?(?:fraudster|scammer|caller|offender|criminal)/i,
    /\bhang(?:s)? up (?:the phone )?and (?:ring|call|phone|dial)s? (?:the )?(?:bank|police|999|101)\b/i,
  ],
  secrecy: [
    // Cover stories and silence: "told what to say", "make up a story", "not to let family know".
    /\btold what to say\b|\bmake up a (?:cover )?story\b|\bcover stor(?:y|ies)\b|\b(?:to say|to tell (?:the )?(?:bank|cashier|staff)) (?:that )?(?:it|the (?:money|cash|withdrawal)) (?:was|is) for\b/i,
    /\bnot to let (?:\w+ ){0,3}know\b|\b(?:not to|to not) (?:say anything|tell (?:their|her|his|anyone|anybody|friends|family|(?:the )?(?:bank|bank staff|staff|cashiers?|branch)))|\bnot to (?:discuss|mention) (?:this|it|the \w+) with\b/i,
    /\bnot to trust (?:any |the )?(?:bank )?(?:staff|cashiers?|employees?)\b/i,
    /\b(?:was|is|were|are|being) (?:top )?secret\b|\btop[- ]secret\b/i,
    /\bkeep (?:the matter|it|this|the call|everything|the investigation) to (?:herself|himself|themselves|yourself|ourselves)\b/i,
    // A cover story for the bank: "to tell staff it was for building work".
    /\b(?:tell|told|say|said|telling|saying)\b[^.]{0,30}\b(?:it|the (?:money|cash|withdrawal|transfer)) was for\b/i,
    /\b(?:must|should|could|was to|were to|is to|are to) not (?:tell|discuss|mention|speak (?:to|about)|talk (?:to|about)|inform)\b|\bnot to discuss\b/i,
    /\b(?:keep|kept) (?:the|this|it|everything) (?:matter |call |investigation )?(?:confidential|quiet|between)\b|\bconfidential(?:ity)?\b/i,
    /\b(?:staff|member of staff|cashiers?|employees?) at (?:his|her|their|the) (?:local )?(?:bank|branch)\b[^.]{0,30}\b(?:under investigation|involved|corrupt|in on it)\b/i,
    /\b(?:told|tell|asked|instructed|warned)\b[^.]{0,40}\bnot to (?:tell|speak|talk|discuss|inform|mention)\b/i,
    /\b(?:keep|kept) (?:it|this|the (?:call|matter|investigation|reason|real reason|purpose|withdrawal|transfer))? ?(?:a )?secret\b/i,
    /\btell no ?one\b|\bnot to tell anyone\b/i,
    /\b(?:lie|lied) to (?:the )?(?:bank|cashier|staff|family)\b/i,
    /\b(?:bank staff|cashiers?|staff at the bank) (?:were|was|are|is) (?:corrupt|involved|part of)/i,
    /\bcorrupt (?:bank )?(?:staff|employees?|cashiers?|officers?)\b/i,
    /\b(?:cashiers?|bank staff|branch staff|staff at (?:his|her|their|the) (?:local )?(?:bank|branch))\b[^.]{0,30}\b(?:could not|cannot|can't|couldn't|were not to) be trusted\b/i,
    /\bnot to trust (?:the )?(?:bank|cashiers?|staff|family)\b/i,
  ],
  post: [
    /\b(?:by|in the|through the|via) post\b/i,
    /\b(?:post(?:ed|ing)?|mail(?:ed|ing)?) (?:it|them) (?:off )?to\b/i,
    /\b(?:post(?:ed|ing)?|mail(?:ed|ing)?) (?:the |her |his |their |a )?(?:£[\d,.]+k? (?:in |of )?)?(?:bank |debit |credit )?(?:cash|money|cards?|notes|parcel|package|jewellery|gold|envelope)\b/i,
    // A parcel sent ("posted the cash in a parcel"), not any parcel ("she was expecting a parcel that day").
    /\b(?:royal mail|special delivery)\b|\b(?:sent|send|sending|posted|post|posting|mailed)\b[^.]{0,40}\bparcels?\b|\bparcels?\b[^.]{0,30}\b(?:sent|posted|mailed)\b/i,
  ],
};

/** TACTIC_PATTERNS, each tactic's list joined for speed behind the literals any of them needs (see anyOfGated). */
const TACTIC_TESTS = Object.fromEntries(TACTICS.map((tactic) => [tactic, anyOfGated(TACTIC_PATTERNS[tactic])])) as Record<Tactic, ReturnType<typeof anyOfGated>>;

/** Does the sentence show this tactic (any of its patterns)? */
function showsTactic(tactic: Tactic, text: string): boolean {
  return TACTIC_TESTS[tactic].test(text);
}

const PRONOUN_HANDOVER = withSharedBoundary(/\b(?:hand(?:ed|ing|s)?|gave|give|giving|pass(?:ed)?) (?:it|them) (?:over )?to\b|\bhand(?:ed|ing|s)? (?:it|them) over\b/i);
const VALUABLES = /\b(?:jewellery|jewelry|valuables|gold|bullion|watch(?:es)?|rolex|rings?|necklaces?|heirlooms)\b/i;

/** Handing cards, cash or valuables over in person means someone came to collect them. */
const IN_PERSON_HANDOVER = /\bhand(?:ed|ing|s)? (?:(?:them|it) )?over\b/i;

/** "..., as fraudsters can stay on the line", "... as there have been cases of fraudsters keeping the line open". */
const REASON_ABOUT_FRAUDSTERS =
  /\b(?:as|because|since)\s+(?=(?:there (?:have|has) been (?:cases|reports|instances) (?:of|where)\s+)?(?:the\s+)?(?:fraudsters?|scammers?|criminals?|callers?|offenders?|con ?men|conmen|they)\b)/i;

const ARRANGED_PASSWORD =
  withSharedBoundary(/\b(?:choose|chose|chosen|set|agree|agreed|given|gave (?:her|him|them)|using|use|with) (?:a |an |the )?(?:new |agreed )?(?:password|passcode|code ?word)\b|\b(?:password|passcode|code ?word) (?:to (?:say|give|use)|for the courier)\b|\b(?:PIN|pin) (?:had been|has been|was) (?:compromised|cloned|stolen)\b/g);

/** A sentence without ARRANGED_PASSWORD's literals has nothing to take out (see literalGate). */
const ARRANGED_PASSWORD_GATE = literalGate([ARRANGED_PASSWORD]);

function fraudsterReason(segment: Segment): Segment | undefined {
  const match = REASON_ABOUT_FRAUDSTERS.exec(segment.text);
  return match ? { ...segment, text: segment.text.slice(match.index + match[0].length) } : undefined;
}

export interface TacticEvidence {
  tactic: Tactic;
  sentence: string;
}

export interface TacticsResult {
  tactics: Tactic[];
  evidence: TacticEvidence[];
}

/** What the fraudsters did, from narrative sentences only: advice, generic descriptions and negations are ignored. */
export function findTactics(text: string, segments: Segment[] = segmentText(text)): TacticsResult {
  const found = new Set<Tactic>();
  const evidence: TacticEvidence[] = [];
  let previous: string | undefined;
  for (let segment of segments) {
    const kind: SentenceKind = classifySentence(segment);
    // What fraudsters typically do counts ("the caller will then ask for your PIN"), advice never does; an advice
    // sentence may still give a reason that describes them ("hang up and wait, as fraudsters keep the line open").
    const told = kind === 'advice' ? (fraudsterReason(segment) ?? narrativeTail(segment)) : segment;
    if (!told) continue;
    // "the line had not been cleared", "they did not hang up": the negation is the tactic itself.
    if (isNegated(told.text)) {
      if (!found.has('line-held-open') && showsTactic('line-held-open', told.text)) {
        found.add('line-held-open');
        evidence.push({ tactic: 'line-held-open', sentence: told.text });
      }
      continue;
    }
    segment = told;
    for (const tactic of TACTICS) {
      // Each tactic is reported once, with its first sentence: once found, later sentences need not be tested for it.
      if (found.has(tactic)) continue;
      // A password the fraudsters set for the courier ("given a password to say") is no request for the victim's.
      const text = tactic === 'pin-request' && ARRANGED_PASSWORD_GATE.mayMatch(segment.text) ? segment.text.replace(ARRANGED_PASSWORD, '') : segment.text;
      if (showsTactic(tactic, text)) {
        evidence.push({ tactic, sentence: segment.text });
        found.add(tactic);
      }
    }
    // "told him to buy the watch ... He handed it to a courier": "it" is the valuable named just before.
    if (!found.has('valuables-handover') && previous && PRONOUN_HANDOVER.test(segment.text) && VALUABLES.test(previous)) {
      found.add('valuables-handover');
      evidence.push({ tactic: 'valuables-handover', sentence: segment.text });
    }
    previous = segment.text;
    const handedOverInPerson =
      !found.has('courier-collection') &&
      IN_PERSON_HANDOVER.test(segment.text) && /\bcards?\b|\bcash\b|\bmoney\b|\bjewellery\b|\bvaluables\b|\bgold\b|\bwatch(?:es)?\b/i.test(segment.text) && !/\bpost\b/i.test(segment.text);
    if (handedOverInPerson && !found.has('courier-collection')) {
      found.add('courier-collection');
      evidence.push({ tactic: 'courier-collection', sentence: segment.text });
    }
  }
  return { tactics: TACTICS.filter((tactic) => found.has(tactic)), evidence };
}
