// 月次集計 (SPEC §3): counts per month and 窓口, per 開始時刻 and per 担当者, from the bookings of
// 予約 and 予約_保管 together. Pure: the caller reads both sheets and writes the layout.
//
// What is counted (also written on the sheet, so managers can check it by hand):
// - 予約数: every booking row whose 相談日 can be read, whatever its 状態 (受付 and 確定 included,
//   cancellations too). 相談月 is 'yyyy-MM' of that same 相談日, so filtering 予約 and 予約_保管
//   on 相談月 and 窓口 gives exactly the 予約数 of that month and 窓口.
// - 実施 / キャンセル / 無断キャンセル: rows with that 状態; 受付・確定: the rest (blank = 受付),
//   so the four add up to 予約数.
// - 実施率 = 実施 ÷ (実施 + キャンセル + 無断キャンセル): of the bookings that are over, the share
//   that was held (a month still under way is not pulled down by bookings yet to come).
// - 提供枠数 = business days of the month at that 窓口 (its own 休業日) × slots × 各枠の定員, with
//   today's 設定 and 休業日; 利用率 = 実施 ÷ 提供枠数.
// - 無断キャンセル率 = 無断キャンセル ÷ (実施 + 無断キャンセル): of the bookings whose time came
//   and whose outcome is known, the share nobody joined without a word. キャンセル (the seeker
//   called) and 受付・確定 (not over) are not in the denominator; the denominator is printed.
// - オンライン相談中の割合 = bookings with 受付方法 オンライン相談中 ÷ 予約数 (R7: the next booking
//   taken during a consultation); a blank or other 受付方法 is not in the numerator.
// - リマインダー送信数 / キャンセル通知数 (issue 15): bookings with at least one 操作ログ line
//   'リマインダー送信' / 'キャンセル通知送信' under their 予約ID, counted in the booking's own
//   相談月 and 窓口 (not the month the line was written); a line whose 予約ID is no booking of
//   予約 or 予約_保管 is not counted. Beside 無断キャンセル率, so months and offices with and
//   without reminders can be compared.
// A rate whose denominator is 0 is null, shown as NO_RATE.

import { DURING_CONSULTATION } from './consultationBooking';
import { groupBy } from './groupBy';
import { businessDaysInMonth, type ClosedDay } from './calendar';
import { FOLLOW_UP_LOG_ACTION } from './followUpWords';
import { CANCEL_NOTICED_HEADER, FOLLOW_UP_NOTE, REMINDED_HEADER } from './monthlyWords';
import { normalizeText } from './normalize';
import { STATUS, type Status } from './schema';
import type { Settings } from './settings';
import {
  addMonths,
  dayParts,
  formatMonth,
  formatTime,
  type LocalDate,
  type TimeOfDay,
} from './time';

/** What the report needs of one booking (a NormalizedBooking has all of it). */
export interface ReportBooking {
  /** 予約ID, normalised ('' when blank): how 操作ログ lines find their booking. */
  id: string;
  date: LocalDate | null;
  start: TimeOfDay | null;
  office: string;
  officer: string;
  status: Status;
  /** 受付方法, normalised ('' when blank). */
  channel: string;
}

// R7: 受付方法 of a booking taken during a consultation (defined with the 第6条(4) rule).
export { DURING_CONSULTATION };

export interface Counts {
  bookings: number;
  held: number;
  cancelled: number;
  noShows: number;
  /** 受付 and 確定: not over yet (or never closed by a person). */
  pending: number;
  /** 受付方法 オンライン相談中, whatever the 状態 (part of `bookings`). */
  duringConsultation: number;
  /** Bookings that were sent a 前日リマインダー (操作ログ 'リマインダー送信'). */
  reminded: number;
  /** Bookings that were sent a キャンセル通知 (操作ログ 'キャンセル通知送信'). */
  cancelNoticed: number;
}

/** The 予約IDs that 操作ログ says were sent each follow-up mail. */
export interface FollowUpIds {
  reminded: ReadonlySet<string>;
  cancelNoticed: ReadonlySet<string>;
}

