// The local runner end to end: the demo (what `npm start` runs) writes a workbook that opens again
// with the bookings where the week left them, and .eml files a mail client reads as Japanese mail
// with the calendar attachment. A second command on the same workbook continues from its state.
import { simpleParser } from 'mailparser';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipEntry } from './zipEntry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../emulator/snapshot';
import { readWorkbookFile } from '../../runner/workbookFile';
import { outboxFor, openSession } from '../../runner/session';
import { typeRows } from '../../runner/staff';
import { tokyoInstant } from '../../runner/tokyoTime';
import { BOOKING, LOG, SHEET, STATUS } from '../../src/core/schema';

let dir: string;
let workbook: WorkbookSnapshot;
let demoOutput = '';

function records(sheetName: string, from: WorkbookSnapshot = workbook): Record<string, unknown>[] {
  const sheet = from.sheets.find((s) => s.name === sheetName)!;
  const [headers, ...rows] = sheet.values;
  // Rows of unticked checkboxes alone (a checkbox rule may fill FALSE down the column) are empty.
  return rows
    .filter((row) => row.some((v) => v !== '' && v !== false && v !== null))
    .map((row) => Object.fromEntries(headers!.map((h, i) => [String(h), row[i] ?? ''])));
}

const logRows = (from: WorkbookSnapshot | null) => records(SHEET.log, from!);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-demo-'));
  demoOutput = execFileSync('npx', ['tsx', 'runner/cli.ts', '--out', dir], {
    encoding: 'utf8',
    stdio: 'pipe',
    timeout: 120_000,
  });
  workbook = (await readWorkbookFile(join(dir, 'demo.xlsx')))!;
}, 150_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start (the demo)', () => {
  it('leaves a workbook with every sheet of the contract and the week played out', () => {
    const names = workbook.sheets.map((s) => s.name);
    for (const name of Object.values(SHEET)) expect(names).toContain(name);
    const statuses = records(SHEET.bookings).map((r) => String(r[BOOKING.status] || STATUS.taken));
    // Joined → 実施; never joined → 無断キャンセル; phoned → キャンセル; mistakes stay 受付.
    expect(statuses.filter((s) => s === STATUS.held)).toHaveLength(4);
    expect(statuses.filter((s) => s === STATUS.noShow)).toHaveLength(2);
    expect(statuses.filter((s) => s === STATUS.cancelled)).toHaveLength(1);
    expect(statuses.filter((s) => s === STATUS.taken)).toHaveLength(3);
    expect(records(SHEET.log).length).toBeGreaterThan(10);
  });

  it('its summary counts the mails by kind', () => {
    expect(demoOutput).toContain(
      '送ったメール: 19通（招待 7・日時変更などの再送 1・前日リマインダー 4・キャンセル通知 1・職員への通知 6）',
    );
  });

  it('opens on 予約: no empty シート1 before the register', () => {
    // A new spreadsheet's シート1 is deleted after 初期設定 and 予約 is dragged to the front.
    const names = workbook.sheets.map((s) => s.name);
    expect(names[0]).toBe(SHEET.bookings);
    expect(names).not.toContain('シート1');
    // The tab a person sees first when opening the file: the first <sheet> in workbook.xml.
    const xml = zipEntry(readFileSync(join(dir, 'demo.xlsx')), 'xl/workbook.xml');
    expect(/<sheet [^>]*name="([^"]+)"/.exec(xml)?.[1]).toBe(SHEET.bookings);
  });

  it('writes invitations and alerts as .eml files a mail client reads, beside the workbook', async () => {
    // Each workbook has its own outbox next to it; nothing goes to a folder shared by all.
    expect((await readdir(dir)).sort()).toEqual([
      'demo.xlsx',
      'demo.xlsx.outbox',
      'demo.xlsx.script-state.json',
    ]);
    const outbox = join(dir, 'demo.xlsx.outbox');
    const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).sort();
    expect(files.length).toBeGreaterThanOrEqual(7);
    const mails = await Promise.all(
      files.map(async (f) => simpleParser(await readFile(join(outbox, f)))),
    );
    const invitations = mails.filter(
      (m) =>
        m.subject?.includes('オンライン職業相談のご案内') && !m.subject.startsWith('【日時変更】'),
    );
    expect(invitations).toHaveLength(7);
    // Booking 6, moved on Wednesday from 10:00 to 11:00, was re-sent once with the new time.
    const moved = mails.filter((m) => m.subject?.startsWith('【日時変更】'));
    expect(moved.map((m) => m.subject)).toEqual([
      '【日時変更】【ハローワーク倉敷中央】オンライン職業相談のご案内（12月4日(金) 11:00～）',
    ]);
    expect(moved[0]!.text).toContain('・時間：11:00～11:30');
    // 前日リマインダー: the bookings of Wed–Fri whose invitation went on Monday, each on the day
    // before at 12:00 (booking 1, on Tuesday, was invited on Monday itself: no reminder).
    const reminders = mails.filter((m) => m.subject?.includes('ご予約が近づきました'));
    const reminded = reminders.map((m) => `${m.date?.toISOString()} ${m.subject}`).sort();
    expect(reminded).toEqual([
      '2026-12-01T03:00:00.000Z 【ハローワーク倉敷中央】オンライン職業相談のご予約が近づきました（12月2日(水) 10:00～）',
      '2026-12-02T03:00:00.000Z 【倉敷わかものハローワーク】オンライン職業相談のご予約が近づきました（12月3日(木) 15:00～）',
      '2026-12-03T03:00:00.000Z 【ハローワーク倉敷中央】オンライン職業相談のご予約が近づきました（12月4日(金) 11:00～）',
      '2026-12-03T03:00:00.000Z 【倉敷わかものハローワーク】オンライン職業相談のご予約が近づきました（12月4日(金) 14:00～）',
    ]);
    for (const mail of reminders) expect(mail.text).toContain('10分過ぎると、無断キャンセル');
    // キャンセル通知: booking 4, cancelled by phone on Tuesday 11:00, told once after 送信待ち時間.
    const notices = mails.filter((m) => m.subject?.includes('キャンセルを承りました'));
    expect(notices.map((m) => [m.date?.toISOString(), JSON.stringify(m.to)])).toEqual([
      ['2026-12-01T02:10:00.000Z', expect.stringContaining('demo4@example.jp')],
    ]);
    for (const mail of invitations) {
      expect(mail.text).toMatch(/様\n/);
      expect(mail.text).toContain('令和4年5月30日制定（令和4年8月24日改正）');
      expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.ics$/)]);
      expect(mail.from?.value[0]?.name).toMatch(/ハローワーク/);
    }
    const alerts = mails.filter((m) => m.to && JSON.stringify(m.to).includes('staff@example.jp'));
    expect(alerts.length).toBeGreaterThan(0);
  });

  it('continues from the saved state: a tick on the saved workbook issues no second invitation', async () => {
    const outbox = join(dir, 'demo.xlsx.outbox');
    const before = new Set(await readdir(outbox));
    const stdout = execFileSync(
      'npx',
      [
        'tsx',
        'runner/cli.ts',
        'tick',
        '--workbook',
        join(dir, 'demo.xlsx'),
        '--at',
        '2026-12-07T10:00:00+09:00',
      ],
      { encoding: 'utf8', stdio: 'pipe', timeout: 60_000 },
    );
    // The week is over and every alert went out once: the tick says it had nothing to do.
    expect(stdout).toContain('実行結果: 操作ログへの記録もメールの送信もありませんでした');
    const added = (await readdir(outbox)).filter((f) => !before.has(f));
    const subjects = await Promise.all(
      added.map(async (f) => (await simpleParser(await readFile(join(outbox, f)))).subject ?? ''),
    );
    // Whatever the tick alerts staff about, it sends nobody a second invitation.
    expect(subjects.filter((s) => s.includes('オンライン職業相談のご案内'))).toEqual([]);
    const saved = (await readWorkbookFile(join(dir, 'demo.xlsx')))!;
    const ids = saved.sheets
      .find((s) => s.name === SHEET.bookings)!
      .values.slice(1)
      .map((r) => r[0])
      .filter((id) => id !== '' && id !== null && id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tick says what it did: the row it marked, from its 操作ログ rows and mails', async () => {
    const workbook = join(dir, 'demo.xlsx');
    // Monday 12/7: staff take a booking for Tuesday 10:00 and send the invitation.
    const session = await openSession({
      workbook,
      outbox: outboxFor(workbook),
      now: tokyoInstant(2026, 12, 7, 9, 0),
      say: () => undefined,
    });
    typeRows(session.emu, SHEET.bookings, BOOKING, [
      {
        channel: '電話',
        name: '見本 一郎',
        seekerNo: '33010-00000101',
        email: 'demo11@example.jp',
        date: '2026/12/08',
        start: '10:00',
        office: '倉敷わかもの',
        officer: '担当 青木',
        meetingUrl: 'https://teleoffice.example.jp/meet/demo-11',
      },
    ]);
    const sent = session.menu('招待メールを送信');
    expect(sent.mails).toHaveLength(1);
    const id = String(sent.log.find((r) => r[LOG.action] === '招待メール送信')?.[LOG.bookingId]);
    expect(id).toMatch(/^Y\d{6}$/);
    await session.save();
    const logBefore = logRows(await readWorkbookFile(workbook));
    const outbox = outboxFor(workbook);
    const mailsBefore = new Set(await readdir(outbox));

    // Tuesday 10:10: nobody ticked 参加, so the tick marks the booking 無断キャンセル.
    const stdout = execFileSync(
      'npx',
      ['tsx', 'runner/cli.ts', 'tick', '--workbook', workbook, '--at', '2026-12-08T10:10:00+09:00'],
      { encoding: 'utf8', stdio: 'pipe', timeout: 60_000 },
    );
    const saved = (await readWorkbookFile(workbook))!;
    const row = records(SHEET.bookings, saved).find((r) => r[BOOKING.id] === id);
    expect(row?.[BOOKING.status]).toBe(STATUS.noShow);
    const added = logRows(saved).slice(logBefore.length);
    const newMails = (await readdir(outbox)).filter((f) => !mailsBefore.has(f));
    expect(added.some((r) => r[LOG.bookingId] === id)).toBe(true);
    // The summary counts exactly what the run recorded, then lists every row and mail.
    expect(stdout).toContain(`実行結果: 操作ログ ${added.length}行、メール ${newMails.length}通`);
    expect(stdout).toMatch(
      new RegExp(`無断キャンセル（自動判定）（${id}）: 状態 .* → 無断キャンセル`),
    );
    for (const r of added) {
      expect(stdout).toContain(
        `${String(r[LOG.action])}${r[LOG.bookingId] ? `（${String(r[LOG.bookingId])}）` : ''}: ${String(r[LOG.detail])}`,
      );
    }
    for (const file of newMails) expect(stdout).toContain(file);
    expect(stdout).toContain(`保存しました: ${workbook}`);
  });
});

