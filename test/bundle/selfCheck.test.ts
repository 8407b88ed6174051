// 自己診断 on dist/Code.js in the emulator: a healthy workbook (after 初期設定 and one tick) is all
// OK, each problem it reports shows up as its line, the sample invitation reaches the person, and
// nothing in the sheet changes (apart from one 操作ログ line when the sample is sent). Also the
// heartbeat behind it: a toast when the sheet opens after the runs stopped, and the check's
// warning on a 確定 booking whose day has passed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Emulator, type WorkbookSnapshot } from '../../emulator/index';
import { BOOKING, LOG, SETTING, SHEET, STATUS, TRIGGER_HANDLERS } from '../../src/core/schema';
import { SAMPLE_NOTICE, SAMPLE_SUBJECT_PREFIX } from '../../src/core/selfCheck';
import { ownedColumnProtection } from '../../src/sheet/setup';
import {
  bookings,
  READY_BOOKINGS,
  setSetting,
  setUp,
  START,
  typeBookings,
  typeRoster,
} from './helpers';

const CAPTION = '自己診断';
const TICK = TRIGGER_HANDLERS.everyTenMinutes;
const OWNER = 'owner@example.jp';

// What a person does in the Apps Script editor's trigger page, as two extra globals beside the
// real bundle: delete a project's trigger, or add one more.
const EDITOR_HELPERS = `
function testDeleteTriggers(handler) {
  ScriptApp.getProjectTriggers()
    .filter(function (t) { return t.getHandlerFunction() === handler; })
    .forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function testAddTenMinuteTrigger(handler) {
  ScriptApp.newTrigger(handler).timeBased().everyMinutes(10).create();
}
`;
let bundleCode: string | undefined;
function bundle(): { code: string; filename: string } {
  bundleCode ??= readFileSync('dist/Code.js', 'utf8') + EDITOR_HELPERS;
  return { code: bundleCode, filename: 'Code.js' };
}

interface Options {
  mailQuota?: number;
  timeZone?: string;
  user?: string;
  workbook?: WorkbookSnapshot;
}

function emulator(options: Options = {}): Emulator {
  return new Emulator({ now: START, bundle: bundle(), ...options });
}

/** After 初期設定, the one setting it cannot know, the roster, and (unless told not to) one tick. */
function healthy(options: Options & { tick?: boolean } = {}): Emulator {
  const { tick = true, ...rest } = options;
  const emu = emulator(rest);
  setUp(emu);
  setSetting(emu, '電話番号（倉敷中央）', '086-000-0000');
  setSetting(emu, SETTING.alertTo, 'staff@example.jp');
  typeRoster(emu);
  if (tick) {
    emu.advance({ minutes: 10 });
    expect(emu.fireTimeTrigger(TICK).error).toBeUndefined();
    emu.advance({ minutes: 2 });
  }
  return emu;
}

interface Diagnosis {
  report: string;
  lines: string[];
  problems: string[];
  dialogs: ReturnType<Emulator['ui']['lastDialog']>[];
}

/** Runs 自己診断 and answers: OK to the report, then YES/NO to the sample question. */
function diagnose(emu: Emulator, sample: 'YES' | 'NO' = 'NO'): Diagnosis {
  emu.open();
  emu.ui.queueResponse('OK', sample, ...(sample === 'YES' ? ['OK' as const] : []));
  const run = emu.menu(CAPTION);
  expect(run.error).toBeUndefined();
  const dialogs = emu.ui.dialogs.filter((d) => d.executionId === run.executionId);
  const report = dialogs[0]!.message;
  const lines = report.split('\n');
  return {
    report,
    lines,
    problems: lines.filter((l) => l.startsWith('エラー:') || l.startsWith('注意:')),
    dialogs,
  };
}

/** The workbook without 操作ログ (compared separately) and the toasts (onOpen's UI, not data). */
function sheetsOf(emu: Emulator): WorkbookSnapshot['sheets'] {
  return emu.snapshot().sheets.filter((s) => s.name !== SHEET.log);
}

describe('a healthy workbook', () => {
  it('is all OK, in one dialog, then offers the sample; declining changes nothing', () => {
    const emu = healthy();
    const before = emu.snapshot();
    const { report, lines, problems, dialogs } = diagnose(emu);
    expect(problems).toEqual([]);
    expect(lines[0]).toBe('すべて問題ありません。');
    for (const topic of [
      'タイムゾーン',
      '自動実行（トリガー）',
      '最後の自動実行',
      'メールの送信上限',
      '設定',
      'シートの構成',
      '保護',
    ])
      expect(lines).toContain(`【${topic}】`);
    expect(report).toContain(`OK: 所有者: ${OWNER}（このアカウントです）`);
    expect(report).toContain('OK: スプレッドシート: Asia/Tokyo');
    expect(report).toContain('OK: このアカウントの今日の残り: 100通');
    expect(report).toMatch(/OK: 10分ごとの自動実行: 2026\/12\/01 09:10（2分前）に正常に終了/);
    expect(dialogs.map((d) => d!.buttonSet)).toEqual(['OK', 'YES_NO']);
    expect(dialogs[1]!.message).toContain(OWNER);
    expect(emu.mail.sent).toEqual([]);
    expect(emu.snapshot()).toEqual(before);
  });

  it('holds no lock while its dialogs are open', () => {
    const emu = healthy();
    const held: Record<string, number>[] = [];
    emu.hooks.before('Ui.alert', ({ emu: e }) => held.push(e.locks.held()), { times: Infinity });
    diagnose(emu, 'YES');
    expect(held).toHaveLength(3); // report, question, "sent"
    expect(held).toEqual([{}, {}, {}]);
  });

  it('opening it shows no toast about stopped runs', () => {
    const emu = healthy();
    emu.open();
    expect(emu.toasts().filter((t) => t.message.includes('止まっている'))).toEqual([]);
  });
});

