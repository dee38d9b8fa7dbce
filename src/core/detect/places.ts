import type { Gazetteer, GazetteerPlace } from '../geo/gazetteer.ts';
import { allMatches } from './all-matches.ts';
import { IMPERSONATION_CUE } from './impersonated.ts';
import { gatedPattern, literalGate } from './literal-gate.ts';
import { segmentText, type Segment } from './segment.ts';
import { classifySentence, narrativeTail } from './sentence-kind.ts';
import type { PlaceMention } from './vocabulary.ts';

/** Words that turn a place name into something else: "Essex Police", "Norwich Road", "Watford General Hospital". */
const NAME_SUFFIX =
  /^(?:Police|Constabulary|Council|County Council|Borough Council|Fire|Crown|Magistrates|Court|Hospital|University|College|School|Academy|Station|Airport|FC|United|Town FC|Road|Street|St|Lane|Close|Avenue|Drive|Way|Crescent|Gardens|Terrace|Place|Grove|Walk|Row|Square|Mews|Rise|Parade|Highway|Bypass|Unit|Team|Squad|Yard|Garden|Partnership|Trust|Operation|Division|Branch|Centre|Center|Library|Church|Chronicle|Gazette|Echo|Times|Post|Mercury|Advertiser|Standard|Herald|Observer|News|Live|Mail|Express)$/;
/** Lowercase words after a place that make it an organisation: "Hampshire police say". */
const LOWER_ORG_SUFFIX = /^(?:police|constabulary|officers?|detectives?|council|force|fire|trading standards)$/;
/** Street types, for the "Beeston Lane, Great Fransham, at 10am" listing pattern. */
const STREET_TYPE =
  'Road|Lane|Close|Street|Avenue|Drive|Way|Crescent|Gardens|Terrace|Place|Grove|Hill|Walk|Court|Row|Square|Mews|Rise|View|Park|Green|Parade|Chase|End|Meadow|Meadows|Fields|Vale';
const STREET_THEN_PLACE = new RegExp(
  String.raw`\b[A-Z][\w'’]+(?: [A-Z][\w'’]+)* (?:${STREET_TYPE}),\s+((?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|upon|on|under|next the|in the|le))*)\s*(?=,|\(|$|\bat\b|\bbetween\b|\bon\b|\.)`,
  'g',
);
const STREET_GATE = literalGate([STREET_THEN_PLACE]);
/** Titles before a person's name: the run that follows is a person, not a place. */
const PERSON_TITLE =
  /^(?:Mr|Mrs|Ms|Miss|Dr|Det|Detective|Insp|Inspector|Chief|Sgt|Sergeant|PC|DC|DS|DI|DCI|Supt|Superintendent|Constable|Officer|Commander|Councillor|Cllr|Sir|Dame|Lord|Lady|Judge|Rev|Reverend|Father|Canon|Professor|Prof|Captain|Major|Colonel|PCSO)$/;
/** Place names that are also everyday words or first names: only taken after a place cue ("in", "from"). */
const COMMON_WORDS = new Set(
  (
    'march may june july street over sale send deal hope ware wells reading battle bridge church cove croft crook dale ' +
    'dollar eye fleet ford forth grain grove hale hay hill hook law lea lee mere moss pant par plains pool rake rock ' +
    'shaw stock stone tumble valley wall warden wick wing wool banks box bow beer ash settle nelson keith leslie connor ' +
    'logan barry arnold clare denny currie nash haynes harley brooke barnes kenn bray cliffe sandy marr moira bugle ' +
    'roche speke patna hebron dingle crick union green park common marsh heath end mark justice victoria prince ' +
    'sutton walton norton burton hilton hutton morley ripley dudley ashley astley benson grays bury holt eaton ' +
    'angus lewis douglas morgan bradley stanley clifton chester preston kent'
  ).split(' '),
);
/** Months and days are capitalised but are never places. */
const CALENDAR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$/;
/** Cues before a place: "in Dereham", "from Rickmansworth", "across Essex", "residents of Bushey". */
const PLACE_CUE = /\b(?:in|from|near|around|across|throughout|of|at|to|covering|including|and|between|towards|outside)\s*$/;
const STRONG_CUE = /\b(?:in|from|near|around|across|throughout|covering|including|residents of|villages? of|town of|areas? of)\s*$/i;
const CONNECTORS = new Set(['upon', 'on', 'under', 'le', 'in', 'the', 'and', 'of', 'next', 'by', 'en', 'with', 'cum']);