describe('npm start -- --profile mihon (the demo week for another office)', () => {
  let profileDir: string;
  let saved: WorkbookSnapshot;

  beforeAll(async () => {
    profileDir = await mkdtemp(join(tmpdir(), 'runner-profile-'));
    execFileSync('npx', ['tsx', 'runner/cli.ts', '--profile', 'mihon', '--out', profileDir], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    saved = (await readWorkbookFile(join(profileDir, 'demo.xlsx')))!;
  }, 150_000);

  afterAll(async () => {
    await rm(profileDir, { recursive: true, force: true });
  });

  it('writes a workbook whose 設定 has the three 窓口 and their rows, 休業日 its closed day', () => {
    const settings = new Map(
      records(SHEET.settings, saved).map((r) => [String(r['項目']), String(r['値'])]),
    );
    expect(settings.get('窓口')).toBe('本所,分室A,分室B');
    expect(settings.get('開始時刻')).toBe('09:30,13:30,16:00');
    expect(settings.get('各枠の定員')).toBe('2');
    for (const office of ['本所', '分室A', '分室B']) {
      expect(settings.get(`差出人名（${office}）`)).toBe(`ハローワーク見本 ${office}`);
      expect(settings.get(`電話番号（${office}）`)).toMatch(/^099-000-000\d$/);
    }
    const closed = records(SHEET.closedDays, saved);
    expect(closed.map((r) => [r['窓口'], r['理由']])).toEqual([['分室B', '研修']]);
    const offices = new Set(records(SHEET.bookings, saved).map((r) => String(r[BOOKING.office])));
    expect([...offices].sort()).toEqual(['分室A', '分室B', '本所']);
  });

  it("its outbox has invitations from the profile's sender names, none from Kurashiki", async () => {
    const outbox = join(profileDir, 'demo.xlsx.outbox');
    const files = (await readdir(outbox)).filter((f) => f.endsWith('.eml'));
    const mails = await Promise.all(
      files.map(async (f) => simpleParser(await readFile(join(outbox, f)))),
    );
    const invitations = mails.filter(
      (m) =>
        m.subject?.includes('オンライン職業相談のご案内') && !m.subject.startsWith('【日時変更】'),
    );
    expect(invitations).toHaveLength(10);
    const senders = new Set(invitations.map((m) => m.from?.value[0]?.name));
    expect([...senders].sort()).toEqual([
      'ハローワーク見本 分室A',
      'ハローワーク見本 分室B',
      'ハローワーク見本 本所',
    ]);
    for (const mail of invitations) {
      expect(mail.text).not.toContain('倉敷');
      expect(mail.text).toContain('見本版 令和8年4月1日制定');
    }
  });

  it('an unknown profile stops with exit code 1 and names the profiles there are', () => {
    let failure: { status?: number; stderr?: Buffer } = {};
    try {
      execFileSync('npx', ['tsx', 'runner/cli.ts', '--profile', 'nowhere', '--out', profileDir], {
        stdio: 'pipe',
        timeout: 60_000,
      });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(String(failure.stderr)).toContain(
      'unknown profile: nowhere (profiles: kurashiki, mihon',
    );
  });
});
