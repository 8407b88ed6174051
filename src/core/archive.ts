// 過去の予約を保管 (SPEC §3 予約_保管): which 予約 rows move, how their cells map onto the archive's
// columns, and how the rows to delete group into runs. Pure; src/app/archive/ does the
// copy → read back → compare → delete sequence around it.
//
// Decisions (also in the operations guide):
// - A row moves when its 状態 is 実施 / キャンセル / 無断キャンセル and its 相談日 is before
//   (today − 保管までの月数 months): with 6, on 2026-12-01 everything finished before 2026-06-01.
// - It must have a 予約ID, unique in 予約: the id is how a re-run recognises a row already copied
//   and how the deletion finds the row again after a person sorted. Rows without one wait until a
//   check gives them one.
// - Columns are matched by header. A 予約 column whose header 予約_保管 lacks (a column staff
//   added) is added to the end of 予約_保管's header row first, so no value is ever dropped. A
//   row with a value under a column that cannot be matched (blank header, or the second of two
//   columns with the same header) is not moved: a person must name the column first.

import { FINISHED_STATUSES, type Status } from './schema';
import { addMonths, isValidInstant, type LocalDate } from './time';

/** A cell as the sheet hands it over. */
export type ArchiveValue = string | number | boolean | Date;

export interface LiveRow {
  /** 1-based sheet row at the time of the read. */
  rowNumber: number;
  id: string;
  date: LocalDate | null;
  status: Status;
  values: readonly ArchiveValue[];
}

/** The 予約_保管 header row to use, and where each of its columns takes its value from. */
export interface ColumnMapping {
  /** 予約_保管's headers after the missing ones are appended. */
  archiveHeaders: string[];
  /** Headers appended to 予約_保管 (staff's extra 予約 columns), in 予約's order. */
  added: string[];
  /** For each archive column, the 予約 column it copies (0-based), or -1 (left blank). */
  source: number[];
  /** 予約 columns whose values have nowhere to go: blank or duplicated header. */
  unmatched: number[];
}

export interface ArchivePlan {
  cutoff: LocalDate;
  /** Not in 予約_保管 yet: append, read back, then delete. */
  toAppend: LiveRow[];
  /** Already in 予約_保管 with the same values (an earlier run stopped before deleting). */
  alreadyArchived: LiveRow[];
  /** In 予約_保管 under the same 予約ID but with other values: a person must look. */
  conflicting: LiveRow[];
  /** Finished and old, but without a 予約ID. */
  withoutId: number;
  /** Finished and old, but their 予約ID is on more than one 予約 row. */
  duplicatedId: LiveRow[];
  /** Finished and old, but holding a value under a column without a usable header. */
  unmatchedValues: LiveRow[];
  /** Left for the next run, so one run deletes at most MAX_DELETE_RUNS blocks of rows. */
  deferred: LiveRow[];
}

/** Each block of adjacent rows is one deleteRows call; this bounds the calls of one run. */
export const MAX_DELETE_RUNS = 50;

/** Bookings with 相談日 before this day are old enough to move. */
export function archiveCutoff(today: LocalDate, months: number): LocalDate {
  return addMonths(today, -months);
}

export function isArchivable(row: Pick<LiveRow, 'date' | 'status'>, cutoff: LocalDate): boolean {
  return row.date !== null && row.date < cutoff && FINISHED_STATUSES.includes(row.status);
}

export function mapColumns(
  bookingHeaders: readonly string[],
  archiveHeaders: readonly string[],
): ColumnMapping {
  const firstIndex = new Map<string, number>();
  const unmatched: number[] = [];
  bookingHeaders.forEach((header, i) => {
    if (header === '' || firstIndex.has(header)) unmatched.push(i);
    else firstIndex.set(header, i);
  });
  const present = new Set(archiveHeaders);
  const added = [...firstIndex.keys()].filter((h) => !present.has(h));
  const headers = [...archiveHeaders, ...added];
  const used = new Set<string>();
  const source = headers.map((header) => {
    // Only the first archive column of a duplicated header gets the value.
    if (header === '' || used.has(header)) return -1;
    used.add(header);
    return firstIndex.get(header) ?? -1;
  });
  return { archiveHeaders: headers, added, source, unmatched };
}

