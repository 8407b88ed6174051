// The 対象者 sheet (R3): who may book. Staff keep it; problems are Japanese sentences naming the
// row. A row with an unusable 求職番号 is left out (so its bookings fail "not in 対象者" rather than
// pass on a guess); a row with an unreadable date keeps the entry and says so.

import { dateProblemText } from './checkMessages';
import {
  normalizeDate,
  normalizeFlag,
  normalizeSeekerNo,
  normalizeText,
  type Failure,
} from './normalize';
import { ROSTER, type RosterField } from './schema';
import { type LocalDate } from './time';

export interface RosterEntry {
  seekerNo: string;
  name: string;
  office: string;
  officer: string;
  supportStart: LocalDate | null;
  supportEnd: LocalDate | null;
  suspended: boolean;
  rowNumber: number;
}

export interface RosterRow {
  rowNumber: number;
  values: Partial<Record<RosterField, unknown>>;
}

/** Only used for the required-year parse, which never looks at it. */
const ANY_DAY = '2000-01-01' as LocalDate;

export function parseRoster(rows: readonly RosterRow[]): {
  entries: RosterEntry[];
  problems: string[];
} {
  const entries: RosterEntry[] = [];
  const problems: string[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    const where = `対象者シート${row.rowNumber}行目`;
    const seekerNo = normalizeSeekerNo(v.seekerNo);
    if (!seekerNo.ok) {
      if (!isBlankRow(v)) problems.push(`${where}: ${seekerNoText(seekerNo.failure)}`);
      continue;
    }
    const first = firstRowOf.get(seekerNo.value);
    if (first === undefined) firstRowOf.set(seekerNo.value, row.rowNumber);
    else {
      problems.push(
        `${where}: 「求職番号」が${first}行目と同じです。1人1行にしてください（支援期間が変わったときは日付を書き換えてください）。`,
      );
    }
    const start = readDay(v.supportStart, ROSTER.supportStart, where, problems);
    const end = readDay(v.supportEnd, ROSTER.supportEnd, where, problems);
    if (start !== null && end !== null && end < start) {
      problems.push(`${where}: 「支援終了日」が「支援開始日」より前です。日付を確かめてください。`);
    }
    entries.push({
      seekerNo: seekerNo.value,
      name: normalizeText(v.name),
      office: normalizeText(v.office),
      officer: normalizeText(v.officer),
      supportStart: start,
      supportEnd: end,
      suspended: normalizeFlag(v.suspended),
      rowNumber: row.rowNumber,
    });
  }
  return { entries, problems };
}

function isBlankRow(values: Partial<Record<RosterField, unknown>>): boolean {
  return Object.values(values).every(
    (value) =>
      value === false || value === null || value === undefined || normalizeText(value) === '',
  );
}

function seekerNoText(failure: Failure): string {
  if (failure.kind === 'missing') {
    return '「求職番号」が空です。求職番号（例: 33010-12345678）を入力するか、使わない行なら削除してください。';
  }
  return '「求職番号」の形が正しくありません（例: 33010-12345678）。ハイフンの前は5桁、後は1～8桁の数字で入力してください。この行の方は予約できません。';
}

function readDay(
  value: unknown,
  header: string,
  where: string,
  problems: string[],
): LocalDate | null {
  const day = normalizeDate(value, ANY_DAY, { yearRequired: true });
  if (day.ok) return day.value;
  if (day.failure.kind !== 'missing') {
    problems.push(`${where}: ${dateProblemText(day.failure, header)}`);
  }
  return null;
}
