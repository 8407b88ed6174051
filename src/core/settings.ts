// The 設定 sheet: rows of 項目 / 値 / 説明 parsed into typed Settings. A missing or malformed value
// gives a message naming the row; the shipped default is used where a default is safe.

import { parseDeadlineDays } from './deadlines';
import {
  DEFAULT_CANCEL_BODY,
  DEFAULT_CANCEL_SUBJECT,
  DEFAULT_REMINDER_BODY,
  DEFAULT_REMINDER_SUBJECT,
} from './followUpTemplates';
import { followUpTemplateProblems } from './followUpMail';
import { DEFAULT_BODY, DEFAULT_SUBJECT } from './invitationTemplate';
import { isHttpsUrl } from './url';
import { nfkc, normalizeEmail, normalizeText, normalizeTime } from './normalize';
import { quote } from './quote';
import {
  NO,
  OFFICE,
  officeHoursKey,
  officePhoneKey,
  officeSenderKey,
  SETTING,
  YES,
} from './schema';
import { formatTime, type TimeOfDay } from './time';

export interface Settings {
  /** Start times of the slots, ascending (R1). */
  slots: readonly TimeOfDay[];
  /** The same as '10:00' …, for dropdowns. */
  slotLabels: readonly string[];
  durationMinutes: number;
  /** Bookings one slot can take, per 窓口. */
  capacity: number;
  offices: readonly string[];
  /** Per 窓口; '' when not set — such an office's rows cannot be sent. */
  phones: Readonly<Record<string, string>>;
  senderNames: Readonly<Record<string, string>>;
  /** Per 窓口: telephone hours for the invitation ('' = not printed; never invented). */
  phoneHours: Readonly<Record<string, string>>;
  replyTo: string | null;
  alertTo: readonly string[];
  noShowMinutes: number;
  suspendThreshold: number;
  autoSend: boolean;
  quietMinutes: number;
  /** The booking must be confirmed this many days before the consultation (前日 = 1). */
  deadlineDays: number;
  officeClosesAt: TimeOfDay;
  dayBeforeAlertAt: TimeOfDay;
  /** On the day a deadline falls, staff are told at this time of bookings still unsent. */
  dueDayMorningAt: TimeOfDay;
  /** …and again this many minutes before 受付終了時刻, when the deadline is later than that. */
  beforeCloseMinutes: number;
  termsVersion: string;
  archiveAfterMonths: number;
  /** 自動保管: the monthly trigger runs 過去の予約を保管 before 月次集計 (default はい). */
  autoArchive: boolean;
  /**
   * Years 予約_保管 keeps a booking's personal cells after its 相談日 (個人情報の保存年数).
   * null when the value is malformed: erasing with a guessed period is not safe, so erasure
   * stops with the problem's message instead of falling back.
   */
  retentionYears: number | null;
  /** 個人情報の自動消去: the monthly trigger also runs the erasure (default いいえ). */
  autoErase: boolean;
  mailSubject: string;
  mailBody: string;
  /** 前日リマインダー: one reminder on the last business day before the consultation (default いいえ). */
  reminder: boolean;
  /** リマインダー送信時刻: reminders go from this time of that day (default 12:00). */
  reminderAt: TimeOfDay;
  /** キャンセル通知: one mail confirming a cancellation staff recorded on a 確定 booking (default いいえ). */
  cancelNotice: boolean;
  /** 規約URL: an https link to the full terms printed in every mail; '' = none (or malformed). */
  termsUrl: string;
  /** 電話以外の連絡先 (合理的配慮: a reply address, FAX …) printed in every mail; '' = none. */
  alternativeContact: string;
  /** 端末・通信環境の案内: every mail ends with the 第5条 device requirements (default いいえ). */
  deviceNotice: boolean;
  reminderSubject: string;
  reminderBody: string;
  cancelSubject: string;
  cancelBody: string;
}

/** One 設定 row as read from the sheet (src/sheet/settingsSheet.ts); rowNumber is the 1-based sheet row. */
export interface SettingRow {
  key: unknown;
  value: unknown;
  rowNumber: number;
}

