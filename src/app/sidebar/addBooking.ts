// Adding a booking from the sidebar: the page is a convenience, not a gate. Under the script
// lock the sheet is read again, the booking is checked with every other row by the same check
// the menus run, and added only when it finds no error; then it is found again by its 予約ID.
import * as say from '../../core/checkMessages';
import { BOOKING, CHANNELS } from '../../core/schema';
import {
  addedButNotChecked,
  BOOKINGS_NOT_READY,
  CHANNEL_PROBLEM,
  START_ONLY,
} from '../../core/sidebarWords';
import { dayOf, formatTime, type LocalDate, parseIsoDay } from '../../core/time';
import { missingBookingHeaders, readBookingSheet } from '../../sheet/bookings';
import { firstFreeRowNumber } from '../../sheet/table';
import type { AddBookingResult, BookingForm } from '../../ui/shared/sidebarApi';
import { issueBookingIds } from '../bookingIds';
import { isSettingBlocker } from '../../core/settingBlockers';
import { NeedsPerson } from '../checkService';
import { loadCheckContext } from '../context';
import { withScriptLock } from '../lock';
import { describeError } from '../runAction';
import { BUSY_MESSAGE } from '../ui';
import { afterAppend } from './afterAppend';
import { candidateOf, checkWithOthers } from './candidate';
import { added, type FormValues, readForm, refused, strictTime } from './form';
import { rowOf, writeIntoFreeRow } from './freeRow';
import { serve } from './serve';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function sidebarAddBooking(form: BookingForm): AddBookingResult {
  return serve('sidebarAddBooking', () => {
    const values = readForm(form);
    const day = parseIsoDay(values.date);
    if (day === null) return refused([say.missing(BOOKING.date)]);
    if (!(CHANNELS as readonly string[]).includes(values.channel)) {
      return refused([CHANNEL_PROBLEM]);
    }
    const start = strictTime(values.start);
    if (start === null) return refused([START_ONLY]);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const locked = withScriptLock(() => {
      try {
        return addBooking(spreadsheet, { ...values, start: formatTime(start) }, day, new Date());
      } catch (error) {
        if (error instanceof NeedsPerson) return refused([error.message]);
        throw error;
      }
    });
    return locked.ok ? locked.value : refused([BUSY_MESSAGE]);
  });
}

/** Under the lock: check the booking with every other row, then add it and record its check. */
function addBooking(
  spreadsheet: Spreadsheet,
  form: FormValues,
  day: LocalDate,
  now: Date,
): AddBookingResult {
  const table = readBookingSheet(spreadsheet);
  if (!table || missingBookingHeaders(table).length > 0) throw new NeedsPerson(BOOKINGS_NOT_READY);
  const { base } = loadCheckContext(spreadsheet, now);
  const rowNumber = firstFreeRowNumber(table);
  const candidate = candidateOf(form, day, now, base);
  const precheck = checkWithOthers(table, { rowNumber, values: candidate }, base, dayOf(now));
  if (!precheck || precheck.errors.some((e) => !isSettingBlocker(e))) {
    return refused(precheck ? [...precheck.errors, ...precheck.warnings] : [say.internalFailure()]);
  }
  const idIndex = table.headers.indexOf(BOOKING.id);
  const [id] = issueBookingIds(
    1,
    table.rows.map((row) => row.values[idIndex]),
    spreadsheet,
  );
  const row = rowOf(table.headers, {
    ...candidate,
    id: id!,
    email: precheck.booking.email ?? form.email,
    meetingUrl: precheck.booking.meetingUrl ?? form.meetingUrl,
  });
  const placed =
    rowNumber <= table.rows.length + 1 ? writeIntoFreeRow(table.sheet, rowNumber, row) : null;
  if (!placed) table.sheet.appendRow(row);
  // From here on the booking is in the sheet: whatever fails, the page is told so, never
  // "server error" (which would make staff add it again).
  try {
    return afterAppend(spreadsheet, table, row, id!, { form, day, now, base, placed });
  } catch (error) {
    console.error(`sidebarAddBooking: added ${id!}, then failed: ${describeError(error)}`);
    return added(id!, 0, [addedButNotChecked(id!)]);
  }
}