export const NO_FOLLOW_UPS: FollowUpIds = { reminded: new Set(), cancelNoticed: new Set() };

/** 操作ログ lines (操作 and 予約ID cells) → the 予約IDs sent a reminder / a キャンセル通知. */
export function followUpIdsOf(
  lines: readonly { action: unknown; bookingId: unknown }[],
): FollowUpIds {
  const reminded = new Set<string>();
  const cancelNoticed = new Set<string>();
  for (const line of lines) {
    const id = normalizeText(line.bookingId);
    if (id === '') continue;
    const action = normalizeText(line.action);
    if (action === FOLLOW_UP_LOG_ACTION.reminder) reminded.add(id);
    else if (action === FOLLOW_UP_LOG_ACTION.cancelNotice) cancelNoticed.add(id);
  }
  return { reminded, cancelNoticed };
}

/** The manager's rates of one group: no-shows and bookings taken during a consultation. */
export interface GroupRates {
  /** 実施 + 無断キャンセル: the denominator of noShowRate. */
  noShowBase: number;
  /** 無断キャンセル ÷ (実施 + 無断キャンセル); null when that is 0. */
  noShowRate: number | null;
  /** 受付方法 オンライン相談中 ÷ 予約数; null when 予約数 is 0. */
  consultationShare: number | null;
}

export interface Rates {
  /** 実施 ÷ (実施 + キャンセル + 無断キャンセル); null when none is over. */
  heldRate: number | null;
  /** null for a 窓口 or 開始時刻 that is not in 設定 (no slots were offered for it). */
  offeredSlots: number | null;
  /** 実施 ÷ 提供枠数; null when nothing was offered. */
  usageRate: number | null;
}

export interface OfficeMonthRow extends Rates, GroupRates {
  month: string;
  /** A 窓口 name, BLANK_LABEL, or TOTAL_LABEL for the month's total. */
  office: string;
  counts: Counts;
}

export interface SlotRow extends Rates {
  month: string;
  office: string;
  /** '10:00', or BLANK_LABEL when 開始時刻 cannot be read. */
  start: string;
  counts: Counts;
}

export interface OfficerRow extends GroupRates {
  month: string;
  officer: string;
  counts: Counts;
  heldRate: number | null;
}

export interface TrendRow {
  month: string;
  counts: Counts;
}

export interface MonthlyReport {
  /** Newest month first; per month the 設定 offices, then others, then TOTAL_LABEL. */
  byOffice: OfficeMonthRow[];
  /** Months that have bookings, newest first; every 設定 office × slot, then others. */
  bySlot: SlotRow[];
  /** Months that have bookings, newest first; officers in 五十音/code order. */
  byOfficer: OfficerRow[];
  /** The 12 months ending with the current one, oldest first (the chart's data). */
  lastTwelveMonths: TrendRow[];
  /** Rows counted (with a readable 相談日). */
  counted: number;
  /** Rows left out because their 相談日 cannot be read (their 相談月 is blank too). */
  undated: number;
}

export interface MonthlyInput {
  bookings: readonly ReportBooking[];
  settings: Pick<Settings, 'slots' | 'capacity' | 'offices'>;
  closedDays: readonly ClosedDay[];
  today: LocalDate;
  /** From 操作ログ; none when left out. */
  followUps?: FollowUpIds;
}

export const TOTAL_LABEL = '合計';
/** Shown for a blank 窓口, 担当者 or an unreadable 開始時刻. */
export const BLANK_LABEL = '（未入力）';
export const TREND_MONTHS = 12;
/** Printed for a rate whose denominator is 0. */
export const NO_RATE = '—';

export function emptyCounts(): Counts {
  return {
    bookings: 0,
    held: 0,
    cancelled: 0,
    noShows: 0,
    pending: 0,
    duringConsultation: 0,
    reminded: 0,
    cancelNoticed: 0,
  };
}