export interface SettingDefault {
  key: string;
  value: string;
  description: string;
}

const DEFAULT_PHONE_WAKAMONO = '086-430-0705';

/** The rows 初期設定 writes into a new 設定 sheet, in this order. */
export const SETTING_DEFAULTS: readonly SettingDefault[] = [
  row(SETTING.slots, '10:00,11:00,14:00,15:00', '予約枠の開始時刻。カンマ区切り。'),
  row(SETTING.durationMinutes, '30', '1回の相談の長さ（分）。'),
  row(SETTING.capacity, '1', '1つの枠に窓口ごとに受けられる予約の数。'),
  row(SETTING.offices, `${OFFICE.central},${OFFICE.wakamono}`, '窓口の名前。カンマ区切り。'),
  row(
    SETTING.phoneCentral,
    '',
    '倉敷中央のキャンセル連絡先。招待メールに載ります。空のままでは倉敷中央の招待メールを送れません。',
  ),
  row(
    SETTING.phoneWakamono,
    DEFAULT_PHONE_WAKAMONO,
    '倉敷わかもののキャンセル連絡先。招待メールに載ります。',
  ),
  row(SETTING.senderCentral, 'ハローワーク倉敷中央', '倉敷中央の招待メールの差出人名。'),
  row(SETTING.senderWakamono, '倉敷わかものハローワーク', '倉敷わかものの招待メールの差出人名。'),
  row(
    SETTING.hoursCentral,
    '',
    '倉敷中央の電話の受付時間。招待メールの電話番号のあとに載ります（例: 月～金 8:30～{受付終了時刻}、祝日・年末年始を除く）。空なら載せません。',
  ),
  row(
    SETTING.hoursWakamono,
    '月～金 8:30～{受付終了時刻}、祝日・年末年始を除く',
    '倉敷わかものの電話の受付時間。招待メールの電話番号のあとに載ります。{受付終了時刻} は設定「受付終了時刻」になります。空なら載せません。',
  ),
  row(SETTING.replyTo, '', '招待メールへの返信先。空なら送信したアカウントに返信されます。'),
  row(SETTING.alertTo, '', '送信漏れなどを知らせる職員のメールアドレス。カンマ区切りで複数可。'),
  row(
    SETTING.noShowMinutes,
    '10',
    '開始時刻からこの分数が過ぎても参加がなければ無断キャンセルにします。',
  ),
  row(SETTING.suspendThreshold, '2', '無断キャンセルがこの回数以上の方の予約に注意を出します。'),
  row(SETTING.autoSend, NO, '「はい」なら、チェックを通った予約の招待メールを自動で送ります。'),
  row(SETTING.quietMinutes, '10', '自動送信の前に、最後の編集からこの分数だけ待ちます。'),
  row(SETTING.deadline, '前日', '招待メールで予約を確定する期限（「前日」または「2日前」など）。'),
  row(
    SETTING.officeClosesAt,
    '17:15',
    '窓口の受付終了時刻。翌稼働日のこの時刻までに招待メールが出ていなければ知らせます。',
  ),
  row(
    SETTING.dayBeforeAlertAt,
    '15:00',
    '確定期限の日（相談日の前の稼働日。予約締切が「2日前」なら2つ前の稼働日）のこの時刻を過ぎても未確定の予約を知らせます。',
  ),
  row(
    SETTING.dueDayMorningAt,
    '09:00',
    '翌稼働日の期限（受付終了時刻）や確定期限が今日の予約で、この時刻になっても招待メールが未送信のものを朝のうちに知らせます。',
  ),
  row(
    SETTING.beforeCloseMinutes,
    '60',
    '期限が受付終了時刻の近くにある日は、受付終了時刻のこの分数前にもう一度知らせます（0なら知らせません）。',
  ),
  row(
    SETTING.termsVersion,
    '令和4年5月30日制定（令和4年8月24日改正）',
    '予約の確定時に記録する利用規約の版。',
  ),
  row(SETTING.archiveAfterMonths, '6', '終わった予約をこの月数が過ぎたら「予約_保管」に移します。'),
  row(
    SETTING.autoArchive,
    YES,
    '「はい」なら、毎月1日の自動実行（月次集計の前）で「過去の予約を保管」をします（確認なし。操作ログに件数を記録）。',
  ),
  row(
    SETTING.retentionYears,
    '3',
    '相談日からこの年数が過ぎた予約の氏名・メールアドレス・求職番号・会議URL・備考を「保存期間を過ぎた個人情報を消去」で消します（運用ガイド 2.6）。',
  ),
  row(
    SETTING.autoErase,
    NO,
    '「はい」なら、毎月1日の自動実行でも保存期間を過ぎた個人情報を消去します（確認なし。操作ログに件数を記録）。',
  ),
  row(
    SETTING.mailSubject,
    DEFAULT_SUBJECT,
    '招待メールの件名。{相談日} などの差し込みが使えます。',
  ),
  row(
    SETTING.mailBody,
    DEFAULT_BODY,
    '招待メールの本文。{氏名} {相談日} {開始時刻} {会議URL} などの差し込みが使えます。',
  ),
  row(
    SETTING.reminder,
    NO,
    '「はい」なら、確定した予約に、相談日の前の稼働日に1回だけリマインダーメールを送ります（招待メールより後、キャンセルした予約には送りません）。',
  ),
  row(SETTING.reminderAt, '12:00', 'リマインダーメールを送り始める時刻（相談日の前の稼働日）。'),
  row(
    SETTING.cancelNotice,
    NO,
    '「はい」なら、確定した予約の「状態」を「キャンセル」にしたとき、キャンセルを承ったことを1回だけメールで知らせます（無断キャンセルには送りません）。',
  ),
  row(
    SETTING.termsUrl,
    '',
    '利用規約の全文を載せたページのURL（https://…）。入れると、すべてのメールの最後に載ります。空なら載せません。',
  ),
  row(
    SETTING.alternativeContact,
    '',
    '電話での連絡が難しい方のための連絡先（例: FAX 086-000-0000 ／ メール soudan@example.jp）。入れると、すべてのメールの最後に載ります。空なら載せません。',
  ),
  row(
    SETTING.deviceNotice,
    NO,
    '「はい」なら、すべてのメールの最後に利用規約 第5条の端末・通信環境の条件を載せます。',
  ),
  row(
    SETTING.reminderSubject,
    DEFAULT_REMINDER_SUBJECT,
    'リマインダーメールの件名。招待メールと同じ差し込みが使えます。',
  ),
  row(
    SETTING.reminderBody,
    DEFAULT_REMINDER_BODY,
    'リマインダーメールの本文。招待メールと同じ差し込み（{相談日} {開始時刻} {会議URL} {無断キャンセル判定} など）が使えます。',
  ),
  row(
    SETTING.cancelSubject,
    DEFAULT_CANCEL_SUBJECT,
    'キャンセル通知メールの件名。招待メールと同じ差し込みが使えます。',
  ),
  row(
    SETTING.cancelBody,
    DEFAULT_CANCEL_BODY,
    'キャンセル通知メールの本文。招待メールと同じ差し込みが使えます。',
  ),
];

