// What 初期設定 makes each sheet look like: columns with their header notes, formats, dropdowns
// and widths. Setup compares the sheet with this and only adds what is missing.
import {
  BOOKING,
  CHANNELS,
  CLOSED_DAY,
  LOG,
  ROSTER,
  SCRIPT_OWNED_BOOKING_FIELDS,
  SETTINGS_HEADERS,
  SHEET,
  STATUSES,
} from '../core/schema';
import { deadlineDaysWords } from '../core/deadlines';
import { noShowWords } from '../core/noShows';
import type { Settings } from '../core/settings';

/** Dropdown sources; slot and office lists come from 設定 at setup time. */
export type ValidationKind =
  'channel' | 'slot' | 'office' | 'officeOrBlank' | 'status' | 'checkbox' | 'date';

/** What the header notes say of 設定: a note that mentions a setting is built from it. */
export type NoteSettings = Pick<Settings, 'noShowMinutes' | 'deadlineDays'>;

export interface ColumnSpec {
  header: string;
  /** The header note; a function when it mentions a setting (see noteText). */
  note: string | ((settings: NoteSettings) => string);
  width: number;
  numberFormat?: string;
  validation?: ValidationKind;
  /** Written by the script: protected with a warning against accidental edits. */
  scriptOwned?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  filter: boolean;
  /** Protect the whole sheet (warning only): 操作ログ is append-only. */
  protectWholeSheet?: string;
}

export const DATE_FORMAT = 'yyyy/mm/dd';
export const TIME_FORMAT = 'H:mm';
export const DATE_TIME_FORMAT = 'yyyy/mm/dd H:mm';
export const PLAIN_TEXT = '@';

const owned: ReadonlySet<string> = new Set(SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]));

const bookingColumnList: ColumnSpec[] = [
  {
    header: BOOKING.id,
    width: 90,
    note: 'スクリプトが自動で付ける番号です。変更しないでください。',
  },
  {
    header: BOOKING.takenAt,
    width: 130,
    numberFormat: DATE_TIME_FORMAT,
    note: '予約を受け付けた日時。空なら最初の入力時に自動で入ります。',
  },
  {
    header: BOOKING.channel,
    width: 110,
    validation: 'channel',
    note: '電話 / 窓口 / オンライン相談中（相談中に次回予約を受けた場合）から選びます。',
  },
  { header: BOOKING.name, width: 110, note: '求職者の氏名（対象者シートと同じ表記）。' },
  {
    header: BOOKING.seekerNo,
    width: 130,
    numberFormat: PLAIN_TEXT,
    note: '求職番号。例: 33010-12345678（5桁-1～8桁）。全角やハイフンの違いは自動で直して読みます。',
  },
  { header: BOOKING.email, width: 200, note: '招待メールを送るアドレスを1つだけ入力します。' },
  {
    header: BOOKING.date,
    width: 100,
    numberFormat: DATE_FORMAT,
    validation: 'date',
    note: (s) =>
      `相談日。平日（祝日・年末年始・休業日を除く）のみ。${deadlineDaysWords(s.deadlineDays)}までに招待メールを送る必要があります。`,
  },
  {
    header: BOOKING.start,
    width: 80,
    numberFormat: TIME_FORMAT,
    validation: 'slot',
    note: '開始時刻。設定シートの「開始時刻」から選びます。',
  },
  { header: BOOKING.office, width: 110, validation: 'office', note: '担当の窓口。' },
  { header: BOOKING.officer, width: 100, note: '個別支援の担当者。' },
  {
    header: BOOKING.meetingUrl,
    width: 220,
    note: 'TeleOffice の招待URL（https://…）。招待メールに載ります。',
  },
  {
    header: BOOKING.status,
    width: 100,
    validation: 'status',
    note: '受付 → 確定（招待メール送信で自動）→ 実施 / キャンセル / 無断キャンセル。キャンセルは電話連絡を受けて職員が選びます。',
  },
  {
    header: BOOKING.joined,
    width: 50,
    validation: 'checkbox',
    note: (s) =>
      `求職者が会議に参加したらチェックします。開始${noShowWords(s.noShowMinutes)}後までにチェックがないと無断キャンセルになります。`,
  },
  {
    header: BOOKING.invitedAt,
    width: 140,
    numberFormat: DATE_TIME_FORMAT,
    note: '招待メールを送った日時（スクリプトが記入）。「送信中」が残っている場合は送信状況を確認してください。',
  },
  {
    header: BOOKING.checkResult,
    width: 320,
    note: 'チェック結果（スクリプトが記入）。「エラー:」は送信できない問題、「注意:」は確認をお勧めする点です。',
  },
  {
    header: BOOKING.month,
    width: 80,
    numberFormat: PLAIN_TEXT,
    note: '相談日の年月（yyyy-MM）。月次集計と同じ数え方で絞り込めます。',
  },
  {
    header: BOOKING.updatedAt,
    width: 130,
    numberFormat: DATE_TIME_FORMAT,
    note: '職員が最後にこの行を編集した日時（自動）。',
  },
  { header: BOOKING.note, width: 200, note: '自由記入欄。' },
];
const bookingColumns: ColumnSpec[] = bookingColumnList.map((c) => ({
  ...c,
  scriptOwned: owned.has(c.header),
}));

