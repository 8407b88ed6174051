// The check of SPEC §4: every 予約 row against the slot, calendar and eligibility rules (R1–R5),
// plus the clashes that need the whole sheet (capacity, one officer or one job seeker twice at
// one time). Pure: the caller reads the sheets, passes them in and writes チェック結果.

import { addToGroup } from './groupBy';
import { bookingIdNumber } from './bookingId';
import { bookingDeadlineState, firstBookableDay } from './deadlines';
import {
  blankBooking,
  readBooking,
  UPCOMING_STATUSES,
  type NormalizedBooking,
  type RawBooking,
  type ReadBooking,
} from './booking';
import { closedReason, type ClosedDay, type ClosedReason } from './calendar';
import { awaitsInvitation, isConfirmedPendingInvitation } from './consultationBooking';
import * as say from './checkMessages';
import { eligibilityFindings, indexRoster, type RosterIndex } from './eligibility';
import { carrierDomainOf, typoSuggestion } from './mailDomains';
import { personKey } from './normalize';
import { reachesNoShowThreshold } from './noShows';
import { overdueMessages } from './overdue';
import { settingBlockers } from './settingBlockers';
import { isSlotStart, occupiesTime, slotCapacity, slotOccupancy, timeKey } from './slots';
import type { RosterEntry } from './roster';
import { BOOKING, ERROR_PREFIX, FINISHED_STATUSES, STATUS, type Status } from './schema';
import { checkCellText } from './checkCell';
import type { Settings } from './settings';
import { daysBetween, makeDay, tryDayOf, type LocalDate } from './time';

export { normalizeBooking } from './booking';
export { countNoShows } from './noShows';
export type { NormalizedBooking, RawBooking } from './booking';
export { parseClosedDays } from './closedDays';
export type { ClosedDayRow } from './closedDays';
export { parseRoster } from './roster';
export type { RosterEntry, RosterRow } from './roster';

export interface CheckContext {
  settings: Settings;
  roster: readonly RosterEntry[];
  closedDays: readonly ClosedDay[];
  now: Date;
  /** No-show counts per normalised 求職番号, from live + archived bookings. */
  noShowCounts: ReadonlyMap<string, number>;
}

export interface CheckResult {
  /** 'OK', '' for an empty row, or a count line then the messages ('エラー: …' first): checkCell. */
  text: string;
  errors: string[];
  warnings: string[];
  booking: NormalizedBooking;
  /**
   * 実施 / キャンセル / 無断キャンセル: the booking is over, so the row rules are not applied
   * (only a 予約ID problem still shows) and summaries leave it out.
   */
  finished: boolean;
}

/** A booking that far ahead is more likely a mistyped year than a plan. */
const FAR_FUTURE_DAYS = 366;
/** How many other bookings of the same person a warning names. */
const MAX_NAMED_OTHERS = 2;

interface Findings {
  errors: string[];
  warnings: string[];
}

/**
 * Checks all rows together (capacity and clashes need the whole set): one result per input, in
 * the same order. Never throws: a row that cannot be checked gets an error, so it is never sent.
 */
export function checkBookings(rows: readonly RawBooking[], ctx: CheckContext): CheckResult[] {
  const today = tryDayOf(ctx.now) ?? FALLBACK_TODAY;
  const read = rows.map((row) => safeRead(row, today));
  const findings = read.map((): Findings => ({ errors: [], warnings: [] }));
  const roster = indexRoster(ctx.roster);
  read.forEach((r, i) => {
    if (r.empty || isFinished(r)) return;
    const found = findings[i];
    if (!found) return;
    try {
      checkRow(r, ctx, today, roster, found);
    } catch {
      found.errors.push(say.internalFailure());
    }
  });
  try {
    checkBookingIds(read, findings);
    checkTogether(read, ctx, today, findings);
  } catch {
    read.forEach((r, i) => {
      if (!r.empty) findings[i]?.errors.push(say.internalFailure());
    });
  }
  return read.map((r, i) => result(r, findings[i] ?? { errors: [], warnings: [] }));
}

const FALLBACK_TODAY = makeDay(2000, 1, 1) as LocalDate;

/**
 * 予約ID: not the script's own form, or on more than one row (a copied row), is an error on
 * every row concerned: the script cannot tell which row an id means, so it sends to neither.
 */