/** The per-窓口 keys, in the order their blocks stand in 設定: all phones, then senders, then hours. */
const PER_OFFICE_KEYS = [officePhoneKey, officeSenderKey, officeHoursKey] as const;

/** One 窓口's row for a per-窓口 key: the shipped row for a shipped 窓口, else a blank phone and hours. */
function officeDefault(keyFor: (office: string) => string, office: string): SettingDefault {
  const key = keyFor(office);
  const shipped = SETTING_DEFAULTS.find((d) => d.key === key);
  if (shipped) return shipped;
  if (keyFor === officePhoneKey)
    return row(
      key,
      '',
      `${office}のキャンセル連絡先。招待メールに載ります。空のままでは${office}の招待メールを送れません。`,
    );
  if (keyFor === officeSenderKey)
    return row(key, `ハローワーク${office}`, `${office}の招待メールの差出人名。`);
  return row(
    key,
    '',
    `${office}の電話の受付時間。招待メールの電話番号のあとに載ります（例: 月～金 8:30～{受付終了時刻}、祝日・年末年始を除く）。空なら載せません。`,
  );
}

/**
 * The rows 初期設定 makes sure 設定 has, given the rows it has now: SETTING_DEFAULTS with the
 * per-窓口 rows (電話番号・差出人名・受付時間) for each 窓口 that 設定「窓口」 lists, not for the two
 * shipped ones. A new 設定 gets exactly SETTING_DEFAULTS.
 */
