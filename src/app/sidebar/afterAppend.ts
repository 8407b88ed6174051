// After the sidebar's booking is in the sheet: find it again, check and record it, log it and
// tell the page what a person needs to know. A row a person changed or took in between is
// reported, never written again.
import { readBackLines } from '../../core/freeSlots';
import {
  addedButNotVerified,
  addedWithErrors,
  NOT_VERIFIED_DETAIL,
  SIDEBAR_AUDIT_ACTION,
} from '../../core/sidebarWords';
import type { LocalDate } from '../../core/time';
import type { Cell, Table } from '../../sheet/table';
import type { AddBookingResult } from '../../ui/shared/sidebarApi';
import { actorName, AuditLog } from '../auditLog';
import { checkAndRecord } from '../checkService';
import type { LoadedContext } from '../context';
import { afterCollision } from './collision';
import { findAppended, findWritten } from './findAdded';
import type { FormValues } from './form';
import { added, noted } from './form';
import type { Placed } from './freeRow';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Added {
  form: FormValues;
  day: LocalDate;
  now: Date;
  base: LoadedContext['base'];
  placed: Placed | null;
}

/**
 * Finds the added row by its 予約ID (one read of the 予約ID column and one of the row, or one
 * read of every row after a write into a free row) and checks it still holds what was written;
 * then checks and records it and logs the addition.
 */
export function afterAppend(
  spreadsheet: Spreadsheet,
  table: Table,
  row: Cell[],
  id: string,
  context: Added,
): AddBookingResult {
  const { form, day, now, placed } = context;
  const log = new AuditLog(actorName('menu'));
  const { rowNumber, collision } = placed
    ? findWritten(table, id, row, placed)
    : findAppended(table, id, row);
  if (rowNumber !== null && collision !== null) {
    return afterCollision(spreadsheet, table, { id, rowNumber, collision, log });
  }
  if (rowNumber === null) {
    log.add({ action: SIDEBAR_AUDIT_ACTION, bookingId: id, detail: NOT_VERIFIED_DETAIL });
    log.flush(spreadsheet);
    return added(id, 0, [addedButNotVerified(id)]);
  }
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set([rowNumber]) });
  const recorded = run.recorded.find((c) => c.id === id);
  const detail = `${day} ${form.start} ${form.office}`;
  log.add({ action: SIDEBAR_AUDIT_ACTION, bookingId: id, detail });
  log.flush(spreadsheet);
  if (!recorded || recorded.result.errors.length > 0) {
    const found = recorded ? [...recorded.result.errors, ...recorded.result.warnings] : [];
    return added(id, rowNumber, [...found, addedWithErrors(rowNumber, id)]);
  }
  return {
    ok: true,
    added: true,
    id,
    rowNumber,
    readBack: readBack(recorded.result.booking, context),
    ...noted(recorded.result.warnings),
  };
}

type Checked = NonNullable<
  ReturnType<typeof checkAndRecord>['recorded'][number]
>['result']['booking'];

/** The lines staff read back to the job seeker on the phone. */
function readBack(b: Checked, { day, base }: Added): string[] {
  return readBackLines({
    date: day,
    start: b.start ?? 0,
    durationMinutes: base.settings.durationMinutes,
    office: b.office,
    name: b.name,
    seekerNo: b.seekerNo ?? '',
    email: b.email ?? '',
    deadlineDays: base.settings.deadlineDays,
    officePhone: base.settings.phones[b.office] ?? '',
  });
}