/** A sentence about forces pooling resources names their areas, not where calls happened. */
const ORGANISATIONAL_SENTENCE = gatedPattern(/\b(?:resources|task ?force|other forces|neighbouring forces|forces across|forces in|regional organised crime)\b/i);
/** The Met's home is not where the calls were. */
const MET_CONTEXT = gatedPattern(/\b(?:Metropolitan|Met Police|the Met\b|Scotland Yard)/);

interface Token {
  word: string;
  start: number;
  end: number;
}

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** Inside a word: letters, apostrophes, dots and hyphens ("O'Neill", "St.", "Stoke-on-Trent"). */
const isInWord = (code: number) => isLetter(code) || code === 39 || code === 0x2019 || code === 46 || code === 45;

/**
 * The sentence's words and "&", with where each starts and ends: a word runs from a letter to the last letter before
 * anything that cannot be inside a word ("St." is "St"). The same tokens as the pattern
 * /[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|&/g, read in one pass by character codes.
 */
function tokenize(sentence: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < sentence.length) {
    const code = sentence.charCodeAt(index);
    if (code === 38) {
      tokens.push({ word: '&', start: index, end: index + 1 });
      index += 1;
    } else if (isLetter(code)) {
      let end = index + 1;
      for (let next = index + 1; next < sentence.length && isInWord(sentence.charCodeAt(next)); next += 1) {
        if (isLetter(sentence.charCodeAt(next))) end = next + 1;
      }
      tokens.push({ word: sentence.slice(index, end), start: index, end });
      index = end;
    } else {
      index += 1;
    }
  }
  return tokens;
}