function checkBookingIds(read: readonly ReadBooking[], findings: Findings[]): void {
  const rowsById = new Map<string, number[]>();
  read.forEach((r, i) => {
    if (r.empty || r.booking.id === '') return;
    if (bookingIdNumber(r.booking.id) === null) findings[i]?.errors.push(say.foreignBookingId());
    const rows = rowsById.get(r.booking.id) ?? [];
    rows.push(i);
    rowsById.set(r.booking.id, rows);
  });
  for (const indexes of rowsById.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      const others = indexes.filter((j) => j !== i).map((j) => read[j]!.booking.rowNumber);
      findings[i]?.errors.push(say.duplicatedBookingId(others));
    }
  }
}

function safeRead(row: RawBooking, today: LocalDate): ReadBooking {
  try {
    return readBooking(row, today);
  } catch {
    // Only a hostile object (a throwing getter, say) gets here; treat the row as unreadable.
    return {
      booking: unreadableBooking(row),
      failures: { status: { kind: 'missing' } },
      empty: false,
    };
  }
}

function unreadableBooking(row: RawBooking): NormalizedBooking {
  return blankBooking(typeof row?.rowNumber === 'number' ? row.rowNumber : 0);
}

function result(r: ReadBooking, found: Findings): CheckResult {
  if (r.empty) return { text: '', errors: [], warnings: [], booking: r.booking, finished: false };
  return {
    text: checkCellText(found.errors, found.warnings),
    errors: found.errors,
    warnings: found.warnings,
    booking: r.booking,
    finished: isFinished(r),
  };
}

/** 状態 says the booking is over (read without doubt: an unknown word is checked and reported). */
function isFinished(r: ReadBooking): boolean {
  return r.failures.status === undefined && FINISHED_STATUSES.includes(r.booking.status);
}

// ---------------------------------------------------------------------------------------------
// One row on its own

function checkRow(
  r: ReadBooking,
  ctx: CheckContext,
  today: LocalDate,
  roster: RosterIndex,
  found: Findings,
): void {
  checkFields(r, ctx.settings, found);
  const b = r.booking;
  if (b.date !== null) checkDay(b, b.date, ctx, today, found);
  if (b.seekerNo !== null) {
    const eligibility = eligibilityFindings(b, b.seekerNo, roster);
    found.errors.push(...eligibility.errors);
    found.warnings.push(...eligibility.warnings);
  }
  // 第6条(4): 確定 in the consultation, the invitation still to be sent, is checked like 受付.
  const pending = isConfirmedPendingInvitation(b);
  if (pending) found.warnings.push(say.confirmedDuringConsultation());
  if ((b.status === STATUS.taken || pending) && r.failures.status === undefined) {
    checkNewBookingWarnings(b, ctx, found);
  }
  // A likely typo (gmail.con) never reaches anyone: not sent, whatever the 状態 (issue 16 §4).
  if (b.email !== null) {
    const domain = b.email.slice(b.email.lastIndexOf('@') + 1);
    const suggestion = typoSuggestion(domain);
    if (suggestion !== null) found.errors.push(say.typoDomain(domain, suggestion));
  }
  if (awaitsInvitation(b) && ctx.settings.offices.includes(b.office)) {
    found.errors.push(...settingBlockers(ctx.settings, b.office));
  }
  if (b.sendFailure !== null && awaitsInvitation(b)) {
    found.errors.push(say.sendFailed(b.sendFailure.reason, b.sendFailure.at));
  }
  // Invitations overdue or stuck (R5, R6): part of the check, so every run writes the same text.
  for (const line of overdueMessages(b, ctx)) {
    (line.startsWith(ERROR_PREFIX) ? found.errors : found.warnings).push(line);
  }
}

/** What a cell shows when its formula failed (#REF!, #N/A …): never a name to greet anyone by. */
const SHEET_ERROR_VALUE = /^#(?:ERROR!|REF!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!)$/i;

/** Required fields and their forms, in column order. */
function checkFields(r: ReadBooking, settings: Settings, found: Findings): void {
  const { booking: b, failures: f } = r;
  const errors = found.errors;
  if (b.name === '') errors.push(say.missing(BOOKING.name));
  else if (SHEET_ERROR_VALUE.test(b.name)) errors.push(say.sheetErrorValue(BOOKING.name, b.name));
  if (f.seekerNo) errors.push(say.seekerNoProblem(f.seekerNo));
  if (f.email) errors.push(say.emailProblem(f.email));
  if (f.date) errors.push(say.dateProblem(f.date));
  if (f.start) errors.push(say.timeProblem(f.start));
  else if (b.start !== null && !isSlotStart(b.start, settings)) {
    errors.push(say.notASlot(b.start, settings.slotLabels));
  }
  if (b.office === '') errors.push(say.missing(BOOKING.office));
  else if (!settings.offices.includes(b.office)) {
    errors.push(say.unknownOffice(b.office, settings.offices));
  }
  if (f.meetingUrl) errors.push(say.urlProblem(f.meetingUrl));
  if (f.status) {
    errors.push(
      f.status.kind === 'unknownStatus' ? say.unknownStatus(f.status.input) : say.internalFailure(),
    );
  }
}

