// Looking a job seeker up in 対象者 for the sidebar's form: the roster entry and what the check
// would warn about (suspended, after support, many no-shows).
import * as say from '../../core/checkMessages';
import { countNoShows } from '../../core/check';
import { normalizeSeekerNo } from '../../core/normalize';
import { dayOf } from '../../core/time';
import { readBookingSheet } from '../../sheet/bookings';
import type { SeekerLookup } from '../../ui/shared/sidebarApi';
import { addCounts, archivedNoShowCounts, loadCheckContext } from '../context';
import { MAX_FIELD_LENGTH, readBookings, serve, text } from './serve';

const EMPTY: SeekerLookup = {
  seekerNo: '',
  found: false,
  name: '',
  office: '',
  officer: '',
  noShowCount: 0,
  messages: [],
};

export function sidebarLookupSeeker(seekerNo: string): SeekerLookup {
  return serve('sidebarLookupSeeker', () => {
    const normalized = normalizeSeekerNo(text(seekerNo).slice(0, MAX_FIELD_LENGTH));
    if (!normalized.ok) return { ...EMPTY, messages: [say.seekerNoProblem(normalized.failure)] };
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const today = dayOf(now);
    const { base } = loadCheckContext(spreadsheet, now);
    const entry = base.roster.find((e) => e.seekerNo === normalized.value);
    if (!entry) return { ...EMPTY, seekerNo: normalized.value, messages: [say.notInRoster()] };
    const table = readBookingSheet(spreadsheet);
    const live = table ? countNoShows(readBookings(table, today)) : new Map<string, number>();
    const noShowCount = addCounts(live, archivedNoShowCounts()).get(entry.seekerNo) ?? 0;
    const messages: string[] = [];
    if (entry.suspended) messages.push(say.suspended(entry.rowNumber));
    if (entry.supportEnd !== null && entry.supportEnd < today) {
      messages.push(say.afterSupport(today, entry.supportEnd, entry.rowNumber));
    }
    if (noShowCount >= base.settings.suspendThreshold) {
      messages.push(say.manyNoShows(noShowCount, base.settings.suspendThreshold));
    }
    const { name, office, officer } = entry;
    return { seekerNo: entry.seekerNo, found: true, name, office, officer, noShowCount, messages };
  });
}