/** "Dereham", "St", "Stoke-on-Trent" (not "BBC", not "the"). Every form starts with A–Z: most words fail that one test. */
const isCapitalised = (word: string) => {
  const first = word.charCodeAt(0);
  return first >= 65 && first <= 90 && (/^[A-Z][a-z'’]/.test(word) || /^St$/.test(word) || /^[A-Z][a-z]*-[A-Z]?[a-z]/.test(word));
};

export interface PlacesOptions {
  gazetteer?: Gazetteer;
}

/**
 * Places named as where the calls or victims were: towns, districts, villages, counties, London boroughs. Names come
 * from the gazetteer, or from the text's own cues for villages it lacks ("Mill Street, Elsing", "in Holme Hale").
 * Counties and areas count when named as where ("Hampshire pensioners", "in Bucks", "west Wales"). Left out: force
 * names ("Devon and Cornwall Police"), streets, people, the base a caller claimed ("a detective in Holborn"), places
 * in the fraudster's story ("he said the card was used in Leeds"), defendants' homes and courts in court reports, and
 * where calls were traced. Villages found only from the text have no coordinates: geo/resolve-places.ts looks them up.
 */
export function findPlaces(text: string, options: PlacesOptions = {}, segments: Segment[] = segmentText(text)): PlaceMention[] {
  const gazetteer = options.gazetteer;
  const countyHint = guessCounty(text, gazetteer);
  const found = new Map<string, PlaceMention>();
  /** How often each name was written as a place, and the gazetteer place it is exactly the name of. */
  const written = new Map<string, number>();
  const namedPlace = new Map<string, GazetteerPlace>();
  /** `exact`: `name` is just what the gazetteer was asked for ("Clacton"), not that with a compass word ("west Wales"). */
  const add = (name: string, place: GazetteerPlace | undefined, kind?: PlaceMention['kind'], exact = true) => {
    const clean = name.replace(/[’]/g, "'").trim();
    const key = clean.toLowerCase();
    written.set(key, (written.get(key) ?? 0) + 1);
    if (place && exact) namedPlace.set(key, place);
    if (found.has(key)) return;
    const mention: PlaceMention = { name: clean };
    if (place) {
      mention.lat = place.lat;
      mention.lng = place.lng;
      mention.kind = place.kind;
    } else if (kind) {
      mention.kind = kind;
    }
    found.set(key, mention);
  };

  for (const segment of segments) {
    const sentence = segment.text;
    if (ORGANISATIONAL_SENTENCE.test(sentence)) continue;
    // "I would urge people across Leicester and Rutland to stay alert": advice names its audience, not where it
    // happened, unless it goes on to tell what happened ("... following reports in Hinckley").
    if (classifySentence(segment) === 'advice' && !narrativeTail(segment)) continue;
    const metContext = MET_CONTEXT.test(sentence);
    // "She was told a man had been arrested" is the fraudster's story, not a court report.
    const courtSentence = COURT_SENTENCE.test(sentence) && !/\b(?:told|said|says|claimed|claiming|saying|informed|advised)\b/i.test(sentence);

    for (const match of STREET_GATE.mayMatch(sentence) ? allMatches(STREET_THEN_PLACE, sentence) : []) {
      const name = match[1]!;
      // "Jo Bloggs, 40, of Mill Street, Cardiff, denies ...": a defendant's address.
      if (courtSentence) continue;
      if (!CALENDAR.test(name)) add(name, gazetteer?.lookup(name, { county: countyHint }), 'village');
    }

    const tokens = tokenize(sentence);
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (!isCapitalised(token.word)) {
        i += 1;
        continue;
      }
      // A run of capitalised words, e.g. "Detective Inspector Jason Keane" or "Three Rivers".
      let runEnd = i;
      while (runEnd + 1 < tokens.length) {
        const next = tokens[runEnd + 1]!;
        const gap = sentence.slice(tokens[runEnd]!.end, next.start);
        if (!/^[\s-]*$/.test(gap)) break;
        if (isCapitalised(next.word)) runEnd += 1;
        else if (CONNECTORS.has(next.word) && !NOT_PLACE_WORDS.test(tokens[runEnd]!.word) && !PERSON_TITLE.test(tokens[runEnd]!.word) && runEnd + 2 < tokens.length && isCapitalised(tokens[runEnd + 2]!.word) && !CALENDAR.test(tokens[runEnd + 2]!.word) && /^\s+$/.test(sentence.slice(next.end, tokens[runEnd + 2]!.start))) runEnd += 2;
        else break;
      }
      // "An Aberdeen pensioner", "The Leeds man": the article starts the run but is no part of the name.
      if (runEnd > i && LEADING_DETERMINER.test(token.word) && !gazetteer?.lookup(sentence.slice(token.start, tokens[i + 1]!.end))) {
        i += 1;
        continue;
      }
      const run = tokens.slice(i, runEnd + 1);
      const afterRun = tokens[runEnd + 1];
      // "Devon and Cornwall Police", "Lothian and Borders Police": every place in the run is part of the force's name.
      const lastWord = run[run.length - 1]!.word.replace(/['’]s$/, '');
      const orgRun = /^(?:Police|Constabulary|Council|Fire)$/.test(lastWord);
      if (orgRun && run.length > 1) {
        i = runEnd + 1;
        continue;
      }
      // "west Wales", "north Devon": a compass word before the run (lowercase, so not part of it).
      const previousToken = tokens[i - 1];
      const compassBefore =
        previousToken && COMPASS.test(previousToken.word) && /^\s+$/.test(sentence.slice(previousToken.end, token.start)) ? previousToken : undefined;
      if (PERSON_TITLE.test(run[0]!.word)) {
        i = runEnd + 1;
        continue;
      }
      const sentenceStart = token.start === 0 || /^["“‘'(•\s]*$/.test(sentence.slice(0, token.start));
      // Tokens the gazetteer accounted for; the rest may still be a village it lacks ("Kirkby Overblow").
      const consumed = new Set<Token>();
      let j = 0;
      while (j < run.length) {
        let matched = 0;
        let place: GazetteerPlace | undefined;
        for (let length = Math.min(gazetteer?.maxWords ?? 1, run.length - j); length >= 1; length -= 1) {
          const name = sentence.slice(run[j]!.start, run[j + length - 1]!.end);
          const candidate = gazetteer?.lookup(name, { county: countyHint });
          if (candidate) {
            matched = length;
            place = candidate;
            break;
          }
        }
        if (!matched) {
          j += 1;
          continue;
        }
        const first = run[j]!;
        const last = run[j + matched - 1]!;
        let name = sentence.slice(first.start, last.end);
        const nextInRun = run[j + matched];
        // "South Ipswich" is Ipswich; "West Wales" or "west Cornwall" is that part of a county or country.
        const compass = j === 1 && COMPASS.test(run[0]!.word) ? run[0]! : j === 0 && first === token ? compassBefore : undefined;
        const withCompass = Boolean(compass && place && BROAD_KINDS_HERE.has(place.kind));
        if (withCompass) name = sentence.slice(compass!.start, last.end);
        const following = nextInRun ?? afterRun;
        const before = sentence.slice(0, first.start);
        const suffixed =
          (nextInRun && NAME_SUFFIX.test(nextInRun.word)) ||
          (!nextInRun && afterRun && (NAME_SUFFIX.test(afterRun.word) || (LOWER_ORG_SUFFIX.test(afterRun.word) && !LOCAL_POLICE(place, afterRun.word))) && /^\s+$/.test(sentence.slice(last.end, afterRun.start)));
        // "Hatton Garden", "Bexley Heath Academy": a place name inside a longer name is not the place.
        const partOfLongerName =
          (j > 0 && !CONNECTORS.has(run[j - 1]!.word.toLowerCase()) && !(j === 1 && compass)) ||
          (nextInRun !== undefined && !CONNECTORS.has(nextInRun.word.toLowerCase()));
        const cue = STRONG_CUE.test(before) || (!nextInRun && VICTIM_NOUN.test(sentence.slice(last.end)));
        const ambiguous = matched === 1 && COMMON_WORDS.has(name.toLowerCase());
        const atStart = sentenceStart && j === 0 && first === token;
        // The tests on the whole text before the name come last: they are the costly ones.
        const accept =
          !suffixed &&
          !partOfLongerName &&
          !CALENDAR.test(name) &&
          !(ambiguous && !cue) &&
          !(name === 'London' && metContext) &&
          !(following && /^(?:said|says|added)$/.test(following.word) && matched === 1 && !atStart && !cue) &&
          (!atStart || !ambiguous) &&
          !DESTINATION.test(before) &&
          !ORGANISATION_CUE.test(before) &&
          // "a police officer from London": where the fraudster claimed to be based, not where the victim was.
          !/\bPolice\s+$/.test(before) &&
          !claimedBase(before) &&
          !/\b(?:Bank|Building Society) of\s+$/.test(before) &&
          !notIncidentPlace(before, sentence.slice(last.end), courtSentence);
        if (accept) add(name, place, undefined, !withCompass);
        if (!partOfLongerName) for (let k = j; k < j + matched; k += 1) consumed.add(run[k]!);
        j += matched;
      }
      // A capitalised name right after a strong cue that the gazetteer lacks: "in Holme Hale", "the Elsing area".
      for (const part of splitOnAnd(run)) {
        if (part.some((token) => consumed.has(token))) continue;
        const nextToken = tokens[tokens.indexOf(part[part.length - 1]!) + 1];
        // Word tests first: most capitalised runs ("He", "Police", "One") are no place name, whatever surrounds them.
        if (part.length > 3 || !looksLikePlaceName(part, nextToken)) continue;
        const name = sentence.slice(part[0]!.start, part[part.length - 1]!.end);
        const before = sentence.slice(0, part[0]!.start);
        const after = sentence.slice(part[part.length - 1]!.end);
        if (ORGANISATION_CUE.test(before)) continue;
        if (notIncidentPlace(before, after, courtSentence)) continue;
        if (claimedBase(before)) continue;
        const cued =
          (/\b(?:in|from|near|around|across|throughout|villages? of|town of)\s+(?:the\s+)?$/.test(before) && !DESTINATION.test(before)) ||
          // "A Lurgan pensioner", "the Dirleton woman": a place name used as an adjective for the victim.
          (/\b(?:an?|the)\s+$/i.test(before) && VICTIM_NOUN.test(after)) ||
          LIST_AFTER_CUE.test(before) ||
          (/\bthe\s+$/.test(before) && /^\s+(?:and\s+[A-Z][\w'’-]+\s+)?areas?\b/.test(after)) ||
          (/\bthe\s+[A-Z][\w'’-]+\s+and\s+$/.test(before) && /^\s+areas\b/.test(after));
        // Followed by punctuation or a lowercase word that is not an organisation's ("from Dirleton received a call").
        const endsCleanly = /^\s*(?:[,.;:)]|$)/.test(after) || (/^\s+[a-z]/.test(after) && !/^\s+(?:police|constabulary|officers?|station|council|court|crown|magistrates|fraud|squad|team|unit|numbers?|road|street|lane|-based)\b/.test(after));
        if (cued && endsCleanly) add(name, undefined, 'area');
      }
      i = runEnd + 1;
    }
  }
  void PLACE_CUE;
  // A county named beside its towns is kept: "Hampshire pensioners" tells where the victims were.
  return onceEach(found, written, namedPlace);
}

/**
 * One mention per gazetteer place: "Clacton" and "Clacton-on-Sea" in one article are one town, listed where first
 * named, under the name written most often; on a tie, under the gazetteer's own (official) name. `found` is keyed by
 * the lowercased name; `written` counts each name's mentions; `namedPlace` gives the place a name exactly names.
 */
function onceEach(found: Map<string, PlaceMention>, written: Map<string, number>, namedPlace: Map<string, GazetteerPlace>): PlaceMention[] {
  const samePlace = new Map<string, string[]>();
  for (const [key, place] of namedPlace) {
    const id = `${place.name}|${place.lat}|${place.lng}`;
    samePlace.set(id, [...(samePlace.get(id) ?? []), key]);
  }
  const nameOf = new Map<string, string>();
  for (const keys of samePlace.values()) {
    if (keys.length < 2) continue;
    const official = namedPlace.get(keys[0]!)!.name.toLowerCase();
    const best = keys.reduce((chosen, key) => {
      const difference = (written.get(key) ?? 0) - (written.get(chosen) ?? 0);
      return difference > 0 || (difference === 0 && key === official) ? key : chosen;
    });
    for (const key of keys) nameOf.set(key, best);
  }
  const mentions: PlaceMention[] = [];
  const listed = new Set<string>();
  for (const [key, mention] of found) {
    const chosen = nameOf.get(key) ?? key;
    if (listed.has(chosen)) continue;
    listed.add(chosen);
    mentions.push(found.get(chosen) ?? mention);
  }
  return mentions;
}

/** "Wandsworth police said": a borough's or town's own officers speak for where it happened; a county's force does not. */
const LOCAL_POLICE = (place: GazetteerPlace | undefined, word: string) => /^(?:police|officers)$/.test(word) && place !== undefined && place.kind !== 'county';

const CLAIMED_BASE = /\b(?:officers?|detectives?|constables?|sergeants?|inspectors?|investigators?|police|station|squad)\s+(?:from|based in|at)\s+(?:the\s+)?$/i;
/** "PC Wilson from Hammersmith", "DS Jones of Brixton": where a named officer is said to be based. */
const RANKED_NAME_BASE =
  /\b(?:PC|DC|DS|DI|DCI|Sgt|Insp|Det|Detective|Sergeant|Inspector|Constable|Superintendent)\.?\s+(?:(?:Constable|Sergeant|Inspector)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:from|of|based (?:in|at))\s+(?:the\s+)?$/;

/** Sentence-initial articles, which the capitalised-run scan would otherwise glue to the place after them. */
const LEADING_DETERMINER = /^(?:A|An|The|This|That|One|Another|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Some|Several|Many|Both|Elderly|Older|Vulnerable)$/;

/** "claiming to be from Ofcom", "said he worked for Barclays": who the fraudster pretended to be, not a place. */
const ORGANISATION_CUE = /\b(?:(?:claim|pretend|purport)(?:s|ed|ing)? to (?:be|work|be calling|call) (?:from|for|with)|pos(?:e|es|ed|ing) as (?:an? )?(?:officials?|staff|workers?|someone) from|work(?:s|ed|ing)? for)\s+(?:the\s+)?$/i;

/** Later names in a list after a place cue: "in Norwich, Wymondham and Aylsham". */
const LIST_AFTER_CUE = /\b(?:in|from|across|around|near|throughout)\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*(?:,\s*|\s+and\s+|\s+or\s+))+$/;


/** "posted the money to an address in London": where the loot went, not where the victims were. */
const DESTINATION = /\b(?:sent|posted|delivered|taken|driven|send|post|take|took|bring|brought|deliver|drive)\b[^.]{0,40}\bto (?:an? )?(?:address(?:es)? )?(?:in\s+)?$/i;

function splitOnAnd(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of run) {
    if (token.word === 'and' || token.word === 'or' || token.word === 'in') parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts.filter((part) => part.length > 0);
}


/** "a police officer in Holborn", "a police station in London": the base a caller claimed, with a cue or a single officer. */
const CLAIMED_BASE_IN = /\b(?:officers?|detectives?|constables?|sergeants?|inspectors?|superintendents?|investigators?|police|station|squad|unit)\s+(?:in|of|based (?:in|at|out of))\s+(?:the\s+)?$/i;
const SINGLE_OFFICER_IN = /\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:officer|detective|constable|sergeant|inspector|superintendent|investigator|station|squad|unit)\s+(?:in|of|based (?:in|at|out of))\s+(?:the\s+)?$/i;

/** "officers from the", "a detective in", "PC Wilson from": the text before a name makes it the base a caller claimed. */
function claimedBase(before: string): boolean {
  return CLAIMED_BASE.test(before) || RANKED_NAME_BASE.test(before) || (CLAIMED_BASE_IN.test(before) && (IMPERSONATION_CUE.test(lastClause(before)) || SINGLE_OFFICER_IN.test(before)));
}

/** The text since the last comma, semicolon or colon: "claiming to be a detective in Holborn" but not ", police in Ely said". */
const lastClause = (before: string) => before.split(/[,;:]/).pop() ?? before;

/** Sentences about a court case or an arrest: "from" and "of" there give a defendant's home, not a victim's. */
const COURT_SENTENCE = gatedPattern(/\b(?:jailed|sentenced|sentences?|custodial|convicted|charged|charges|denies|denied|deny|admitted|pleaded|guilty|remanded|on bail|prosecut\w+|defendants?|arrested)\b/i);

/** What the caller or courier told the victim ("her PIN had been compromised in Scotland") is their story, not where it happened. */
const FRAUDSTER_STORY =
  /\b(?:(?:he|she|the (?:caller|fraudster|scammer|man|woman|courier|conman|suspect|offender|trickster)) (?:said|says|told|claimed|claims|alleged|explained|insisted)|(?:and|then) (?:said|told|claimed)|(?<!(?:police|officers|detectives) )(?:was|were|had been|being) (?:told|advised|informed)(?! to\b))\b(?:(?!\bbut\b|\band (?:requested|asked|instructed|told|persuaded|convinced)\b)[^.;])*$/i;

/** "calls from London numbers", "a call from Sheikh Jones": where calls were traced, or who made them. */
const CALL_ORIGIN =
  /\b(?:calls?|phoned|rang|numbers?)\s+(?:came\s+)?from\s+(?:(?:mobile |landline |phone |telephone )?numbers?\s+(?:in|from)\s+)?$|\bnumbers?\s+(?:in|from|based in)\s+$|\bcall(?:ed|s)?\s+(?:was\s+|were\s+)?traced\s+to\s+$/i;

/** "transferred £9,000 to an account in Lithuania", "to accounts in Ghana and Malaysia": where the money went. */
const MONEY_DESTINATION = /\baccounts?\s+(?:held\s+|based\s+)?in\s+(?:(?:[A-Z][\w'’-]+\s*,\s*)*[A-Z][\w'’-]+\s+and\s+)?$/;

/** Nouns for the people an adjectival place describes: "a Lurgan pensioner", "Hampshire residents". */
const VICTIM_NOUN = /^\s+(?:pensioners?|wom[ae]n|m[ae]n|couples?|residents?|grandmothers?|grandfathers?|grandparents?|widows?|widowers?|OAPs?|victims?|famil(?:y|ies)|households?|mothers?|fathers?|people)\b/;

/** north, south, east, west, mid, central, and the compound points. */
const COMPASS = /^(?:north|south|east|west|mid|central|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|North|South|East|West|Mid|Central)$/;
const BROAD_KINDS_HERE: ReadonlySet<string | undefined> = new Set(['county', 'area']);

/**
 * A place named in the sentence that is not where the calls or victims were: a defendant's home or the court in a
 * court report, where calls were traced from, a place inside what the fraudster told the victim, or a company name.
 */
function notIncidentPlace(before: string, after: string, courtSentence: boolean): boolean {
  if (courtSentence && /\b(?:from|of)\s+(?:(?:north|south|east|west|central)\s+)?$/i.test(before)) return true;
  // "Jo Bloggs, 20, of Mill Lane, London, was jailed": the town after a defendant's street.
  if (courtSentence && /\bof\s+[A-Z][\w'’ -]*,(?:\s*[A-Z][\w'’ -]*,)?\s*$/.test(before)) return true;
  if (courtSentence && /^\s*(?:crown|magistrates'?|county|sheriff|youth)?\s*court\b/i.test(after)) return true;
  // "a London number", "a call-back number with a London 020 code": contact details, not where anyone was ("living
  // within the Cirencester dialling code area" is where they were).
  if (/^-based\b|^\s+(?:\(?0\d{2,4}\)?\s+)?(?:numbers?|(?:area |dialling )?codes?(?!\s+areas?\b)|landlines?|crown court|magistrates|police station|fraud squad)\b/i.test(after)) return true;
  if (CALL_ORIGIN.test(before)) return true;
  if (MONEY_DESTINATION.test(before)) return true;
  if (FRAUDSTER_STORY.test(before)) return true;
  return false;
}

const NOT_PLACE_WORDS =
  /^(?:Police|Constabulary|Council|Court|Fraud|Action|Report|Operation|Unit|Team|Bank|Barclays|HSBC|Lloyds|NatWest|Santander|Nationwide|Halifax|HMRC|Royal|Mail|Post|Office|Facebook|Twitter|Google|Amazon|Microsoft|Apple|Christmas|Easter|English|British|Scottish|Welsh|Irish|Crime|Stoppers|Crimestoppers|Age|UK|God|HM|Revenue|Customs|Ofcom|Ofgem|DVLA|BT|TSB|Department|Agency|Authority|Ministry|Government|Treasury|Squad|The|A|An|This|That|It|He|She|They|We|I|Photo|ID|Our|Their|His|Her|Force|Euros?|Dollars?|Bitcoin|Sterling|Cook|TalkTalk|Talk|Sky|Virgin|PayPal|Western|Union|Morrisons|Tesco|Sainsbury's|Asda|Argos|Boots|Aldi|Lidl|Waitrose|Sheikh|Support|Watch|Neighbourhood|Citizens|Advice|Trading|Standards|Scams?|Against|Friends|Metropolitan|Met|Asian|European|African|Elderly|Vulnerable|Older|Local|Young|Recent|Some|Many|Most|All|Both|Several|Other|Another|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twenty\S*|Thirty\S*|Dozens|Hundreds)$/;

function looksLikePlaceName(run: Token[], afterRun: Token | undefined): boolean {
  if (afterRun && (NAME_SUFFIX.test(afterRun.word) || LOWER_ORG_SUFFIX.test(afterRun.word))) return false;
  return run.every(
    (token) => !NOT_PLACE_WORDS.test(token.word) && !CALENDAR.test(token.word) && !PERSON_TITLE.test(token.word) && !NAME_SUFFIX.test(token.word),
  );
}

/** One or two capitalised words: a county's name, perhaps. */
const COUNTY_CANDIDATE = /\b([A-Z][a-z]+(?:shire)?|[A-Z][a-z]+ [A-Z][a-z]+)\b/g;

/** The county the article is about (from "Norfolk Constabulary", "across Essex"), to pick the right Royston. */
function guessCounty(text: string, gazetteer: Gazetteer | undefined): string | undefined {
  if (!gazetteer) return undefined;
  const tally = new Map<string, number>();
  for (const match of allMatches(COUNTY_CANDIDATE, text)) {
    const place = gazetteer.lookup(match[1]!);
    if (place?.kind === 'county') tally.set(place.name, (tally.get(place.name) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [county, count] of tally) {
    if (count > bestCount) {
      best = county;
      bestCount = count;
    }
  }
  return best;
}
