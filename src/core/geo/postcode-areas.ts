/**
 * The UK's postcode areas: the one or two letters at the start of every postcode ("CO" in "CO7 6AA"), used to refuse
 * a postcode that cannot exist ("XX1 1XX") before any request, even with no network.
 *
 * Source: Royal Mail's postcode areas as listed in "List of postcode areas in the United Kingdom" (Wikipedia), 124
 * areas including the Crown dependencies' GY (Guernsey), JE (Jersey) and IM (Isle of Man). Checked on 2026-11-30.
 * Left out on purpose: the non-geographic BF (British Forces Post Office) and BX (business mail), which are not where
 * a person lives. Areas change rarely; a change needs only this list.
 */
export const UK_POSTCODE_AREAS: ReadonlySet<string> = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL ' +
    'GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX ' +
    'PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR ' +
    'WS WV YO ZE'
  ).split(' '),
);

/** "CO7" or "CO7 6AA" → "CO"; "e1" → "E"; undefined when it does not start with letters. */
export function postcodeArea(postcodeOrOutcode: string): string | undefined {
  return /^[A-Z]{1,2}/.exec(postcodeOrOutcode.trim().toUpperCase())?.[0];
}

/** Whether a postcode or outcode starts with a real UK postcode area (see UK_POSTCODE_AREAS for the source). */
export function isUkPostcodeArea(postcodeOrOutcode: string): boolean {
  const area = postcodeArea(postcodeOrOutcode);
  return area !== undefined && UK_POSTCODE_AREAS.has(area);
}