export function settingDefaultsFor(rows: readonly SettingRow[]): SettingDefault[] {
  const offices = parseSettings(rows).settings.offices;
  const shippedOffices = [OFFICE.central, OFFICE.wakamono];
  const perOfficeKeys = new Set(PER_OFFICE_KEYS.flatMap((k) => shippedOffices.map((o) => k(o))));
  const first = SETTING_DEFAULTS.findIndex((d) => perOfficeKeys.has(d.key));
  const rest = SETTING_DEFAULTS.filter((d) => !perOfficeKeys.has(d.key));
  const perOffice = PER_OFFICE_KEYS.flatMap((k) => offices.map((o) => officeDefault(k, o)));
  return [...rest.slice(0, first), ...perOffice, ...rest.slice(first)];
}

function row(key: string, value: string, description: string): SettingDefault {
  return { key, value, description };
}

function defaultOf(key: string): string {
  return SETTING_DEFAULTS.find((d) => d.key === key)?.value ?? '';
}

/** Keys compare after NFKC and without spaces: （分） and (分) are the same key to a person. */
export function keyOf(key: unknown): string {
  return nfkc(normalizeText(key)).replace(/\s+/g, '');
}

interface Found {
  value: unknown;
  rowNumber: number;
}

/** Settings from the 設定 rows; unknown keys are ignored, problems are Japanese sentences. */
export function parseSettings(rows: readonly SettingRow[]): {
  settings: Settings;
  problems: string[];
} {
  const problems: string[] = [];
  const read = new SettingReader(indexRows(rows, problems), problems);
  const slots = read.slots();
  const offices = read.list(SETTING.offices);
  const settings: Settings = {
    slots,
    slotLabels: slots.map(formatTime),
    durationMinutes: read.integer(SETTING.durationMinutes, 5, 240),
    capacity: read.integer(SETTING.capacity, 1, 100),
    offices,
    phones: Object.fromEntries(offices.map((o) => [o, read.phone(o)])),
    senderNames: Object.fromEntries(offices.map((o) => [o, read.senderName(o)])),
    phoneHours: Object.fromEntries(offices.map((o) => [o, read.phoneHours(o)])),
    replyTo: read.emails(SETTING.replyTo, 'optional')[0] ?? null,
    alertTo: read.emails(SETTING.alertTo, 'needed'),
    noShowMinutes: read.integer(SETTING.noShowMinutes, 1, 120),
    suspendThreshold: read.integer(SETTING.suspendThreshold, 1, 100),
    autoSend: read.yesNo(SETTING.autoSend),
    quietMinutes: read.integer(SETTING.quietMinutes, 0, 1440),
    deadlineDays: read.deadline(),
    officeClosesAt: read.time(SETTING.officeClosesAt),
    dayBeforeAlertAt: read.time(SETTING.dayBeforeAlertAt),
    dueDayMorningAt: read.time(SETTING.dueDayMorningAt),
    beforeCloseMinutes: read.integer(SETTING.beforeCloseMinutes, 0, 480),
    termsVersion: read.text(SETTING.termsVersion),
    archiveAfterMonths: read.integer(SETTING.archiveAfterMonths, 1, 120),
    autoArchive: read.yesNo(SETTING.autoArchive),
    retentionYears: read.integerOrNull(SETTING.retentionYears, 1, 30),
    autoErase: read.yesNo(SETTING.autoErase),
    mailSubject: read.text(SETTING.mailSubject),
    mailBody: read.text(SETTING.mailBody),
    reminder: read.yesNo(SETTING.reminder),
    reminderAt: read.time(SETTING.reminderAt),
    cancelNotice: read.yesNo(SETTING.cancelNotice),
    termsUrl: read.httpsUrl(SETTING.termsUrl),
    alternativeContact: read.optionalLine(SETTING.alternativeContact),
    deviceNotice: read.yesNo(SETTING.deviceNotice),
    reminderSubject: read.text(SETTING.reminderSubject),
    reminderBody: read.text(SETTING.reminderBody),
    cancelSubject: read.text(SETTING.cancelSubject),
    cancelBody: read.text(SETTING.cancelBody),
  };
  problems.push(...followUpProblems(settings));
  return { settings, problems };
}

