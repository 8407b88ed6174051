// Bookings and instants for the no-show, overdue and alert tests. Instants carry +09:00 so the
// tests mean Tokyo time whatever zone they run in.
import type { NormalizedBooking } from '../../src/core/booking';
import { STATUS } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import { parseIsoDay, type LocalDate } from '../../src/core/time';

export const settings = defaultSettings();

export function day(iso: string): LocalDate {
  const parsed = parseIsoDay(iso);
  if (parsed === null) throw new Error(`bad day ${iso}`);
  return parsed;
}

/** '2026-12-01 10:09' in Tokyo. */
export function at(tokyo: string): Date {
  return new Date(`${tokyo.replace(' ', 'T')}:00+09:00`);
}

export function booking(overrides: Partial<NormalizedBooking> = {}): NormalizedBooking {
  return {
    rowNumber: 2,
    id: 'Y000001',
    name: '見本 一郎',
    seekerNo: '33010-00000001',
    email: 'ichiro@example.jp',
    date: day('2026-12-01'),
    start: 600,
    office: '倉敷わかもの',
    officer: '担当 甲',
    meetingUrl: 'https://teleoffice.example.jp/meet/abc',
    status: STATUS.confirmed,
    joined: false,
    invitedAt: at('2026-11-30 10:00'),
    sending: false,
    sendingSince: null,
    invitationMarked: true,
    sendFailure: null,
    takenAt: at('2026-11-30 09:00'),
    updatedAt: null,
    channel: '電話',
    ...overrides,
  };
}

/** A booking taken, not yet invited. */
export function unsent(overrides: Partial<NormalizedBooking> = {}): NormalizedBooking {
  return booking({ status: STATUS.taken, invitedAt: null, invitationMarked: false, ...overrides });
}