export function addBooking(
  counts: Counts,
  { id, status, channel }: Pick<ReportBooking, 'id' | 'status' | 'channel'>,
  followUps: FollowUpIds = NO_FOLLOW_UPS,
): void {
  counts.bookings++;
  if (channel === DURING_CONSULTATION) counts.duringConsultation++;
  if (id !== '' && followUps.reminded.has(id)) counts.reminded++;
  if (id !== '' && followUps.cancelNoticed.has(id)) counts.cancelNoticed++;
  if (status === STATUS.held) counts.held++;
  else if (status === STATUS.cancelled) counts.cancelled++;
  else if (status === STATUS.noShow) counts.noShows++;
  else counts.pending++;
}

export function heldRate(counts: Counts): number | null {
  const over = counts.held + counts.cancelled + counts.noShows;
  return over === 0 ? null : counts.held / over;
}

export function noShowRate(counts: Counts): number | null {
  const base = counts.held + counts.noShows;
  return base === 0 ? null : counts.noShows / base;
}

export function consultationShare(counts: Counts): number | null {
  return counts.bookings === 0 ? null : counts.duringConsultation / counts.bookings;
}

export function groupRates(counts: Counts): GroupRates {
  return {
    noShowBase: counts.held + counts.noShows,
    noShowRate: noShowRate(counts),
    consultationShare: consultationShare(counts),
  };
}

export function usageRate(counts: Counts, offeredSlots: number | null): number | null {
  return offeredSlots === null || offeredSlots === 0 ? null : counts.held / offeredSlots;
}

/** Business days × slots × capacity for one 窓口 and month ('yyyy-MM'). */
export function offeredSlotsOf(
  month: string,
  office: string,
  settings: MonthlyInput['settings'],
  closedDays: readonly ClosedDay[],
  slotCount = settings.slots.length,
): number {
  const { y, m } = dayParts(`${month}-01` as LocalDate);
  return businessDaysInMonth(y, m, office, closedDays).length * slotCount * settings.capacity;
}

/** The 12 months ending with the month of `today`, oldest first. */
export function trendMonths(today: LocalDate, count = TREND_MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => formatMonth(addMonths(today, i - count + 1)));
}

export function buildMonthlyReport(input: MonthlyInput): MonthlyReport {
  const dated = input.bookings.filter(
    (b): b is ReportBooking & { date: LocalDate } => b.date !== null,
  );
  const byMonth = groupBy(dated, (b) => formatMonth(b.date));
  const trend = trendMonths(input.today);
  const bookedMonths = [...byMonth.keys()].sort().reverse();
  const officeMonths = [...new Set([...bookedMonths, ...trend])].sort().reverse();
  return {
    byOffice: officeMonths.flatMap((month) => officeRows(month, byMonth.get(month) ?? [], input)),
    bySlot: bookedMonths.flatMap((month) => slotRows(month, byMonth.get(month) ?? [], input)),
    byOfficer: bookedMonths.flatMap((month) =>
      officerRows(month, byMonth.get(month) ?? [], input.followUps),
    ),
    lastTwelveMonths: trend.map((month) => ({
      month,
      counts: countAll(byMonth.get(month) ?? []),
    })),
    counted: dated.length,
    undated: input.bookings.length - dated.length,
  };
}

function officeRows(
  month: string,
  bookings: readonly ReportBooking[],
  input: MonthlyInput,
): OfficeMonthRow[] {
  const byOffice = groupBy(bookings, (b) => labelOf(b.office));
  const rows = orderedKeys(input.settings.offices, byOffice.keys()).map((office) => {
    const counts = countAll(byOffice.get(office) ?? [], input.followUps);
    const configured = input.settings.offices.includes(office);
    const offered = configured
      ? offeredSlotsOf(month, office, input.settings, input.closedDays)
      : null;
    return { month, office, counts, ...rates(counts, offered), ...groupRates(counts) };
  });
  const counts = countAll(bookings, input.followUps);
  const offered = rows.some((r) => r.offeredSlots !== null)
    ? rows.reduce((sum, r) => sum + (r.offeredSlots ?? 0), 0)
    : null;
  rows.push({
    month,
    office: TOTAL_LABEL,
    counts,
    ...rates(counts, offered),
    ...groupRates(counts),
  });
  return rows;
}

