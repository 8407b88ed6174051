// The sidebar's read of free slots: one read of 予約 and the settings, then core/freeSlots.
import { freeSlots } from '../../core/freeSlots';
import { BOOKINGS_NOT_READY } from '../../core/sidebarWords';
import { dayOf } from '../../core/time';
import { missingBookingHeaders, readBookingSheet } from '../../sheet/bookings';
import {
  DEFAULT_DAYS,
  type FreeSlotsRequest,
  type FreeSlotsResponse,
} from '../../ui/shared/sidebarApi';
import { loadCheckContext } from '../context';
import { readBookings, serve, text } from './serve';

const MAX_DAYS = 30;

export function sidebarGetFreeSlots(request: FreeSlotsRequest): FreeSlotsResponse {
  return serve('sidebarGetFreeSlots', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const today = dayOf(now);
    const table = readBookingSheet(spreadsheet);
    const { base } = loadCheckContext(spreadsheet, now);
    const allOffices = [...base.settings.offices];
    if (!table || missingBookingHeaders(table).length > 0) {
      return {
        ok: false,
        today,
        allOffices,
        offices: [],
        days: [],
        messages: [BOOKINGS_NOT_READY],
      };
    }
    const office = text(request?.office);
    const view = freeSlots({
      today,
      settings: base.settings,
      closedDays: base.closedDays,
      bookings: readBookings(table, today),
      businessDays: businessDays(request?.days),
      ...(allOffices.includes(office) ? { offices: [office] } : {}),
    });
    return { ok: true, today, allOffices, offices: view.offices, days: view.days, messages: [] };
  });
}

/** How many business days to show: the page's number, bounded to 1…MAX_DAYS. */
function businessDays(requested: unknown): number {
  const days = typeof requested === 'number' ? requested : DEFAULT_DAYS;
  return Math.min(Math.max(1, Math.floor(days) || DEFAULT_DAYS), MAX_DAYS);
}
