/**
 * Who a caller said they were, in quotation marks: said he was "DC Smith, from the Met", claiming to be ‘from the fraud
 * team at your bank’, calling himself 'PC Wilson'. Straight or curly, single or double quotes. A single quote before a
 * letter ("the bank's") is an apostrophe, not the closing mark.
 */
const QUOTED = String.raw`(?:["“][^"“”\n]{1,80}["”]|[‘'](?:[^'‘’\n]|['’](?=[A-Za-z])){1,80}['’](?![A-Za-z]))`;

/** The quoted words that open `text` (after optional spaces), with their marks: `"DC Smith, from the Met"`. */
const LEADING_QUOTED = new RegExp(String.raw`^\s*${QUOTED}`);

/**
 * A quoted claimed identity right after the words that frame it ("he was", "she is", "to be", "himself", "posing as",
 * "gave his name as", each maybe with "from"): the caller's words, which tell who they claimed to be, not what the
 * reader should do. A quote after "from" alone ('calls from "your bank" should be reported') is not framed as a claim.
 */
export const QUOTED_CLAIM = new RegExp(
  String.raw`(?<=\b(?:(?:he|she|they) (?:was|were|is|are)|to be|(?:himself|herself|themselves)(?: as)?|pos(?:e|es|ed|ing) as|names? as)(?: from)? )${QUOTED}`,
  'gi',
);

/**
 * Splits what follows an impersonation cue into the quoted claim that opens it, if any, and the rest: after `said he
 * was`, ` "DC Smith, from the Met" told her` is `"DC Smith, from the Met"` and ` told her`. A cue that is itself the
 * opening mark (scare quotes, `a "police officer"`) is given as `opening`. The claim is empty when no quote opens it.
 */
export function splitQuotedClaim(afterCue: string, opening = ''): { claim: string; rest: string } {
  const quoted = LEADING_QUOTED.exec(opening + afterCue);
  if (!quoted) return { claim: '', rest: afterCue };
  const length = quoted[0].length - opening.length;
  return { claim: afterCue.slice(0, length), rest: afterCue.slice(length) };
}