function slotRows(
  month: string,
  bookings: readonly ReportBooking[],
  input: MonthlyInput,
): SlotRow[] {
  const slotLabels = input.settings.slots.map(formatTime);
  const byOffice = groupBy(bookings, (b) => labelOf(b.office));
  return orderedKeys(input.settings.offices, byOffice.keys()).flatMap((office) => {
    const ofOffice = byOffice.get(office) ?? [];
    const bySlot = groupBy(ofOffice, (b) => (b.start === null ? BLANK_LABEL : formatTime(b.start)));
    const configuredOffice = input.settings.offices.includes(office);
    const perSlot = configuredOffice
      ? offeredSlotsOf(month, office, input.settings, input.closedDays, 1)
      : null;
    const starts = configuredOffice
      ? orderedKeys(slotLabels, bySlot.keys())
      : [...bySlot.keys()].sort();
    return starts.map((start) => {
      const counts = countAll(bySlot.get(start) ?? [], input.followUps);
      const offered = slotLabels.includes(start) ? perSlot : null;
      return { month, office, start, counts, ...rates(counts, offered) };
    });
  });
}

function officerRows(
  month: string,
  bookings: readonly ReportBooking[],
  followUps: FollowUpIds | undefined,
): OfficerRow[] {
  const byOfficer = groupBy(bookings, (b) => labelOf(b.officer));
  return [...byOfficer.keys()]
    .sort((a, b) => (a === BLANK_LABEL ? 1 : b === BLANK_LABEL ? -1 : a.localeCompare(b, 'ja')))
    .map((officer) => {
      const counts = countAll(byOfficer.get(officer) ?? [], followUps);
      return { month, officer, counts, heldRate: heldRate(counts), ...groupRates(counts) };
    });
}

function rates(counts: Counts, offeredSlots: number | null): Rates {
  return {
    heldRate: heldRate(counts),
    offeredSlots,
    usageRate: usageRate(counts, offeredSlots),
  };
}

export function countAll(
  bookings: readonly ReportBooking[],
  followUps: FollowUpIds = NO_FOLLOW_UPS,
): Counts {
  const counts = emptyCounts();
  for (const b of bookings) addBooking(counts, b, followUps);
  return counts;
}

function labelOf(text: string): string {
  return text === '' ? BLANK_LABEL : text;
}

/** `first` in its order (always present), then the other keys sorted, BLANK_LABEL last. */
function orderedKeys(first: readonly string[], keys: Iterable<string>): string[] {
  const others = [...keys].filter((k) => !first.includes(k));
  others.sort((a, b) =>
    a === BLANK_LABEL ? 1 : b === BLANK_LABEL ? -1 : a.localeCompare(b, 'ja'),
  );
  return [...first, ...others];
}

// ---------------------------------------------------------------------------------------------
// Layout of the 月次集計 sheet: plain rows plus where the formats and the chart go.

export type ReportCell = string | number;

export interface ReportSection {
  /** 0-based row of the section title in `rows`. */
  titleRow: number;
  /** 0-based row of the column headers; data follows until `titleRow` of the next section. */
  headerRow: number;
  dataRows: number;
  width: number;
  /** 0-based columns holding counts (formatted #,##0) and rates (formatted 0.0%). */
  countColumns: number[];
  rateColumns: number[];
}

export interface ReportLayout {
  rows: ReportCell[][];
  width: number;
  sections: ReportSection[];
  /** The trend table (header row included) the chart is drawn from, 0-based. */
  chart: { row: number; column: number; numRows: number; numColumns: number };
  /** 0-based rows of TOTAL_LABEL lines, shown in bold. */
  totalRows: number[];
}

export const REPORT_TITLE = '月次集計';
export const COUNT_HEADERS = ['予約数', '実施', 'キャンセル', '無断キャンセル', '受付・確定'];

