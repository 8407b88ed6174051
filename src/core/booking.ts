// One 予約 row made regular: every cell read through normalize.ts, with the per-field failures
// kept beside the values so the check can word them. Reading never throws, whatever is in a cell.

import {
  normalizeDate,
  normalizeEmail,
  normalizeFlag,
  normalizeInstant,
  normalizeSeekerNo,
  normalizeStatus,
  normalizeText,
  normalizeTime,
  normalizeUrl,
  type Failure,
  type Result,
} from './normalize';
import { SEND_FAILED_MARK, SENDING_MARK, STATUS, type BookingField, type Status } from './schema';
import { isValidInstant, tryDayOf, type LocalDate, type TimeOfDay } from './time';

/** One 予約 row as read from the sheet: values keyed by BookingField, '' when empty or missing. */
export interface RawBooking {
  rowNumber: number;
  values: Partial<Record<BookingField, unknown>>;
}

export interface NormalizedBooking {
  rowNumber: number;
  id: string;
  name: string;
  seekerNo: string | null;
  email: string | null;
  date: LocalDate | null;
  start: TimeOfDay | null;
  office: string;
  officer: string;
  meetingUrl: string | null;
  /** Blank → 受付; an unknown word also reads as 受付 (and is an error in the check). */
  status: Status;
  joined: boolean;
  /** When the invitation was sent; null while blank, 送信中 or unreadable. */
  invitedAt: Date | null;
  /** 招待メール送信日時 starts with 送信中: a send was started and may or may not have happened. */
  sending: boolean;
  /** The time written after 送信中, when readable. */
  sendingSince: Date | null;
  /** 招待メール送信日時 is not blank (sent, sending, or something a person typed there). */
  invitationMarked: boolean;
  /** 招待メール送信日時 says 送信失敗: when (if readable) and the reason written with it. */
  sendFailure: { at: Date | null; reason: string } | null;
  takenAt: Date | null;
  updatedAt: Date | null;
  channel: string;
}

/** Fields whose reading can fail, and why. */
export type FieldFailures = Partial<
  Record<'seekerNo' | 'email' | 'date' | 'start' | 'meetingUrl' | 'status', Failure>
>;

export interface ReadBooking {
  booking: NormalizedBooking;
  failures: FieldFailures;
  /** Nothing a person types into a booking is filled in: the check leaves such a row blank. */
  empty: boolean;
}

/** Cells that make a row a booking; script-owned cells and 備考 alone do not. */
const CONTENT_FIELDS = [
  'channel',
  'name',
  'seekerNo',
  'email',
  'date',
  'start',
  'office',
  'officer',
  'meetingUrl',
  'status',
] as const satisfies readonly BookingField[];

/** Statuses of bookings that occupy their slot: everything but the cancelled ones. */
export const OCCUPYING_STATUSES: readonly Status[] = [STATUS.taken, STATUS.confirmed, STATUS.held];
/** Bookings still to happen: the ones that can clash with a new booking. */
export const UPCOMING_STATUSES: readonly Status[] = [STATUS.taken, STATUS.confirmed];

/** A 受付 booking with nothing filled in: what an unreadable row is, and the self-check's base. */
export function blankBooking(rowNumber: number): NormalizedBooking {
  return {
    rowNumber,
    id: '',
    name: '',
    seekerNo: null,
    email: null,
    date: null,
    start: null,
    office: '',
    officer: '',
    meetingUrl: null,
    status: STATUS.taken,
    joined: false,
    invitedAt: null,
    sending: false,
    sendingSince: null,
    invitationMarked: false,
    sendFailure: null,
    takenAt: null,
    updatedAt: null,
    channel: '',
  };
}

export function normalizeBooking(row: RawBooking, today: LocalDate): NormalizedBooking {
  return readBooking(row, today).booking;
}

/**
 * Reads one row. A date typed without a year (12/1) means the next such day on or after the day
 * the booking was taken, so the row keeps its meaning after that day has passed; `today` is used
 * only while 受付日時 is blank.
 */
export function readBooking(row: RawBooking, today: LocalDate): ReadBooking {
  const v = row.values;
  const failures: FieldFailures = {};
  const take = <T>(field: keyof FieldFailures, result: Result<T>): T | null => {
    if (result.ok) return result.value;
    failures[field] = result.failure;
    return null;
  };
  const takenAt = normalizeInstant(v.takenAt);
  const anchor = (takenAt && tryDayOf(takenAt)) ?? today;
  const invitation = readInvitationCell(v.invitedAt);
  const booking: NormalizedBooking = {
    rowNumber: row.rowNumber,
    id: normalizeText(v.id),
    name: normalizeText(v.name),
    seekerNo: take('seekerNo', normalizeSeekerNo(v.seekerNo)),
    email: take('email', normalizeEmail(v.email)),
    date: take('date', normalizeDate(v.date, anchor)),
    start: take('start', normalizeTime(v.start)),
    office: normalizeText(v.office),
    officer: normalizeText(v.officer),
    meetingUrl: take('meetingUrl', normalizeUrl(v.meetingUrl)),
    status: take('status', normalizeStatus(v.status)) ?? STATUS.taken,
    joined: normalizeFlag(v.joined),
    ...invitation,
    takenAt,
    updatedAt: normalizeInstant(v.updatedAt),
    channel: normalizeText(v.channel),
  };
  const empty = CONTENT_FIELDS.every((field) => isBlank(v[field])) && !booking.joined;
  return { booking, failures, empty };
}

function isBlank(value: unknown): boolean {
  // Any Date is content: a time cell (1899-12-30 10:00) has no day to show as text.
  if (isValidInstant(value)) return false;
  return value === undefined || value === null || value === false || normalizeText(value) === '';
}

function readInvitationCell(
  value: unknown,
): Pick<
  NormalizedBooking,
  'invitedAt' | 'sending' | 'sendingSince' | 'invitationMarked' | 'sendFailure'
> {
  const text = normalizeText(value);
  const invitationMarked = !isBlank(value) || text !== '';
  if (text.startsWith(SENDING_MARK)) {
    const since = normalizeInstant(text.slice(SENDING_MARK.length).trim());
    return {
      invitedAt: null,
      sending: true,
      sendingSince: since,
      invitationMarked,
      sendFailure: null,
    };
  }
  if (text.startsWith(SEND_FAILED_MARK)) {
    // `送信失敗 2026/12/01 09:30（reason）`
    const match = /^([^（(]*)[（(](.*)[）)]\s*$/.exec(text.slice(SEND_FAILED_MARK.length));
    const at = normalizeInstant((match ? match[1]! : text.slice(SEND_FAILED_MARK.length)).trim());
    return {
      invitedAt: null,
      sending: false,
      sendingSince: null,
      invitationMarked,
      sendFailure: { at, reason: match ? match[2]!.trim() : '' },
    };
  }
  return {
    invitedAt: normalizeInstant(value),
    sending: false,
    sendingSince: null,
    invitationMarked,
    sendFailure: null,
  };
}
