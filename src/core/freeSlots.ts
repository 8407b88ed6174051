// 空き枠: the bookable days × slots × 窓口 with what is still free, for staff on the phone, and
// the text they read back to the caller once a booking is added. Pure: the caller reads 予約,
// 設定 and 休業日 and passes them in.

import { closedReason, type ClosedDay, type ClosedReason } from './calendar';
import type { Settings } from './settings';
import { deadlineDaysWords, firstBookableDay } from './deadlines';
import {
  freePlaces,
  slotCapacity,
  slotKey,
  slotLabel,
  slotOccupancy,
  type SlotBooking,
} from './slots';
import { addDays, formatDay, formatTime, type LocalDate, type TimeOfDay } from './time';

export interface SlotView {
  /** '10:00', as the 開始時刻 dropdown shows it. */
  start: string;
  /** '10:00～10:30'. */
  label: string;
  capacity: number;
  /** Live bookings (受付/確定/実施) in the slot; may exceed capacity when the sheet is wrong. */
  taken: number;
  free: number;
  full: boolean;
}

export interface OfficeDayView {
  office: string;
  /** Why this 窓口 is closed that day ('祝日（勤労感謝の日）' …), or null when it is open. */
  closed: string | null;
  /** Empty when closed. */
  slots: SlotView[];
  free: number;
}

export interface DayView {
  date: LocalDate;
  /** '12月2日(水)'. */
  label: string;
  /** Set when every listed 窓口 is closed for the same reason (weekends, holidays …). */
  closed: string | null;
  offices: OfficeDayView[];
}

export interface FreeSlotsView {
  today: LocalDate;
  /** The earliest day a booking can still be confirmed in time (予約締切). */
  firstBookableDay: LocalDate;
  offices: string[];
  days: DayView[];
}

export type FreeSlotSettings = Pick<
  Settings,
  'slots' | 'capacity' | 'offices' | 'deadlineDays' | 'durationMinutes'
>;

export type { SlotBooking } from './slots';

export interface FreeSlotsInput {
  today: LocalDate;
  settings: FreeSlotSettings;
  closedDays: readonly ClosedDay[];
  bookings: readonly SlotBooking[];
  /** Business days to list (days open at one listed 窓口 at least). */
  businessDays: number;
  /** Only these 窓口 (unknown names are ignored); all of 設定's when absent or empty. */
  offices?: readonly string[];
}

/** No office closes for longer than this; it bounds the search when every day is closed. */
const MAX_DAYS_SCANNED = 400;
export const MAX_BUSINESS_DAYS = 60;

/**
 * The next `businessDays` bookable days from the first day that can still be confirmed in time
 * (tomorrow with 予約締切 前日), each 窓口's slots with their free capacity. Closed days in between
 * are listed too, marked closed, so staff can say why a day is not offered.
 */
export function freeSlots(input: FreeSlotsInput): FreeSlotsView {
  const { settings, today } = input;
  const offices = chosenOffices(settings.offices, input.offices);
  const firstDay = firstBookableDay(today, settings.deadlineDays);
  const wanted = Math.min(Math.max(0, Math.floor(input.businessDays)), MAX_BUSINESS_DAYS);
  const taken = slotOccupancy(input.bookings, firstDay);
  const capacity = slotCapacity(settings);
  const days: DayView[] = [];
  let open = 0;
  for (let i = 0; i < MAX_DAYS_SCANNED && open < wanted && offices.length > 0; i++) {
    const date = addDays(firstDay, i);
    const perOffice = offices.map((office) =>
      officeDay(date, office, input.closedDays, settings, capacity, taken),
    );
    if (perOffice.some((o) => o.closed === null)) open++;
    days.push({
      date,
      label: formatDay(date),
      closed: sharedClosure(perOffice),
      offices: perOffice,
    });
  }
  return { today, firstBookableDay: firstDay, offices, days };
}

function chosenOffices(all: readonly string[], filter: readonly string[] | undefined): string[] {
  if (filter === undefined || filter.length === 0) return [...all];
  return all.filter((office) => filter.includes(office));
}

function officeDay(
  date: LocalDate,
  office: string,
  closedDays: readonly ClosedDay[],
  settings: FreeSlotSettings,
  capacity: number,
  taken: ReadonlyMap<string, readonly number[]>,
): OfficeDayView {
  const reason = closedReason(date, office, closedDays);
  if (reason !== null) return { office, closed: closedText(reason), slots: [], free: 0 };
  const slots = settings.slots.map((start): SlotView => {
    const count = taken.get(slotKey(date, start, office))?.length ?? 0;
    const free = freePlaces(count, capacity);
    return {
      start: formatTime(start),
      label: slotLabel(start, settings.durationMinutes),
      capacity,
      taken: count,
      free,
      full: free === 0,
    };
  });
  return { office, closed: null, slots, free: slots.reduce((sum, s) => sum + s.free, 0) };
}

function sharedClosure(offices: readonly OfficeDayView[]): string | null {
  const first = offices[0]?.closed ?? null;
  return first !== null && offices.every((o) => o.closed === first) ? first : null;
}

/** A closed day in a few words, for the grid. */
export function closedText(reason: ClosedReason): string {
  switch (reason.kind) {
    case '土日':
      return `休み（${reason.weekday}曜日）`;
    case '祝日':
      return `祝日（${reason.name}）`;
    case '年末年始':
      return '年末年始の休み';
    case '休業日':
      return reason.reason === '' ? '休業日' : `休業日（${reason.reason}）`;
  }
}

export interface ReadBack {
  date: LocalDate;
  start: TimeOfDay;
  durationMinutes: number;
  office: string;
  name: string;
  seekerNo: string;
  email: string;
  /** Days before the consultation by which the invitation goes out (予約締切). */
  deadlineDays: number;
  /** The 窓口's number for cancellations; '' when 設定 has none. */
  officePhone: string;
}

/**
 * What staff read back to the caller to confirm the booking, one sentence a line, e.g.
 * 「12月2日(水) 10:00～10:30 倉敷わかもの」, the name, the address the invitation goes to, when it
 * arrives and where to phone to cancel.
 */
export function readBackLines(b: ReadBack): string[] {
  const when = `相談日の${deadlineDaysWords(b.deadlineDays)}まで`;
  const lines = [
    `${formatDay(b.date)} ${slotLabel(b.start, b.durationMinutes)} ${b.office}`,
    `${b.name} 様（求職番号 ${b.seekerNo}）`,
    `招待メールの送り先: ${b.email}`,
    `${when}に、会議URLを書いた招待メールをお送りします。`,
  ];
  if (b.officePhone !== '') {
    lines.push(`キャンセルや、メールが届かないときは ${b.officePhone} へお電話ください。`);
  }
  return lines;
}

export function readBackText(b: ReadBack): string {
  return readBackLines(b).join('\n');
}
