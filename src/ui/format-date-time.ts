/** "24 Nov 2026, 14:05": how the carer app shows a moment in lists and status lines, in British order. */
export function formatDateTime(iso: string | number): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "24 Nov 2026": a day alone (an article's publication date), in British order. */
export function formatDate(iso: string | number): string {
  return new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });
}
