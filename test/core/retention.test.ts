// core/retention.ts on a known data set: the cutoff, which rows and cells, the counts, the roster
// review; and the words (no personal data in the log line).
import { describe, expect, it } from 'vitest';
import {
  PERSONAL_HEADERS,
  planErasure,
  retentionCutoff,
  rosterToReview,
  type RetentionRow,
} from '../../src/core/retention';
import { erasureLogLine, rosterReviewText } from '../../src/core/retentionWords';
import { BOOKING } from '../../src/core/schema';
import type { LocalDate } from '../../src/core/time';

const day = (s: string) => s as LocalDate;
const ALL = [...PERSONAL_HEADERS];

function row(rowNumber: number, id: string, date: string | null, filled = ALL): RetentionRow {
  return { rowNumber, id, date: date === null ? null : day(date), filled };
}

describe('retentionCutoff', () => {
  it('is today minus N years, 2/29 clamped to 2/28', () => {
    expect(retentionCutoff(day('2026-12-01'), 3)).toBe('2023-12-01');
    expect(retentionCutoff(day('2028-02-29'), 1)).toBe('2027-02-28');
  });
});

describe('planErasure', () => {
  const cutoff = day('2023-12-01');
  const rows = [
    row(2, 'Y1', '2023-11-30'),
    row(3, 'Y2', '2023-12-01'), // the cutoff day is kept
    row(4, 'Y3', '2020-01-01', []), // already blank
    row(5, 'Y4', '2020-01-01', [BOOKING.note]),
    row(6, '', '2020-01-01'), // no id: cannot be found again
    row(7, 'Y5', '2020-01-01'),
    row(8, 'Y5', '2020-01-02'), // the same id twice: neither
    row(9, 'Y6', null), // 相談日 unreadable
    row(10, 'Y7', '2026-11-01'),
  ];

  it('takes rows before the cutoff with personal cells left, by 予約ID', () => {
    const plan = planErasure(rows, cutoff);
    expect([...plan.erase.keys()]).toEqual(['Y1', 'Y4']);
    expect(plan.erase.get('Y4')).toEqual([BOOKING.note]);
    expect(plan.alreadyBlank).toBe(1);
    expect(plan.withoutUniqueId).toBe(3);
    expect(plan.undated).toBe(1);
  });

  it('is idempotent: rows blanked are not counted again', () => {
    const once = planErasure(rows, cutoff);
    const blanked = rows.map((r) => (once.erase.has(r.id) ? { ...r, filled: [] } : r));
    const twice = planErasure(blanked, cutoff);
    expect(twice.erase.size).toBe(0);
    expect(twice.alreadyBlank).toBe(3);
  });

  it('never lists 予約ID, 相談日, 窓口, 担当者 or 状態 among the cells to blank', () => {
    for (const kept of [BOOKING.id, BOOKING.date, BOOKING.office, BOOKING.officer, BOOKING.status])
      expect(PERSONAL_HEADERS).not.toContain(kept);
    expect([...PERSONAL_HEADERS].sort()).toEqual(
      [BOOKING.name, BOOKING.email, BOOKING.seekerNo, BOOKING.meetingUrl, BOOKING.note].sort(),
    );
  });

  it('the log line has counts only', () => {
    const plan = planErasure(rows, cutoff);
    const line = erasureLogLine({
      plan,
      years: 3,
      erased: 2,
      skipped: 0,
      notVerified: 0,
      restored: 0,
      notRestored: 0,
    });
    expect(line).toBe(
      '個人情報の保存年数3年、相談日2023-12-01より前、消去2件、消去済み1件、予約ID不備3件、相談日不明1件',
    );
  });
});

describe('rosterToReview', () => {
  it('lists rows whose 支援終了日 is before the cutoff, for the dialog only', () => {
    const cutoff = day('2023-12-01');
    const review = rosterToReview(
      [
        { rowNumber: 2, seekerNo: '33010-00000001', supportEnd: day('2023-11-30') },
        { rowNumber: 3, seekerNo: '33010-00000002', supportEnd: day('2023-12-01') },
        { rowNumber: 4, seekerNo: '', supportEnd: null },
        { rowNumber: 5, seekerNo: '', supportEnd: day('2020-03-31') },
      ],
      cutoff,
    );
    expect(review.map((r) => r.rowNumber)).toEqual([2, 5]);
    const text = rosterReviewText(review, cutoff);
    expect(text).toContain('2人います: 2行目（33010-00000001）、5行目。');
    expect(rosterReviewText([], cutoff)).toBe('');
  });
});