/** The definitions printed under the title: the report explains itself to a manager. */
export const REPORT_NOTES = [
  '予約数: 「予約」と「予約_保管」の、相談日が入っている行すべて（状態は問いません）。各シートを「相談月」と「窓口」で絞り込んだ行数の合計と同じです。',
  '受付・確定: まだ「実施」「キャンセル」「無断キャンセル」になっていない予約（状態が空欄の行を含む）。予約数 = 実施 + キャンセル + 無断キャンセル + 受付・確定。',
  '実施率 = 実施 ÷（実施 + キャンセル + 無断キャンセル）。終わった予約のうち実施できた割合です。',
  '提供枠数 = その月の窓口の営業日数（土日・祝日・年末年始・休業日を除く）× 開始時刻の数 × 各枠の定員（いまの設定で計算）。利用率 = 実施 ÷ 提供枠数。',
  '無断キャンセル率 = 無断キャンセル ÷（実施 + 無断キャンセル）。時刻を迎えた予約のうち、連絡なく参加しなかった割合です。連絡のあったキャンセルと、まだ終わっていない予約（受付・確定）は分母に入れません。分母は「実施＋無断キャンセル」の列にあります。',
  `オンライン相談中の割合 = 受付方法が「${DURING_CONSULTATION}」の予約 ÷ 予約数（相談中に次の予約を受けた割合。状態は問いません）。`,
  FOLLOW_UP_NOTE,
  `分母が0の率は「${NO_RATE}」と表示します。`,
];

export const NO_SHOW_BASE_HEADER = '実施＋無断キャンセル';
export const GROUP_RATE_HEADERS = [
  NO_SHOW_BASE_HEADER,
  '無断キャンセル率',
  REMINDED_HEADER,
  CANCEL_NOTICED_HEADER,
  DURING_CONSULTATION,
  `${DURING_CONSULTATION}の割合`,
];
export const GROUP_RATES_TITLE = `月別・窓口別の無断キャンセル率と${DURING_CONSULTATION}の予約`;

export function monthlyReportLayout(report: MonthlyReport, updatedAt: string): ReportLayout {
  const out = new LayoutBuilder();
  titleRows(out, report, updatedAt);
  const chart = trendSection(out, report);
  const totals = officeSections(out, report);
  slotAndOfficerSections(out, report);
  return { ...out.finish(), chart, totalRows: totals };
}

/** The title, when it was updated and what was counted, and the definitions of the rates. */
function titleRows(out: LayoutBuilder, report: MonthlyReport, updatedAt: string): void {
  out.row([REPORT_TITLE]);
  const undated =
    report.undated > 0
      ? `相談日が読めない${report.undated}件は数えていません（「チェック結果」を見て直してください）。`
      : '';
  out.row([`更新: ${updatedAt}。集計した予約: ${report.counted}件。${undated}`]);
  for (const note of REPORT_NOTES) out.row([note]);
  out.blank();
}

/** The last twelve months, the chart's source; returns where the chart reads. */
function trendSection(out: LayoutBuilder, report: MonthlyReport): ReportLayout['chart'] {
  const trendStart = out.section(
    `直近${TREND_MONTHS}か月（今月を含む。グラフの元データ）`,
    ['相談月', '実施', '無断キャンセル', 'キャンセル', '受付・確定', '予約数'],
    report.lastTwelveMonths.map((r) => [
      r.month,
      r.counts.held,
      r.counts.noShows,
      r.counts.cancelled,
      r.counts.pending,
      r.counts.bookings,
    ]),
    { counts: [1, 2, 3, 4, 5], rates: [] },
  );
  const chart: ReportLayout['chart'] = {
    row: trendStart,
    column: 0,
    numRows: TREND_MONTHS + 1,
    numColumns: 5,
  };
  out.blank();
  return chart;
}