describe('each problem it reports', () => {
  it('the spreadsheet in another time zone', () => {
    const emu = healthy();
    emu.person.setTimeZone('America/New_York');
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^エラー: スプレッドシートのタイムゾーンが「America\/New_York」です。/,
    );
  });

  it('the script in another time zone', () => {
    const emu = healthy({ timeZone: 'Europe/London' });
    emu.person.setTimeZone('Asia/Tokyo');
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^エラー: スクリプトのタイムゾーンが「Europe\/London」です。/);
  });

  it('a missing trigger', () => {
    const emu = healthy();
    expect(emu.run('testDeleteTriggers', [TRIGGER_HANDLERS.daily]).error).toBeUndefined();
    const { problems } = diagnose(emu);
    expect(problems).toEqual([
      'エラー: 毎日 6時台（休業日の再確認）のトリガーがありません。メニュー「初期設定」を実行すると作り直します。',
    ]);
  });

  it('a trigger installed twice', () => {
    const emu = healthy();
    expect(emu.run('testAddTenMinuteTrigger', [TICK]).error).toBeUndefined();
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('トリガーが2件あります');
    expect(problems[0]).toContain(TICK);
  });

  it('another account owns the triggers (a staff member runs it)', () => {
    const owner = healthy();
    // The same spreadsheet opened by staff: Google shows them none of the owner's triggers.
    const emu = emulator({ user: 'staff@example.jp', workbook: owner.snapshot() });
    emu.properties.document.setAll(owner.properties.document.getAll());
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^注意: 所有者は owner@example\.jp です。いま使っているアカウント（staff@example\.jp）ではありません。/,
    );
  });

  it('another account is recorded as owner while this one has triggers too', () => {
    const emu = healthy();
    emu.properties.document.set('triggerOwner', 'former@example.jp');
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('所有者は former@example.jp です');
    expect(problems[1]).toMatch(/^エラー: このアカウントにも自動実行のトリガーが3件あります。/);
  });

  it('no 10-minute run recorded yet', () => {
    const emu = healthy({ tick: false });
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^注意: 10分ごとの自動実行の記録がまだありません。/);
  });

  it('runs stopped: the last one more than 30 minutes ago — and opening the sheet says so', () => {
    const emu = healthy();
    emu.advance({ minutes: 29 }); // 31 minutes after the tick
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      '最後の10分ごとの自動実行は 2026/12/01 09:10（31分前）です。30分以上止まっています',
    );
    emu.open();
    const toast = emu.toasts().find((t) => t.title === '自動処理の確認');
    expect(toast?.message).toContain(
      '自動処理が止まっている可能性があります（最後の実行: 2026/12/01 09:10）',
    );
    expect(toast?.message).toContain('自己診断');
  });

  it('a tick that failed is recorded as such', () => {
    const emu = healthy();
    emu.faults.inject('Sheet.getSheetValues', {
      nth: 1,
      times: 1,
      error: new Error('Service Spreadsheets failed'),
    });
    emu.advance({ minutes: 8 });
    expect(emu.fireTimeTrigger(TICK).error).toBeDefined();
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^注意: 最後の10分ごとの自動実行（2026\/12\/01 09:20（0分前））でエラーがありました。/,
    );
  });

  it('low mail quota, and none left', () => {
    const low = healthy({ mailQuota: 5 });
    expect(diagnose(low).problems).toEqual([
      '注意: このアカウントの今日の残りの送信数は5通です（1日の予約枠の数 8 より少なくなっています）。足りない分は翌日に送られます。',
    ]);
    low.mail.setQuota(0);
    expect(diagnose(low).problems[0]).toMatch(
      /^エラー: このアカウントの今日のメール送信数が上限に達しています。/,
    );
  });

  it('a 設定 problem, in the settings loader’s words', () => {
    const emu = healthy();
    setSetting(emu, SETTING.durationMinutes, '三十');
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^注意: .*相談時間（分）/);
  });

  it('a missing header and a duplicated one', () => {
    const emu = healthy();
    const headers = emu.person.values(SHEET.bookings)[0]!.map(String);
    const column = headers.indexOf(BOOKING.note) + 1;
    emu.person.setValues(SHEET.bookings, colA1(column), [[BOOKING.name]]);
    const { problems } = diagnose(emu);
    expect(problems).toEqual([
      `エラー: 「予約」に見出し「${BOOKING.name}」が2つあります。スクリプトは最初の列だけを使います。ほかの列の見出しを別の名前に変えてください。`,
      `エラー: 「予約」の1行目に見出し「${BOOKING.note}」がありません。見出しを変えた場合は元に戻すか、メニュー「初期設定」で右端に追加してください。`,
    ]);
  });

  it('a missing sheet', () => {
    const emu = healthy();
    emu.workbook.removeSheet(emu.workbook.sheetByName(SHEET.closedDays)!);
    const { problems } = diagnose(emu);
    expect(problems).toEqual([
      `エラー: シート「${SHEET.closedDays}」がありません。メニュー「初期設定」を実行すると作ります（名前を変えた場合は「${SHEET.closedDays}」に戻してください）。`,
    ]);
  });

  it('a full grid (操作ログ to its last row)', () => {
    const emu = healthy();
    const maxRows = emu.workbook.sheetByName(SHEET.log)!.maxRows;
    emu.person.setValues(SHEET.log, `A${maxRows}`, [[new Date(START)]]);
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      `「${SHEET.log}」の空き行が残り0行です（${maxRows}行中${maxRows}行目まで使用）`,
    );
  });

  it('a missing protection, and one that restricts instead of warning', () => {
    const emu = healthy();
    const sheet = emu.workbook.sheetByName(SHEET.bookings)!;
    sheet.protections = sheet.protections.filter(
      (p) => p.description !== ownedColumnProtection(BOOKING.id),
    );
    emu.workbook.sheetByName(SHEET.log)!.protections.forEach((p) => (p.warningOnly = false));
    const { problems } = diagnose(emu);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(
      `エラー: 「予約」の「${BOOKING.id}」列が保護されていません。メニュー「初期設定」を実行すると保護（警告のみ）を付け直します。`,
    );
    expect(problems[1]).toMatch(
      /^エラー: シート「操作ログ」の保護が「警告を表示」ではなく編集を制限しています。/,
    );
  });
});

