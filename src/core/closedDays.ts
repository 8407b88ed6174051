// The 休業日 sheet: extra closed days on top of R2, for one 窓口 or (窓口 blank) both.

import type { ClosedDay } from './calendar';
import { dateProblemText } from './checkMessages';
import { normalizeDate, normalizeText } from './normalize';
import { quote } from './quote';
import { CLOSED_DAY } from './schema';
import type { LocalDate } from './time';

export interface ClosedDayRow {
  rowNumber: number;
  values: { date?: unknown; office?: unknown; reason?: unknown };
}

/** What staff write in 窓口 to mean "both offices", besides leaving it blank. */
const BOTH_OFFICES = ['両方', '全窓口', 'すべて', '全て', '共通', '全体'];

/**
 * The closed days, and Japanese problems naming the row. A date typed without a year (12/28)
 * means the next such day on or after `today`. When `offices` is given, an unknown 窓口 is
 * reported (the day is still kept for the 窓口 as written).
 */
export function parseClosedDays(
  rows: readonly ClosedDayRow[],
  today: LocalDate,
  offices?: readonly string[],
): { closedDays: ClosedDay[]; problems: string[] } {
  const closedDays: ClosedDay[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const where = `休業日シート${row.rowNumber}行目`;
    const officeText = normalizeText(row.values.office);
    const reason = normalizeText(row.values.reason);
    const date = normalizeDate(row.values.date, today);
    if (!date.ok) {
      if (date.failure.kind !== 'missing' || officeText !== '' || reason !== '') {
        problems.push(
          `${where}: ${dateProblemText(date.failure, CLOSED_DAY.date)}この行は休業日として扱われません。`,
        );
      }
      continue;
    }
    const office = officeText === '' || BOTH_OFFICES.includes(officeText) ? null : officeText;
    if (office !== null && offices !== undefined && !offices.includes(office)) {
      problems.push(
        `${where}: 「窓口」の${quote(officeText)}は設定にない窓口です。${offices.join('・')}のどれかにするか、すべての窓口の休みなら空にしてください。`,
      );
    }
    closedDays.push({ date: date.value, office, reason });
  }
  return { closedDays, problems };
}
