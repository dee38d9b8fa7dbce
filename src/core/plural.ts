/**
 * A count with its noun in the right number, for text people read: (1, 'call') → "1 call", (3, 'call') → "3 calls",
 * (2, 'person', 'people') → "2 people". `plural` defaults to the singular plus "s".
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
