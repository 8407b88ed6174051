// The public contract of the spreadsheet (SPEC §3): sheet names, headers, status words, menu
// captions and setting keys. Staff see these, managers filter on them and outside checks drive
// the script through them, so they are defined once here and used everywhere, tests included.

export const SHEET = {
  bookings: '予約',
  roster: '対象者',
  settings: '設定',
  closedDays: '休業日',
  log: '操作ログ',
  monthly: '月次集計',
  archive: '予約_保管',
} as const;
export type SheetName = (typeof SHEET)[keyof typeof SHEET];

/** 予約 and 予約_保管 columns, in the order 初期設定 creates them. */
export const BOOKING = {
  id: '予約ID',
  takenAt: '受付日時',
  channel: '受付方法',
  name: '氏名',
  seekerNo: '求職番号',
  email: 'メールアドレス',
  date: '相談日',
  start: '開始時刻',
  office: '窓口',
  officer: '担当者',
  meetingUrl: '会議URL',
  status: '状態',
  joined: '参加',
  invitedAt: '招待メール送信日時',
  checkResult: 'チェック結果',
  month: '相談月',
  updatedAt: '最終更新',
  note: '備考',
} as const;
export type BookingField = keyof typeof BOOKING;
export const BOOKING_HEADERS: readonly string[] = Object.values(BOOKING);

/** Cells the script writes. Everything else on 予約 belongs to staff and is never written. */
export const SCRIPT_OWNED_BOOKING_FIELDS = [
  'id',
  'takenAt',
  'invitedAt',
  'checkResult',
  'month',
  'updatedAt',
] as const satisfies readonly BookingField[];
/** 状態 is written by both: the script moves 受付→確定 and 確定→実施/無断キャンセル only. */
export const SHARED_BOOKING_FIELDS = ['status'] as const satisfies readonly BookingField[];

export const ROSTER = {
  seekerNo: '求職番号',
  name: '氏名',
  office: '窓口',
  officer: '担当者',
  supportStart: '支援開始日',
  supportEnd: '支援終了日',
  suspended: '利用停止',
  noShowCount: '無断キャンセル回数',
  note: '備考',
} as const;
export type RosterField = keyof typeof ROSTER;
export const ROSTER_HEADERS: readonly string[] = Object.values(ROSTER);

export const SETTINGS_HEADERS = ['項目', '値', '説明'] as const;

export const CLOSED_DAY = { date: '日付', office: '窓口', reason: '理由' } as const;
export const CLOSED_DAY_HEADERS: readonly string[] = Object.values(CLOSED_DAY);

export const LOG = {
  at: '日時',
  actor: '実行者',
  action: '操作',
  bookingId: '予約ID',
  detail: '内容',
} as const;
export const LOG_HEADERS: readonly string[] = Object.values(LOG);

export const STATUS = {
  taken: '受付',
  confirmed: '確定',
  held: '実施',
  cancelled: 'キャンセル',
  noShow: '無断キャンセル',
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];
export const STATUSES: readonly Status[] = Object.values(STATUS);
/** Bookings that are over: counted in reports, eligible for the archive. */
export const FINISHED_STATUSES: readonly Status[] = [STATUS.held, STATUS.cancelled, STATUS.noShow];

export const CHANNELS = ['電話', '窓口', 'オンライン相談中'] as const;
export type Channel = (typeof CHANNELS)[number];

/** 招待メール送信日時 holds this prefix while a send is in flight (see SPEC §4 Sending). */
export const SENDING_MARK = '送信中';
/**
 * 招待メール送信日時 holds `送信失敗 <time>（reason）` when the mail service refused the message
 * (it surely did not go). Not resent automatically: a person fixes the row, and the next check
 * (seeing the row edited after the failure) clears the mark so the booking is sendable again.
 */
export const SEND_FAILED_MARK = '送信失敗';
export const CHECK_OK = 'OK';
export const ERROR_PREFIX = 'エラー:';
export const WARNING_PREFIX = '注意:';