describe('the sample invitation', () => {
  it('goes to the person’s own address, marked as a sample; only a 操作ログ line is added', () => {
    const emu = healthy();
    const sheetsBefore = sheetsOf(emu);
    const logBefore = emu.sheetValues(SHEET.log);
    const { dialogs } = diagnose(emu, 'YES');
    expect(emu.mail.sent).toHaveLength(1);
    const mail = emu.mail.sent[0]!;
    expect(mail.to).toBe(OWNER);
    expect(mail.subject.startsWith(SAMPLE_SUBJECT_PREFIX)).toBe(true);
    expect(mail.subject).toContain('オンライン職業相談のご案内');
    expect(mail.body.startsWith(SAMPLE_NOTICE)).toBe(true);
    expect(mail.body).toContain('見本 太郎 様');
    expect(mail.body).toContain('12月2日(水)'); // the next business day after Tuesday 12/1
    expect(mail.htmlBody).toContain(SAMPLE_NOTICE);
    expect(mail.attachments.map((a) => a.fileName)).toEqual([expect.stringMatching(/\.ics$/)]);
    expect(dialogs[2]!.message).toContain(`見本の招待メールを ${OWNER} に送りました`);
    // Nothing else changed: every other sheet as before, 操作ログ one line longer.
    expect(sheetsOf(emu)).toEqual(sheetsBefore);
    const log = emu.sheetValues(SHEET.log);
    expect(log.slice(0, logBefore.length)).toEqual(logBefore);
    expect(log).toHaveLength(logBefore.length + 1);
    const line = emu.records(SHEET.log).at(-1)!;
    expect(line[LOG.action]).toBe(CAPTION);
    expect(line[LOG.bookingId]).toBe('');
    expect(line[LOG.actor]).toBe(OWNER);
  });

  it('shows what to fix instead of sending when the invitation cannot be made', () => {
    const emu = healthy();
    setSetting(emu, SETTING.mailBody, '本文に会議URLがありません');
    const { dialogs } = diagnose(emu, 'YES');
    expect(emu.mail.sent).toEqual([]);
    expect(dialogs[2]!.message).toMatch(/^いまの設定では招待メールを作れません。/);
  });
});

describe('the check after the runs stopped', () => {
  it('warns on a 確定 booking whose day has passed with no 実施/無断キャンセル', () => {
    const emu = healthy();
    typeBookings(emu, [READY_BOOKINGS[0]!]);
    emu.ui.queueResponse('YES', 'OK');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    expect(bookings(emu)[0]![BOOKING.status]).toBe(STATUS.confirmed);
    emu.setTime('2026-12-03T09:00:00+09:00'); // no tick ran on 12/2
    emu.ui.queueResponse('OK');
    expect(emu.menu('すべての予約をチェック').error).toBeUndefined();
    const result = String(bookings(emu)[0]![BOOKING.checkResult]);
    expect(result).toMatch(
      /^注意: 「相談日」（.*）が過ぎても「状態」が確定のままです。自動処理が止まっている可能性があります/m,
    );
    expect(result).toContain('自己診断');
  });
});

function colA1(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}1`;
}
