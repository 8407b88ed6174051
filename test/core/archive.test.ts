// Which 予約 rows 過去の予約を保管 moves, how columns map onto 予約_保管, and the deletion blocks.
import { describe, expect, it } from 'vitest';
import {
  archiveCutoff,
  archiveRow,
  deletionRuns,
  holdsRow,
  isArchivable,
  type LiveRow,
  mapColumns,
  planArchive,
} from '../../src/core/archive';
import { BOOKING_HEADERS, STATUS, STATUSES } from '../../src/core/schema';
import type { LocalDate } from '../../src/core/time';

const TODAY = '2026-12-01' as LocalDate;
const OLD = '2026-05-29' as LocalDate;

function row(rowNumber: number, overrides: Partial<LiveRow> = {}): LiveRow {
  return {
    rowNumber,
    id: `Y${String(rowNumber).padStart(6, '0')}`,
    date: OLD,
    status: STATUS.held,
    values: [`Y${String(rowNumber).padStart(6, '0')}`, 'x'],
    ...overrides,
  };
}

describe('which rows move', () => {
  it('takes finished bookings with 相談日 before today − 保管までの月数 months', () => {
    const cutoff = archiveCutoff(TODAY, 6);
    expect(cutoff).toBe('2026-06-01');
    expect(isArchivable({ date: '2026-05-31' as LocalDate, status: STATUS.held }, cutoff)).toBe(
      true,
    );
    expect(isArchivable({ date: cutoff, status: STATUS.held }, cutoff)).toBe(false);
    expect(isArchivable({ date: null, status: STATUS.held }, cutoff)).toBe(false);
    const moved = STATUSES.filter((status) => isArchivable({ date: OLD, status }, cutoff));
    expect(moved).toEqual([STATUS.held, STATUS.cancelled, STATUS.noShow]);
    expect(archiveCutoff('2026-08-31' as LocalDate, 6)).toBe('2026-02-28');
  });
});

describe('mapColumns', () => {
  it('maps by header whatever the order, and adds 予約 columns 予約_保管 lacks at its end', () => {
    const booking = ['備考', ...BOOKING_HEADERS.slice(0, -1), '面談メモ'];
    const archive = [...BOOKING_HEADERS].reverse();
    const m = mapColumns(booking, archive);
    expect(m.added).toEqual(['面談メモ']);
    expect(m.archiveHeaders).toEqual([...archive, '面談メモ']);
    const values = booking.map((h) => `v:${h}`);
    const out = archiveRow(m, values);
    m.archiveHeaders.forEach((h, j) => expect(out[j]).toBe(`v:${h}`));
    expect(m.unmatched).toEqual([]);
  });

  it('marks columns with a blank or repeated header as unmatched; archive-only columns stay blank', () => {
    const m = mapColumns(['予約ID', '', '備考', '備考'], ['予約ID', '備考', '保管メモ', '備考']);
    expect(m.unmatched).toEqual([1, 3]);
    expect(m.source).toEqual([0, 2, -1, -1]);
    expect(archiveRow(m, ['Y1', 'a', 'b', 'c'])).toEqual(['Y1', 'b', '', '']);
  });

  it('compares a copy by instant for dates and ignores archive-only columns', () => {
    const m = mapColumns(['予約ID', '相談日'], ['予約ID', '相談日', '保管メモ']);
    const live = ['Y1', new Date('2026-05-29T00:00:00+09:00')];
    expect(holdsRow(m, live, ['Y1', new Date('2026-05-28T15:00:00Z'), 'anything'])).toBe(true);
    expect(holdsRow(m, live, ['Y1', '2026-05-29', ''])).toBe(false);
  });
});

describe('planArchive', () => {
  const mapping = mapColumns(['予約ID', '備考', ''], ['予約ID', '備考']);
  const plan = (rows: LiveRow[], archived = new Map<string, string[][]>(), maxRuns?: number) =>
    planArchive({
      rows,
      archived,
      mapping,
      today: TODAY,
      months: 6,
      ...(maxRuns !== undefined ? { maxRuns } : {}),
    });

  it('sorts old finished rows into append / already there / conflicting / left for a person', () => {
    const rows = [
      row(2, { values: ['Y000002', 'a'] }),
      row(3, { values: ['Y000003', 'same'] }),
      row(4, { values: ['Y000004', 'edited'] }),
      row(5, { id: '', values: ['', 'x'] }),
      row(6, { id: 'Y9', values: ['Y9', 'x'] }),
      row(7, { id: 'Y9', values: ['Y9', 'y'] }),
      row(8, { values: ['Y000008', 'x', 'no header'] }),
      row(9, { status: STATUS.confirmed }),
      row(10, { date: '2026-07-01' as LocalDate }),
    ];
    const archived = new Map([
      ['Y000003', [['Y000003', 'same']]],
      ['Y000004', [['Y000004', 'before']]],
    ]);
    const p = plan(rows, archived);
    expect(p.toAppend.map((r) => r.rowNumber)).toEqual([2]);
    expect(p.alreadyArchived.map((r) => r.rowNumber)).toEqual([3]);
    expect(p.conflicting.map((r) => r.rowNumber)).toEqual([4]);
    expect(p.withoutId).toBe(1);
    expect(p.duplicatedId.map((r) => r.rowNumber)).toEqual([6, 7]);
    expect(p.unmatchedValues.map((r) => r.rowNumber)).toEqual([8]);
    expect(p.deferred).toEqual([]);
  });

  it('takes at most maxRuns blocks of adjacent rows per run, top first', () => {
    const rows = [2, 3, 5, 6, 7, 9, 12].map((n) => row(n));
    const p = plan(rows, new Map(), 2);
    expect(p.toAppend.map((r) => r.rowNumber)).toEqual([2, 3, 5, 6, 7]);
    expect(p.deferred.map((r) => r.rowNumber)).toEqual([9, 12]);
  });
});

describe('deletionRuns', () => {
  it('groups adjacent rows, bottom block first', () => {
    expect(deletionRuns([2, 3, 4, 8, 10, 11, 3])).toEqual([
      { start: 10, count: 2 },
      { start: 8, count: 1 },
      { start: 2, count: 3 },
    ]);
    expect(deletionRuns([])).toEqual([]);
  });
});