/** R2 (business day) for every row; R5 (confirmable by the deadline) while still 受付. */
function checkDay(
  b: NormalizedBooking,
  day: LocalDate,
  ctx: CheckContext,
  today: LocalDate,
  found: Findings,
): void {
  const closed = closedReasonCached(day, b.office === '' ? null : b.office, ctx.closedDays);
  if (closed !== null) found.errors.push(say.closedDay(day, closed, today));
  if (b.status === STATUS.confirmed && day < today) {
    found.warnings.push(say.confirmedDayPassed(day, today));
  }
  if (b.status !== STATUS.taken) return;
  const deadlineDays = ctx.settings.deadlineDays;
  const state = bookingDeadlineState(day, today, deadlineDays);
  const earliest = firstBookableDay(today, deadlineDays);
  if (state === 'notAfterToday') {
    found.errors.push(say.notAfterToday(day, today, deadlineDays, earliest));
  } else if (state === 'tooClose') {
    found.errors.push(say.pastDeadline(day, today, deadlineDays, earliest));
  } else if (daysBetween(today, day) > FAR_FUTURE_DAYS) found.warnings.push(say.farFuture(day));
}

// Thousands of bookings share a few hundred days: ask the calendar once per day and 窓口.
const closedReasonCache = new WeakMap<readonly ClosedDay[], Map<string, ClosedReason | null>>();