/** 月別・窓口別 and its rates; returns the 合計 rows (set in bold). */
function officeSections(out: LayoutBuilder, report: MonthlyReport): number[] {
  const totals: number[] = [];
  out.section(
    '月別・窓口別',
    ['相談月', '窓口', ...COUNT_HEADERS, '実施率', '提供枠数', '利用率'],
    report.byOffice.map((r) => [
      r.month,
      r.office,
      ...countCells(r.counts),
      rateCell(r.heldRate),
      r.offeredSlots ?? '',
      rateCell(r.usageRate),
    ]),
    { counts: [2, 3, 4, 5, 6, 8], rates: [7, 9] },
    (r, i) => {
      if (report.byOffice[i]?.office === TOTAL_LABEL) totals.push(r);
    },
  );
  out.blank();
  out.section(
    GROUP_RATES_TITLE,
    ['相談月', '窓口', '予約数', '実施', '無断キャンセル', ...GROUP_RATE_HEADERS],
    report.byOffice.map((r) => [
      r.month,
      r.office,
      r.counts.bookings,
      r.counts.held,
      r.counts.noShows,
      ...groupRateCells(r),
    ]),
    { counts: [2, 3, 4, 5, 7, 8, 9], rates: [6, 10] },
    (r, i) => {
      if (report.byOffice[i]?.office === TOTAL_LABEL) totals.push(r);
    },
  );
  out.blank();
  return totals;
}

function slotAndOfficerSections(out: LayoutBuilder, report: MonthlyReport): void {
  out.section(
    '月別・窓口別・開始時刻別（予約のある月）',
    ['相談月', '窓口', '開始時刻', ...COUNT_HEADERS, '実施率', '提供枠数', '利用率'],
    report.bySlot.map((r) => [
      r.month,
      r.office,
      r.start,
      ...countCells(r.counts),
      rateCell(r.heldRate),
      r.offeredSlots ?? '',
      rateCell(r.usageRate),
    ]),
    { counts: [3, 4, 5, 6, 7, 9], rates: [8, 10] },
  );
  out.blank();
  out.section(
    '月別・担当者別（予約のある月）',
    ['相談月', '担当者', ...COUNT_HEADERS, '実施率', ...GROUP_RATE_HEADERS],
    report.byOfficer.map((r) => [
      r.month,
      r.officer,
      ...countCells(r.counts),
      rateCell(r.heldRate),
      ...groupRateCells(r),
    ]),
    { counts: [2, 3, 4, 5, 6, 8, 10, 11, 12], rates: [7, 9, 13] },
  );
}

function countCells(c: Counts): number[] {
  return [c.bookings, c.held, c.cancelled, c.noShows, c.pending];
}

function groupRateCells(r: GroupRates & { counts: Counts }): ReportCell[] {
  return [
    r.noShowBase,
    rateCell(r.noShowRate),
    r.counts.reminded,
    r.counts.cancelNoticed,
    r.counts.duringConsultation,
    rateCell(r.consultationShare),
  ];
}

function rateCell(rate: number | null): ReportCell {
  return rate === null ? NO_RATE : rate;
}

class LayoutBuilder {
  private readonly rows: ReportCell[][] = [];
  private readonly sections: ReportSection[] = [];

  row(cells: ReportCell[]): void {
    this.rows.push(cells);
  }

  blank(): void {
    this.rows.push([]);
  }

  /** Adds a titled table; returns the 0-based row of its header. */
  section(
    title: string,
    headers: string[],
    data: ReportCell[][],
    columns: { counts: number[]; rates: number[] },
    onRow?: (row: number, index: number) => void,
  ): number {
    const titleRow = this.rows.length;
    this.rows.push([title]);
    const headerRow = this.rows.length;
    this.rows.push(headers);
    data.forEach((cells, i) => {
      onRow?.(this.rows.length, i);
      this.rows.push(cells);
    });
    this.sections.push({
      titleRow,
      headerRow,
      dataRows: data.length,
      width: headers.length,
      countColumns: columns.counts,
      rateColumns: columns.rates,
    });
    return headerRow;
  }

  finish(): Pick<ReportLayout, 'rows' | 'width' | 'sections'> {
    const width = Math.max(1, ...this.sections.map((s) => s.width));
    const rows = this.rows.map((r) => [...r, ...Array<ReportCell>(width - r.length).fill('')]);
    return { rows, width, sections: this.sections };
  }
}
