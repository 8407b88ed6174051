// core/deadlines.ts: 予約締切 counts calendar days, 確定期限 and 翌稼働日 count business days.
import { describe, expect, it } from 'vitest';
import { businessDayBefore } from '../../src/core/calendar';
import {
  bookingDeadlineState,
  confirmationDeadline,
  confirmationDeadlineWords,
  deadlineDaysWords,
  firstBookableDay,
  nextBusinessDayDeadline,
  nextBusinessDayWords,
  parseDeadlineDays,
} from '../../src/core/deadlines';
import { at, day, settings } from './tickFixtures';

describe('予約締切 (calendar days, as the terms say 前日)', () => {
  it('accepts tomorrow with 前日, refuses today; 2日前 refuses tomorrow', () => {
    expect(firstBookableDay(day('2026-12-04'), 1)).toBe('2026-12-05');
    expect(bookingDeadlineState(day('2026-12-07'), day('2026-12-06'), 1)).toBe('ok');
    expect(bookingDeadlineState(day('2026-12-06'), day('2026-12-06'), 1)).toBe('notAfterToday');
    expect(bookingDeadlineState(day('2026-12-07'), day('2026-12-06'), 2)).toBe('tooClose');
  });
});

describe('確定期限 (business days)', () => {
  it('is the last business day before the consultation, at 前日確定期限', () => {
    expect(businessDayBefore(day('2026-12-07'), 1, null, [])).toBe('2026-12-04'); // Mon → Fri
    expect(businessDayBefore(day('2027-01-04'), 1, null, [])).toBe('2026-12-28'); // 年末年始
    expect(businessDayBefore(day('2027-01-12'), 1, null, [])).toBe('2027-01-08'); // 成人の日
    expect(businessDayBefore(day('2026-12-07'), 2, null, [])).toBe('2026-12-03');
    const deadline = confirmationDeadline(day('2026-12-07'), '倉敷中央', settings, []);
    expect(deadline).toEqual({ day: '2026-12-04', at: at('2026-12-04 15:00') });
  });

  it('skips a 休業日 of the booking’s 窓口 only', () => {
    const closed = [{ date: day('2026-12-04'), office: '倉敷中央', reason: '研修' }];
    expect(confirmationDeadline(day('2026-12-07'), '倉敷中央', settings, closed).day).toBe(
      '2026-12-03',
    );
    expect(confirmationDeadline(day('2026-12-07'), '倉敷わかもの', settings, closed).day).toBe(
      '2026-12-04',
    );
  });
});

describe('翌稼働日', () => {
  it('is due at once when its 17:15 is not before the consultation', () => {
    const fri = nextBusinessDayDeadline(day('2026-12-04'), '', 1035, at('2026-12-07 10:00'), []);
    expect(fri).toEqual({ day: '2026-12-07', at: at('2026-12-07 17:15'), afterConsultation: true });
    const later = nextBusinessDayDeadline(day('2026-12-04'), '', 1035, at('2026-12-08 10:00'), []);
    expect(later.afterConsultation).toBe(false);
  });
});

describe('the deadlines in words, from the settings', () => {
  it('reads 予約締切 and says it back the same way', () => {
    expect(parseDeadlineDays('前日')).toBe(1);
    expect(parseDeadlineDays('前々日')).toBe(2);
    expect(parseDeadlineDays('3日前')).toBe(3);
    expect(parseDeadlineDays('当日')).toBeNull();
    expect(parseDeadlineDays('0日前')).toBeNull();
    expect(deadlineDaysWords(1)).toBe('前日');
    expect(deadlineDaysWords(3)).toBe('3日前');
  });

  it('says 確定期限 and 翌稼働日 with the times of 設定', () => {
    expect(confirmationDeadlineWords({ deadlineDays: 1, dayBeforeAlertAt: 15 * 60 })).toBe(
      '相談日の前の稼働日の15:00',
    );
    expect(confirmationDeadlineWords({ deadlineDays: 2, dayBeforeAlertAt: 14 * 60 + 30 })).toBe(
      '相談日の2つ前の稼働日の14:30',
    );
    expect(nextBusinessDayWords({ officeClosesAt: 17 * 60 })).toBe('受付の翌稼働日17:00');
  });
});