function closedReasonCached(
  day: LocalDate,
  office: string | null,
  closedDays: readonly ClosedDay[],
): ClosedReason | null {
  let cache = closedReasonCache.get(closedDays);
  if (cache === undefined) {
    cache = new Map();
    closedReasonCache.set(closedDays, cache);
  }
  const key = office === null ? day : `${day}|${office}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const reason = closedReason(day, office, closedDays);
  cache.set(key, reason);
  return reason;
}

/** Warnings that matter while taking a booking: no-shows, and mail that may not arrive. */
function checkNewBookingWarnings(b: NormalizedBooking, ctx: CheckContext, found: Findings): void {
  if (b.seekerNo !== null) {
    const noShows = ctx.noShowCounts.get(b.seekerNo) ?? 0;
    if (reachesNoShowThreshold(noShows, ctx.settings)) {
      found.warnings.push(say.manyNoShows(noShows, ctx.settings.suspendThreshold));
    }
  }
  if (b.email !== null) {
    const domain = b.email.slice(b.email.lastIndexOf('@') + 1);
    const carrier = carrierDomainOf(domain);
    if (carrier !== null) found.warnings.push(say.carrierDomain(carrier));
  }
}

// ---------------------------------------------------------------------------------------------
// Rows together: indexed by day and slot, so the whole sheet is checked in linear time.

function checkTogether(
  read: readonly ReadBooking[],
  ctx: CheckContext,
  today: LocalDate,
  findings: readonly Findings[],
): void {
  const bySlotAndOffice = slotOccupancy(
    read.map((r) => (r.empty ? null : r.booking)),
    today,
  );
  const bySlotAndOfficer = new Map<string, number[]>();
  const bySlotAndSeeker = new Map<string, number[]>();
  const upcomingBySeeker = new Map<string, number[]>();
  read.forEach((r, i) => {
    const b = r.booking;
    if (r.empty || !occupiesTime(b, today)) return;
    const slot = timeKey(b.date, b.start);
    const officer = personKey(b.officer);
    if (officer !== '') addToGroup(bySlotAndOfficer, `${slot}|${officer}`, i);
    if (b.seekerNo !== null) {
      addToGroup(bySlotAndSeeker, `${slot}|${b.seekerNo}`, i);
      if (UPCOMING_STATUSES.includes(b.status)) addToGroup(upcomingBySeeker, b.seekerNo, i);
    }
  });
  const capacity = slotCapacity(ctx.settings);
  for (const group of bySlotAndOffice.values()) {
    if (group.length <= capacity) continue;
    const ordered = byPriority(group, read);
    const holders = ordered.slice(0, capacity);
    const holderRefs = holders.map((i) => refOf(read[i]));
    for (const i of ordered.slice(capacity)) {
      const b = read[i]?.booking;
      if (!b || !isUpcoming(b.status) || b.date === null || b.start === null) continue;
      findings[i]?.errors.push(
        say.slotFull(b.date, b.start, b.office, capacity, holderRefs, today),
      );
    }
  }
  flagClashes(bySlotAndOfficer, read, findings, say.officerClash);
  flagClashes(bySlotAndSeeker, read, findings, say.seekerClash);
  warnOtherUpcoming(upcomingBySeeker, read, findings, today);
}

/** Every booking after the first in a group gets the error, naming the ones before it. */
function flagClashes(
  groups: ReadonlyMap<string, number[]>,
  read: readonly ReadBooking[],
  findings: readonly Findings[],
  message: (others: readonly string[]) => string,
): void {
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ordered = byPriority(group, read);
    const first = ordered[0];
    if (first === undefined) continue;
    const firstRef = [refOf(read[first])];
    for (const i of ordered.slice(1)) {
      const b = read[i]?.booking;
      if (b && isUpcoming(b.status)) findings[i]?.errors.push(message(firstRef));
    }
  }
}

/** A 受付 row of someone who has another upcoming booking (not at the same time: that is a clash). */
function warnOtherUpcoming(
  bySeeker: ReadonlyMap<string, number[]>,
  read: readonly ReadBooking[],
  findings: readonly Findings[],
  today: LocalDate,
): void {
  for (const group of bySeeker.values()) {
    if (group.length < 2) continue;
    // One booking per distinct time, in time order: bookings at the same time are a clash
    // (reported above), and scanning a short list keeps a pasted-many-times row linear.
    const ordered = [...group].sort((a, c) => slotOrder(read[a], read[c]));
    const perSlot = ordered.filter(
      (j, k) => k === 0 || slotOrder(read[ordered[k - 1] ?? j], read[j]) !== 0,
    );
    if (perSlot.length < 2) continue;
    for (const i of group) {
      const b = read[i]?.booking;
      if (!b || b.status !== STATUS.taken) continue;
      const others: { ref: string; day: LocalDate; start: number }[] = [];
      let more = false;
      for (const j of perSlot) {
        const o = read[j]?.booking;
        if (!o || o.date === null || o.start === null) continue;
        if (o.date === b.date && o.start === b.start) continue;
        if (others.length === MAX_NAMED_OTHERS) {
          more = true;
          break;
        }
        others.push({ ref: refOf(read[j]), day: o.date, start: o.start });
      }
      if (others.length > 0) findings[i]?.warnings.push(say.otherUpcoming(others, today, more));
    }
  }
}

function isUpcoming(status: Status): boolean {
  return UPCOMING_STATUSES.includes(status);
}

function refOf(r: ReadBooking | undefined): string {
  return r ? say.bookingRef(r.booking.id, r.booking.rowNumber) : '';
}

const STATUS_RANK: Partial<Record<Status, number>> = {
  [STATUS.held]: 0,
  [STATUS.confirmed]: 1,
  [STATUS.taken]: 2,
};

/**
 * Who keeps a contested slot: a booking already held or confirmed, then the one taken first
 * (受付日時), then the older 予約ID, then the higher row.
 */
function byPriority(group: readonly number[], read: readonly ReadBooking[]): number[] {
  const key = (i: number): [number, number, number, number] => {
    const b = read[i]?.booking;
    if (!b) return [9, Infinity, Infinity, Infinity];
    return [
      STATUS_RANK[b.status] ?? 3,
      b.takenAt?.getTime() ?? Infinity,
      bookingIdNumber(b.id) ?? Infinity,
      b.rowNumber,
    ];
  };
  const keys = new Map(group.map((i) => [i, key(i)] as const));
  return [...group].sort((a, c) => compareKeys(keys.get(a), keys.get(c)));
}

function compareKeys(a: readonly number[] | undefined, c: readonly number[] | undefined): number {
  for (let k = 0; k < 4; k++) {
    const x = a?.[k] ?? Infinity;
    const y = c?.[k] ?? Infinity;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function slotOrder(a: ReadBooking | undefined, c: ReadBooking | undefined): number {
  const x = a?.booking;
  const y = c?.booking;
  const dx = x?.date ?? '';
  const dy = y?.date ?? '';
  if (dx !== dy) return dx < dy ? -1 : 1;
  return (x?.start ?? 0) - (y?.start ?? 0);
}