/** A follow-up mail turned on whose template cannot be used: none of that kind goes until fixed. */
function followUpProblems(settings: Settings): string[] {
  const kinds: [boolean, 'reminder' | 'cancellation', string][] = [
    [settings.reminder, 'reminder', SETTING.reminder],
    [settings.cancelNotice, 'cancellation', SETTING.cancelNotice],
  ];
  return kinds.flatMap(([on, kind, key]) =>
    on
      ? followUpTemplateProblems(kind, settings).map(
          (problem) => `${problem}（直すまで「${key}」のメールは送りません）`,
        )
      : [],
  );
}

/** The settings as shipped (倉敷中央's phone number is still blank). */
export function defaultSettings(): Settings {
  const rows = SETTING_DEFAULTS.map((d, i) => ({ key: d.key, value: d.value, rowNumber: i + 2 }));
  return parseSettings(rows).settings;
}

function indexRows(rows: readonly SettingRow[], problems: string[]): Map<string, Found> {
  const found = new Map<string, Found>();
  const repeats = new Map<string, number[]>();
  for (const r of rows) {
    const key = keyOf(r.key);
    if (key === '') continue;
    const first = found.get(key);
    if (first === undefined) found.set(key, { value: r.value, rowNumber: r.rowNumber });
    else repeats.set(key, [...(repeats.get(key) ?? [first.rowNumber]), r.rowNumber]);
  }
  for (const [key, rowNumbers] of repeats) {
    const name = normalizeText(rows.find((r) => keyOf(r.key) === key)?.key);
    problems.push(
      `設定「${name}」が${rowNumbers.join('行目と')}行目にあります。${rowNumbers[0]}行目の値を使います。不要な行を削除してください。`,
    );
  }
  return found;
}

/** Reads one setting at a time, adding a problem (and falling back) when a value is unusable. */
class SettingReader {
  constructor(
    private readonly found: ReadonlyMap<string, Found>,
    private readonly problems: string[],
  ) {}

  /** The row's value as text, or null (with a problem) when the row or its value is missing. */
  private raw(key: string, fallback: string, blankIsFine = false): Found | null {
    const found = this.found.get(keyOf(key));
    const usingDefault = fallback === '' ? '' : `既定値「${fallback}」を使います。`;
    if (found === undefined) {
      this.problems.push(
        `設定「${key}」の行がありません。${usingDefault}「初期設定」を実行すると行が追加されます。`,
      );
      return null;
    }
    if (normalizeText(found.value) === '' && typeof found.value !== 'boolean') {
      if (!blankIsFine)
        this.problems.push(`設定「${key}」（${found.rowNumber}行目）が空です。${usingDefault}`);
      return null;
    }
    return found;
  }

  private bad(key: string, found: Found, what: string, fallback: string): void {
    const shown = quote(typeof found.value === 'string' ? found.value : normalizeText(found.value));
    const usingDefault = fallback === '' ? '' : `既定値「${fallback}」を使います。`;
    this.problems.push(
      `設定「${key}」（${found.rowNumber}行目）の値${shown}は${what}。${usingDefault}`,
    );
  }

  text(key: string): string {
    const fallback = defaultOf(key);
    const found = this.raw(key, fallback);
    if (found === null) return fallback;
    // Templates keep their line breaks and inner spacing; only the ends are trimmed.
    return typeof found.value === 'string' ? found.value.trim() : normalizeText(found.value);
  }

