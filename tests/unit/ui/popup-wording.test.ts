import { describe, expect, it } from 'vitest';
import { checkOutcomeLine, staleWarningsLine } from '../../../src/ui/extension/popup-wording.ts';
import type { CheckNowReply } from '../../../src/core/watcher/watcher-protocol.ts';

const reply = (alertedSpateIds: string[], sourcesChecked = 2, sourcesFailed = 0): CheckNowReply => ({
  ok: true,
  result: { startedAt: '', finishedAt: '', sourcesChecked, sourcesFailed, newItems: 1, alerts: alertedSpateIds.length, alertedSpateIds },
});

describe("the popup's status line after Check now", () => {
  it('says a warning got worse when the alerted spate escalated, and new when it is new', () => {
    const spates = [{ id: 'a', state: 'escalated' as const }, { id: 'b', state: 'new' as const }];
    expect(checkOutcomeLine(reply(['a']), spates)).toBe('Checked 2 sources. 1 warning got worse.');
    expect(checkOutcomeLine(reply(['b']), spates)).toBe('Checked 2 sources. 1 new warning.');
    expect(checkOutcomeLine(reply(['a', 'b'], 3, 1), spates)).toBe('Checked 3 sources: 1 of 3 could not be reached. 1 new warning; 1 warning got worse.');
    expect(checkOutcomeLine(reply([]), spates)).toBe('Checked 2 sources. Nothing new.');
  });

  it('never says "Nothing new" when nothing could be read, and gives the reason a check stopped', () => {
    expect(checkOutcomeLine(reply([], 2, 2), [])).toBe('None of the 2 sources checked could be read, so Kinwatch could not look for warnings.');
    expect(checkOutcomeLine({ ok: false, error: 'busy' }, [])).toBe('The check stopped: busy');
  });
});

describe('the line above warnings that could not be checked again', () => {
  const now = new Date(2026, 10, 30, 15, 0).getTime();
  it('says the warnings are from the last check that could read a source, and when', () => {
    expect(staleWarningsLine(2, new Date(2026, 10, 30, 14, 5).toISOString(), now)).toBe(
      'Could not check just now: none of the 2 sources could be read. The warnings below are from the last check that could (14:05).',
    );
    expect(staleWarningsLine(1, new Date(2026, 10, 29, 9, 30).toISOString(), now)).toBe(
      'Could not check just now: the one source could not be read. The warnings below are from the last check that could (29 Nov, 09:30).',
    );
    expect(staleWarningsLine(3, undefined, now)).toBe('Could not check just now: none of the 3 sources could be read. The warnings below are from an earlier check.');
  });
});