/** The archive row for a 予約 row: its values laid out under 予約_保管's headers. */
export function archiveRow(
  mapping: ColumnMapping,
  values: readonly ArchiveValue[],
): ArchiveValue[] {
  return mapping.source.map((i) => (i < 0 ? '' : (values[i] ?? '')));
}

/** Cell equality as the sheet keeps it: Dates by instant, everything else exactly. */
export function sameValue(a: ArchiveValue | undefined, b: ArchiveValue | undefined): boolean {
  if (isValidInstant(a) || isValidInstant(b)) {
    return isValidInstant(a) && isValidInstant(b) && a.getTime() === b.getTime();
  }
  return (a ?? '') === (b ?? '');
}

/** True when an archive row holds every value of the 予約 row (archive-only columns ignored). */
export function holdsRow(
  mapping: ColumnMapping,
  liveValues: readonly ArchiveValue[],
  archiveValues: readonly ArchiveValue[],
): boolean {
  return mapping.source.every(
    (i, j) => i < 0 || sameValue(liveValues[i] ?? '', archiveValues[j] ?? ''),
  );
}

/** True when a row would lose a value (see the decisions at the top). */
export function hasUnmatchedValue(
  mapping: ColumnMapping,
  values: readonly ArchiveValue[],
): boolean {
  return mapping.unmatched.some((i) => {
    const value = values[i];
    return value !== undefined && value !== '' && value !== false;
  });
}

export function planArchive(input: {
  rows: readonly LiveRow[];
  /** 予約_保管 rows, as laid out under mapping.archiveHeaders. */
  archived: ReadonlyMap<string, readonly (readonly ArchiveValue[])[]>;
  mapping: ColumnMapping;
  today: LocalDate;
  months: number;
  maxRuns?: number;
}): ArchivePlan {
  const cutoff = archiveCutoff(input.today, input.months);
  const idCount = new Map<string, number>();
  for (const row of input.rows) {
    if (row.id !== '') idCount.set(row.id, (idCount.get(row.id) ?? 0) + 1);
  }
  const plan: ArchivePlan = {
    cutoff,
    toAppend: [],
    alreadyArchived: [],
    conflicting: [],
    withoutId: 0,
    duplicatedId: [],
    unmatchedValues: [],
    deferred: [],
  };
  const movable: LiveRow[] = [];
  for (const row of input.rows) {
    if (!isArchivable(row, cutoff)) continue;
    if (row.id === '') plan.withoutId++;
    else if ((idCount.get(row.id) ?? 0) > 1) plan.duplicatedId.push(row);
    else if (hasUnmatchedValue(input.mapping, row.values)) plan.unmatchedValues.push(row);
    else movable.push(row);
  }
  const { taken, deferred } = limitRuns(movable, input.maxRuns ?? MAX_DELETE_RUNS);
  plan.deferred = deferred;
  for (const row of taken) {
    const copies = input.archived.get(row.id);
    if (copies === undefined) plan.toAppend.push(row);
    else if (copies.some((copy) => holdsRow(input.mapping, row.values, copy))) {
      plan.alreadyArchived.push(row);
    } else plan.conflicting.push(row);
  }
  return plan;
}

/** The rows of the first `maxRuns` blocks of adjacent rows (in sheet order), and the rest. */
function limitRuns(
  rows: readonly LiveRow[],
  maxRuns: number,
): { taken: LiveRow[]; deferred: LiveRow[] } {
  const sorted = [...rows].sort((a, b) => a.rowNumber - b.rowNumber);
  const taken: LiveRow[] = [];
  const deferred: LiveRow[] = [];
  let runs = 0;
  let previous = Number.NaN;
  for (const row of sorted) {
    if (row.rowNumber !== previous + 1) runs++;
    previous = row.rowNumber;
    (runs <= maxRuns ? taken : deferred).push(row);
  }
  return { taken, deferred };
}

/** Blocks of adjacent sheet rows, bottom block first, so deleting one never shifts the next. */
export function deletionRuns(rowNumbers: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rowNumbers)].sort((a, b) => b - a);
  const runs: { start: number; count: number }[] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.start === row + 1) {
      last.start = row;
      last.count++;
    } else runs.push({ start: row, count: 1 });
  }
  return runs;
}