export const BOOKING_SHEET: SheetSpec = {
  name: SHEET.bookings,
  columns: bookingColumns,
  filter: true,
};

/** Same headers as 予約; no dropdowns (rows there are finished and read-only in practice). */
/** The note 初期設定 writes for a column under these settings. */
export function noteText(column: Pick<ColumnSpec, 'note'>, settings: NoteSettings): string {
  return typeof column.note === 'string' ? column.note : column.note(settings);
}

/**
 * Whether `note`, which differs from the column's note under the current settings, is one the
 * script wrote under other settings (the same words, other numbers): 初期設定 replaces it, so a
 * changed 無断キャンセル判定（分） or 予約締切 reaches the notes too. A note a person wrote is kept.
 */
export function isStaleNote(
  column: Pick<ColumnSpec, 'note'>,
  note: string,
  settings: NoteSettings,
): boolean {
  if (typeof column.note === 'string') return false;
  const shape = (text: string) => text.replace(/前日|\d+日前|\d+分/g, '#');
  return shape(note) === shape(column.note(settings));
}

export const ARCHIVE_SHEET: SheetSpec = {
  name: SHEET.archive,
  columns: bookingColumns.map(({ validation: _v, scriptOwned: _o, ...c }) => ({
    ...c,
    note: (settings: NoteSettings) => '保管された予約です。' + noteText(c, settings),
  })),
  filter: true,
};

export const ROSTER_SHEET: SheetSpec = {
  name: SHEET.roster,
  filter: true,
  columns: [
    {
      header: ROSTER.seekerNo,
      width: 130,
      numberFormat: PLAIN_TEXT,
      note: '求職番号（5桁-1～8桁）。',
    },
    { header: ROSTER.name, width: 110, note: '氏名。' },
    { header: ROSTER.office, width: 110, validation: 'office', note: '個別支援を受けている窓口。' },
    { header: ROSTER.officer, width: 100, note: '個別支援の担当者。' },
    {
      header: ROSTER.supportStart,
      width: 100,
      numberFormat: DATE_FORMAT,
      validation: 'date',
      note: '継続的な個別支援の開始日。',
    },
    {
      header: ROSTER.supportEnd,
      width: 100,
      numberFormat: DATE_FORMAT,
      validation: 'date',
      note: '支援の終了日。空欄は継続中。',
    },
    {
      header: ROSTER.suspended,
      width: 70,
      validation: 'checkbox',
      note: 'チェックすると予約を受け付けません（無断キャンセルが続いた場合など）。',
    },
    {
      header: ROSTER.noShowCount,
      width: 110,
      scriptOwned: true,
      note: '予約と保管シートから自動で数えます（手入力しないでください）。',
    },
    { header: ROSTER.note, width: 200, note: '自由記入欄。' },
  ],
};

export const SETTINGS_SHEET: SheetSpec = {
  name: SHEET.settings,
  filter: false,
  columns: [
    { header: SETTINGS_HEADERS[0], width: 240, note: '設定の名前（変更しないでください）。' },
    { header: SETTINGS_HEADERS[1], width: 320, numberFormat: PLAIN_TEXT, note: '設定の値。' },
    { header: SETTINGS_HEADERS[2], width: 420, note: '説明。' },
  ],
};

export const CLOSED_DAYS_SHEET: SheetSpec = {
  name: SHEET.closedDays,
  filter: true,
  columns: [
    {
      header: CLOSED_DAY.date,
      width: 100,
      numberFormat: DATE_FORMAT,
      validation: 'date',
      note: '祝日・年末年始以外の休業日。',
    },
    {
      header: CLOSED_DAY.office,
      width: 110,
      validation: 'officeOrBlank',
      note: '休む窓口。空欄はすべての窓口。',
    },
    { header: CLOSED_DAY.reason, width: 240, note: '理由（チェック結果に表示されます）。' },
  ],
};

export const LOG_SHEET: SheetSpec = {
  name: SHEET.log,
  filter: true,
  protectWholeSheet: '操作ログは追記専用です（スクリプトが記録します）。',
  columns: [
    { header: LOG.at, width: 150, numberFormat: 'yyyy/mm/dd H:mm:ss', note: '日時。' },
    { header: LOG.actor, width: 200, note: '実行したアカウント、または自動実行。' },
    { header: LOG.action, width: 160, note: '操作。' },
    { header: LOG.bookingId, width: 90, note: '対象の予約ID（個人情報は記録しません）。' },
    { header: LOG.detail, width: 320, note: '内容。' },
  ],
};

export const MONTHLY_SHEET: SheetSpec = {
  name: SHEET.monthly,
  columns: [],
  filter: false,
  protectWholeSheet:
    'スクリプトが作り直すシートです（書き込んでも次の「月次集計を更新」で消えます）。',
};

/** In the order the tabs are created. */
export const ALL_SHEETS: SheetSpec[] = [
  BOOKING_SHEET,
  ROSTER_SHEET,
  SETTINGS_SHEET,
  CLOSED_DAYS_SHEET,
  LOG_SHEET,
  MONTHLY_SHEET,
  ARCHIVE_SHEET,
];

export const STATUS_CHOICES: readonly string[] = STATUSES;
export const CHANNEL_CHOICES: readonly string[] = CHANNELS;
