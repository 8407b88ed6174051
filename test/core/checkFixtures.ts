// Shared fixtures for the check tests: one clean booking on a business day, a roster with its
// job seeker, and a context whose "now" is fixed in Tokyo time.
import type { ClosedDay } from '../../src/core/calendar';
import {
  checkBookings,
  parseRoster,
  type RosterRow,
  type CheckContext,
  type CheckResult,
  type RawBooking,
} from '../../src/core/check';
import type { BookingField } from '../../src/core/schema';
import { defaultSettings, type Settings } from '../../src/core/settings';

/** Friday 2026-11-20, 09:30 in Tokyo. */
export const NOW = new Date('2026-11-20T09:30:00+09:00');
export const TODAY = '2026-11-20';

export const SEEKER = '33010-12345678';
export const OTHER_SEEKER = '33010-87654321';

export function baseValues(): Partial<Record<BookingField, unknown>> {
  return {
    id: 'Y000001',
    takenAt: new Date('2026-11-19T10:05:00+09:00'),
    channel: '電話',
    name: '倉敷 太郎',
    seekerNo: SEEKER,
    email: 'taro.kurashiki@example.com',
    date: '2026/12/1',
    start: '10:00',
    office: '倉敷中央',
    officer: '山田 花子',
    meetingUrl: 'https://teleoffice.example.jp/join/abc123',
    status: '',
    joined: false,
    invitedAt: '',
    checkResult: '',
    month: '',
    updatedAt: '',
    note: '',
  };
}

export function row(
  overrides: Partial<Record<BookingField, unknown>> = {},
  rowNumber = 2,
): RawBooking {
  return { rowNumber, values: { ...baseValues(), ...overrides } };
}

export const ROSTER_ROWS: RosterRow[] = [
  {
    rowNumber: 2,
    values: {
      seekerNo: SEEKER,
      name: '倉敷　太郎',
      office: '倉敷中央',
      officer: '山田 花子',
      supportStart: '2026/4/1',
      supportEnd: '',
      suspended: false,
    },
  },
  {
    rowNumber: 3,
    values: {
      seekerNo: OTHER_SEEKER,
      name: '水島 花子',
      office: '倉敷わかもの',
      officer: '佐藤 次郎',
      supportStart: '2026/1/5',
      supportEnd: '2027/3/31',
      suspended: false,
    },
  },
];

export function context(
  overrides: {
    settings?: Partial<Settings>;
    roster?: RosterRow[];
    closedDays?: ClosedDay[];
    noShowCounts?: Map<string, number>;
    now?: Date;
  } = {},
): CheckContext {
  return {
    settings: { ...officeSettings(), ...overrides.settings },
    roster: parseRoster(overrides.roster ?? ROSTER_ROWS).entries,
    closedDays: overrides.closedDays ?? [],
    now: overrides.now ?? NOW,
    noShowCounts: overrides.noShowCounts ?? new Map(),
  };
}

/** 設定 as shipped, with 倉敷中央's phone filled in (shipped blank, it blocks its mails). */
export function officeSettings(): Settings {
  const settings = defaultSettings();
  return { ...settings, phones: { ...settings.phones, 倉敷中央: '086-424-3333' } };
}

export function checkOne(
  overrides: Partial<Record<BookingField, unknown>> = {},
  ctx: CheckContext = context(),
): CheckResult {
  const [result] = checkBookings([row(overrides)], ctx);
  if (!result) throw new Error('checkBookings returned no result');
  return result;
}
