// A fictional office with three 窓口 (本所, 分室A, 分室B), other slots, two places a slot, its
// own phones, sender names and hours, and a weekday closed at one 窓口 (研修). Every number is
// fictional (099 is no area code in use for these lines); addresses are at example.jp.
import { SETTING } from '../../src/core/schema';
import type { OfficeProfile } from './types';

export const MIHON_OFFICES = ['本所', '分室A', '分室B'] as const;

export const mihon: OfficeProfile = {
  name: 'mihon',
  title: 'ハローワーク見本（本所・分室A・分室B の3窓口）',
  layout: [
    [SETTING.offices, MIHON_OFFICES.join(',')],
    [SETTING.slots, '09:30,13:30,16:00'],
    [SETTING.capacity, '2'],
  ],
  settings: [
    ['電話番号（本所）', '099-000-0001'],
    ['電話番号（分室A）', '099-000-0002'],
    ['電話番号（分室B）', '099-000-0003'],
    ['差出人名（本所）', 'ハローワーク見本 本所'],
    ['差出人名（分室A）', 'ハローワーク見本 分室A'],
    ['差出人名（分室B）', 'ハローワーク見本 分室B'],
    ['受付時間（本所）', '月～金 8:30～{受付終了時刻}'],
    ['受付時間（分室A）', '月～金 9:00～16:00'],
    ['受付時間（分室B）', '火・木 10:00～15:00'],
    [SETTING.officeClosesAt, '17:00'],
    [SETTING.termsVersion, '見本版 令和8年4月1日制定'],
  ],
  closedDays: [{ date: '2026/12/04', office: '分室B', reason: '研修' }],
  rosterOffices: ['分室A', '分室A', '本所', '本所', '分室B', '本所', '分室A', '分室B'],
  // 10:00 is a slot as shipped, not here.
  notASlot: '10:00',
  extraBookings: [
    // 各枠の定員 2: 本所 takes two bookings at Thursday 09:30, a third is refused; 分室B's same
    // slot counts apart (the demo's booking 5 and one more).
    { seeker: 2, date: '2026/12/03', start: 0, officer: '担当 江藤', why: '本所 1人目' },
    { seeker: 3, date: '2026/12/03', start: 0, officer: '担当 小川', why: '本所 2人目（定員内）' },
    {
      seeker: 5,
      date: '2026/12/03',
      start: 0,
      officer: '担当 加藤',
      why: '本所 3人目（定員超え）',
    },
    { seeker: 7, date: '2026/12/03', start: 0, officer: '担当 木村', why: '分室B 2人目（定員内）' },
    // 分室B is closed on Friday 12/4 (休業日 研修).
    { seeker: 4, date: '2026/12/04', start: 1, officer: '担当 木村', why: '分室B の休業日' },
  ],
};
