import { countOf } from '../../core/plural.ts';
import type { Spate } from '../../core/spates/spate.ts';
import type { CheckNowReply } from '../../core/watcher/watcher-protocol.ts';

/**
 * The popup's status line after "Check now", from the background's reply and the spates stored after the check:
 * "Checked 3 sources. 1 warning got worse." for an escalated spate, "… 1 new warning." for a new one; never a
 * reassurance when nothing could be read.
 */
export function checkOutcomeLine(reply: CheckNowReply, spates: readonly Pick<Spate, 'id' | 'state'>[]): string {
  if (!reply.ok) return `The check stopped: ${reply.error}`;
  const { sourcesChecked, sourcesFailed, alertedSpateIds } = reply.result;
  if (sourcesChecked > 0 && sourcesFailed === sourcesChecked) {
    return `None of the ${countOf(sourcesChecked, 'source')} checked could be read, so Kinwatch could not look for warnings.`;
  }
  if (sourcesChecked === 0) return 'No source was due or allowed to be checked.';
  const worse = alertedSpateIds.filter((id) => spates.find((spate) => spate.id === id)?.state === 'escalated').length;
  const fresh = alertedSpateIds.length - worse;
  const found = [fresh ? countOf(fresh, 'new warning') : '', worse ? `${countOf(worse, 'warning')} got worse` : ''].filter(Boolean);
  return (
    `Checked ${countOf(sourcesChecked, 'source')}` +
    (sourcesFailed ? `: ${sourcesFailed} of ${sourcesChecked} could not be reached` : '') +
    (found.length > 0 ? `. ${found.join('; ')}.` : '. Nothing new.')
  );
}

/**
 * The line above the cards when no source could be read at the last check but warnings from an earlier check are
 * shown: "Could not check just now: none of the 2 sources could be read. The warnings below are from the last check
 * that could (14:05)." `lastReadAt`: ISO time a source was last read, if ever; shown as local time, with the date
 * when it was not today (`now`, epoch ms).
 */
export function staleWarningsLine(failed: number, lastReadAt: string | undefined, now: number): string {
  const head = `Could not check just now: ${failed === 1 ? 'the one source could not be read' : `none of the ${countOf(failed, 'source')} could be read`}`;
  if (lastReadAt === undefined) return `${head}. The warnings below are from an earlier check.`;
  const at = new Date(lastReadAt);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const when = sameDay ? time : `${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}, ${time}`;
  return `${head}. The warnings below are from the last check that could (${when}).`;
}