  integer(key: string, min: number, max: number): number {
    const fallback = Number(defaultOf(key));
    const found = this.raw(key, String(fallback));
    if (found === null) return fallback;
    const text = normalizeText(found.value).replace(/(分|回|人|件|か月|ヶ月|カ月|ケ月)$/, '');
    if (!/^\d+$/.test(text)) {
      this.bad(key, found, '数値ではありません', String(fallback));
      return fallback;
    }
    const n = Number(text);
    if (n < min || n > max) {
      this.bad(key, found, `${min}～${max}の範囲にしてください`, String(fallback));
      return fallback;
    }
    return n;
  }

  /**
   * Like integer, but a missing, blank or malformed value gives null (with a problem naming the
   * row) instead of the default: for a setting where a guessed value would do harm.
   */
  integerOrNull(key: string, min: number, max: number): number | null {
    const found = this.found.get(keyOf(key));
    const stop = '直すまで、この設定を使う処理は行いません。';
    if (found === undefined) {
      this.problems.push(
        `設定「${key}」の行がありません。「初期設定」を実行すると行が追加されます。${stop}`,
      );
      return null;
    }
    const text = normalizeText(found.value).replace(/年$/, '');
    if (text === '') {
      this.problems.push(`設定「${key}」（${found.rowNumber}行目）が空です。${stop}`);
      return null;
    }
    if (!/^\d+$/.test(text)) {
      this.bad(key, found, '数値ではありません', '');
      this.problems[this.problems.length - 1] += stop;
      return null;
    }
    const n = Number(text);
    if (n < min || n > max) {
      this.bad(key, found, `${min}～${max}の範囲にしてください`, '');
      this.problems[this.problems.length - 1] += stop;
      return null;
    }
    return n;
  }

  yesNo(key: string): boolean {
    const fallback = defaultOf(key);
    const found = this.raw(key, fallback);
    const value = found?.value;
    if (found === null) return fallback === YES;
    if (typeof value === 'boolean') return value;
    const text = normalizeText(value).toLowerCase();
    if ([YES, 'true', 'yes'].includes(text)) return true;
    if ([NO, 'false', 'no'].includes(text)) return false;
    this.bad(key, found, `「${YES}」か「${NO}」にしてください`, fallback);
    return fallback === YES;
  }

  time(key: string): TimeOfDay {
    const fallback = defaultOf(key);
    const fallbackTime = normalizeTime(fallback);
    const fallbackValue = fallbackTime.ok ? fallbackTime.value : 0;
    const found = this.raw(key, fallback);
    if (found === null) return fallbackValue;
    const time = normalizeTime(found.value);
    if (time.ok) return time.value;
    this.bad(
      key,
      found,
      `時刻として読めません（「${fallback}」のように入力してください）`,
      fallback,
    );
    return fallbackValue;
  }

  slots(): TimeOfDay[] {
    const key = SETTING.slots;
    const fallback = defaultOf(key);
    const fallbackSlots = splitList(fallback).map((s) => normalizeTime(s));
    const defaults = fallbackSlots.flatMap((t) => (t.ok ? [t.value] : []));
    const found = this.raw(key, fallback);
    if (found === null) return defaults;
    const items = typeof found.value === 'string' ? splitList(found.value) : [found.value];
    const times = items.map((item) => normalizeTime(item));
    if (times.length === 0 || times.some((t) => !t.ok)) {
      this.bad(
        key,
        found,
        `時刻の並びとして読めません（「${fallback}」のようにカンマで区切ってください）`,
        fallback,
      );
      return defaults;
    }
    const values = times.flatMap((t) => (t.ok ? [t.value] : []));
    return [...new Set(values)].sort((a, b) => a - b);
  }

  list(key: string): string[] {
    const fallback = defaultOf(key);
    const found = this.raw(key, fallback);
    const items = splitList(found === null ? fallback : normalizeText(found.value));
    return [...new Set(items)];
  }

