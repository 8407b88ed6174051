// The booking the sidebar's form describes, and its check together with every row in the sheet
// (the same check the menus run), before anything is written.
import { checkBookings, countNoShows, normalizeBooking, type CheckResult } from '../../core/check';
import { normalizeSeekerNo } from '../../core/normalize';
import { type BookingField, STATUS } from '../../core/schema';
import { formatMonth, instantAt, type LocalDate } from '../../core/time';
import type { Cell, Table } from '../../sheet/table';
import { addCounts, archivedNoShowCounts, type LoadedContext } from '../context';
import type { FormValues } from './form';
import { rawBookings } from './serve';

export type Booking = Partial<Record<BookingField, Cell>>;
type CheckBase = LoadedContext['base'];

/** The booking the form describes, as cells of 予約 (without its 予約ID yet). */
export function candidateOf(form: FormValues, day: LocalDate, now: Date, base: CheckBase): Booking {
  const seekerNo = normalizeSeekerNo(form.seekerNo);
  const entry = seekerNo.ok ? base.roster.find((e) => e.seekerNo === seekerNo.value) : undefined;
  return {
    channel: form.channel,
    name: form.name,
    seekerNo: seekerNo.ok ? seekerNo.value : form.seekerNo,
    email: form.email,
    date: instantAt(day),
    start: form.start,
    office: form.office,
    officer: entry?.officer ?? '',
    meetingUrl: form.meetingUrl,
    status: STATUS.taken,
    takenAt: now,
    updatedAt: now,
    month: formatMonth(day),
  };
}

/** The check of the candidate row together with every booking in the sheet (its result). */
export function checkWithOthers(
  table: Table,
  candidate: { rowNumber: number; values: Booking },
  base: CheckBase,
  today: LocalDate,
): CheckResult | undefined {
  const raw = rawBookings(table);
  const live = countNoShows(raw.map((r) => normalizeBooking(r, today)));
  const ctx = { ...base, noShowCounts: addCounts(live, archivedNoShowCounts()) };
  const results = checkBookings([...raw, candidate], ctx);
  return results[results.length - 1];
}
