/** UK postcode shapes, checked locally before any request so a typo gets an instant, clear answer. */
const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;
const OUTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

export type ParsedPostcode = { kind: 'postcode'; postcode: string; outcode: string } | { kind: 'outcode'; outcode: string };

/** "co7 6aa", "CO76AA", " co7  6AA " → {kind: 'postcode', postcode: "CO7 6AA"}; "co7" → {kind: 'outcode'}; else undefined. */
export function parsePostcode(input: string): ParsedPostcode | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const full = FULL_POSTCODE.exec(compact);
  if (full) return { kind: 'postcode', postcode: `${full[1]} ${full[2]}`, outcode: full[1] ?? '' };
  if (OUTCODE.test(compact)) return { kind: 'outcode', outcode: compact };
  return undefined;
}