  phone(office: string): string {
    const key = officePhoneKey(office);
    const fallback = office === OFFICE.wakamono ? DEFAULT_PHONE_WAKAMONO : '';
    const found = this.raw(key, fallback);
    if (found === null) {
      if (fallback === '')
        this.problems.push(`${office}の予約は、電話番号を入れるまで招待メールを送れません。`);
      return fallback;
    }
    const text = normalizeText(found.value).replace(/[‐‑‒–—―−ー]/g, '-');
    if (/^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(text) || /^0\d{9,10}$/.test(text)) return text;
    this.bad(key, found, '電話番号の形ではありません（例: 086-430-0705）', fallback);
    return fallback;
  }

  /** Blank: no hours printed. Only a missing row takes the shipped text (none for 倉敷中央). */
  phoneHours(office: string): string {
    const key = officeHoursKey(office);
    const present = this.found.has(keyOf(key));
    const found = this.raw(key, defaultOf(key), true);
    if (found === null) return present ? '' : defaultOf(key);
    // Printed as typed (no NFKC: it would turn ～ into ~), on one line.
    const text = typeof found.value === 'string' ? found.value : normalizeText(found.value);
    return text.replace(/\s+/g, ' ').trim();
  }

  /** Optional one-line text: blank is '' (nothing printed); a missing row is named. */
  optionalLine(key: string): string {
    const found = this.raw(key, '', true);
    if (found === null) return '';
    const text = typeof found.value === 'string' ? found.value : normalizeText(found.value);
    return text.replace(/\s+/g, ' ').trim();
  }

  /** Optional https URL: blank is ''; anything else not https is a problem and prints nothing. */
  httpsUrl(key: string): string {
    const found = this.raw(key, '', true);
    const text = found === null ? '' : normalizeText(found.value);
    if (found === null || text === '') return '';
    if (isHttpsUrl(text)) return text;
    this.bad(
      key,
      found,
      'https:// で始まる正しいURLではありません（メールには載せません。https:// で始まるURLにするか、空にしてください）',
      '',
    );
    return '';
  }

  senderName(office: string): string {
    const key = officeSenderKey(office);
    const fallback = defaultOf(key) || `ハローワーク${office}`;
    const found = this.raw(key, fallback);
    if (found === null) return fallback;
    // A sender name is one header line: a pasted line break is made a space at send time, but
    // the person who typed it should hear about it here.
    if (/[\r\n\u2028\u2029]/.test(String(found.value).trim())) {
      this.problems.push(
        `設定「${key}」（${found.rowNumber}行目）に改行があります。差出人名は1行で入力してください（送信時は改行を空白にして使います）。`,
      );
    }
    return normalizeText(found.value).replace(/\s+/g, ' ');
  }

  emails(key: string, need: 'needed' | 'optional'): string[] {
    const found = this.raw(key, '', need === 'optional');
    if (found === null) return [];
    const items = splitList(normalizeText(found.value));
    const addresses = items.map((item) => normalizeEmail(item));
    if (addresses.some((a) => !a.ok) || (need === 'optional' && addresses.length > 1)) {
      const what =
        need === 'optional'
          ? '1つの正しいメールアドレスにしてください'
          : '正しいメールアドレス（カンマ区切り）にしてください';
      this.bad(key, found, what, '');
    }
    return addresses.flatMap((a) => (a.ok ? [a.value] : []));
  }

  deadline(): number {
    const key = SETTING.deadline;
    const fallback = defaultOf(key);
    const found = this.raw(key, fallback);
    const fallbackDays = parseDeadlineDays(fallback) ?? 1;
    if (found === null) return fallbackDays;
    const days = parseDeadlineDays(normalizeText(found.value));
    if (days !== null) return days;
    this.bad(
      key,
      found,
      '使えません（「前日」または「2日前」のように入力してください。当日は規約で認められていません）',
      fallback,
    );
    return fallbackDays;
  }
}

/** 'a,b、c' → ['a', 'b', 'c']: staff separate with either comma, or with line breaks. */
function splitList(text: string): string[] {
  return nfkc(text)
    .split(/[,、;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