export const MENU_TITLE = 'オンライン相談';
/** Menu captions and the global function each one calls. */
export const MENU_ITEMS = [
  { caption: '選択行をチェック', handler: 'menuCheckSelectedRows' },
  { caption: 'すべての予約をチェック', handler: 'menuCheckAllRows' },
  { caption: '招待メールを送信', handler: 'menuSendInvitations' },
  { caption: '招待メールをプレビュー', handler: 'menuPreviewInvitation' },
  { caption: '空き枠を表示', handler: 'menuShowFreeSlots' },
  { caption: '月次集計を更新', handler: 'menuUpdateMonthlyReport' },
  { caption: '過去の予約を保管', handler: 'menuArchiveOldBookings' },
  { caption: '招待メールを再送', handler: 'menuResendInvitation' },
  { caption: '保存期間を過ぎた個人情報を消去', handler: 'menuErasePersonalData' },
  { caption: '初期設定', handler: 'menuSetup' },
  { caption: '自己診断', handler: 'menuSelfCheck' },
] as const;

/** Time-driven trigger handlers installed by 初期設定. */
export const TRIGGER_HANDLERS = {
  everyTenMinutes: 'onTenMinuteTick',
  daily: 'onDailyTick',
  monthly: 'onMonthlyTick',
} as const;

/**
 * 設定 keys (column 項目). Values are text as staff type them; src/core/settings.ts parses them.
 * `default` is what 初期設定 writes into a new 設定 sheet and what is used (with a message naming
 * the row) when a value is missing or malformed and a default is safe. `null` means no safe
 * default exists: the value must be filled in before the dependent feature works.
 */
export const SETTING = {
  slots: '開始時刻',
  durationMinutes: '相談時間（分）',
  capacity: '各枠の定員',
  offices: '窓口',
  phoneCentral: '電話番号（倉敷中央）',
  phoneWakamono: '電話番号（倉敷わかもの）',
  senderCentral: '差出人名（倉敷中央）',
  senderWakamono: '差出人名（倉敷わかもの）',
  hoursCentral: '受付時間（倉敷中央）',
  hoursWakamono: '受付時間（倉敷わかもの）',
  replyTo: '返信先メール',
  alertTo: '通知先メール',
  noShowMinutes: '無断キャンセル判定（分）',
  suspendThreshold: '利用停止の目安（無断キャンセル回数）',
  autoSend: '招待メール自動送信',
  quietMinutes: '送信待ち時間（分）',
  deadline: '予約締切',
  officeClosesAt: '受付終了時刻',
  dayBeforeAlertAt: '前日確定期限',
  dueDayMorningAt: '期限当日の朝の通知時刻',
  beforeCloseMinutes: '受付終了前の通知（分）',
  termsVersion: '規約版',
  archiveAfterMonths: '保管までの月数',
  autoArchive: '自動保管',
  retentionYears: '個人情報の保存年数',
  autoErase: '個人情報の自動消去',
  mailSubject: 'メール件名',
  mailBody: 'メール本文',
  reminder: '前日リマインダー',
  reminderAt: 'リマインダー送信時刻',
  cancelNotice: 'キャンセル通知',
  termsUrl: '規約URL',
  alternativeContact: '電話以外の連絡先',
  deviceNotice: '端末・通信環境の案内',
  reminderSubject: 'リマインダー件名',
  reminderBody: 'リマインダー本文',
  cancelSubject: 'キャンセル通知件名',
  cancelBody: 'キャンセル通知本文',
} as const;
export type SettingKey = keyof typeof SETTING;

/** Offices as shipped; the 窓口 setting may list others, each needing its own phone/sender rows. */
export const OFFICE = { central: '倉敷中央', wakamono: '倉敷わかもの' } as const;

/** 設定 keys that exist once per 窓口, e.g. 電話番号（倉敷中央）. */
export function officePhoneKey(office: string): string {
  return `電話番号（${office}）`;
}
export function officeSenderKey(office: string): string {
  return `差出人名（${office}）`;
}
/** The 窓口's telephone hours, as the invitation prints them after its phone number. */
export function officeHoursKey(office: string): string {
  return `受付時間（${office}）`;
}

/** How yes/no settings (招待メール自動送信 …) are written. */
export const YES = 'はい';
export const NO = 'いいえ';
