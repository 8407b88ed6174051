// 自己診断's judgement: inputs as the command reads them → findings with Japanese text.
import { describe, expect, it } from 'vitest';
import { renderInvitation } from '../../src/core/invitation';
import { BOOKING } from '../../src/core/schema';
import {
  decodeHeartbeat,
  encodeHeartbeat,
  type Finding,
  LOW_GRID_ROOM_ROWS,
  runsStopped,
  SAMPLE_MEETING_URL,
  sampleInvitationInput,
  selfCheck,
  type SelfCheckInput,
  selfCheckReport,
  stoppedToast,
  STOPPED_AFTER_MINUTES,
} from '../../src/core/selfCheck';
import { defaultSettings } from '../../src/core/settings';

const NOW = new Date('2026-12-01T10:05:00+09:00');
const ME = 'owner@example.jp';
const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);

function healthy(overrides: Partial<SelfCheckInput> = {}): SelfCheckInput {
  return {
    now: NOW,
    spreadsheetTimeZone: 'Asia/Tokyo',
    scriptTimeZone: 'Asia/Tokyo',
    expectedTriggers: [
      { handler: 'onTenMinuteTick', describe: '10分ごと' },
      { handler: 'onDailyTick', describe: '毎日' },
    ],
    triggersSeen: ['onTenMinuteTick', 'onDailyTick'],
    triggerOwner: ME,
    me: ME,
    heartbeat: { finishedAt: minutesAgo(4), failed: false },
    mailQuota: 100,
    dailyInvitations: 8,
    settingsProblems: [],
    sheets: [
      {
        name: '予約',
        exists: true,
        headers: [BOOKING.id, BOOKING.name, '職員のメモ'],
        expected: [BOOKING.id, BOOKING.name],
        maxRows: 1000,
        lastRow: 12,
      },
    ],
    protections: [
      { sheet: '予約', header: BOOKING.id, found: true, warningOnly: true, covers: true },
      { sheet: '操作ログ', header: null, found: true, warningOnly: true, covers: true },
    ],
    ...overrides,
  };
}

const problems = (findings: Finding[]) => findings.filter((f) => f.level !== 'ok');
const only = (input: SelfCheckInput): Finding => {
  const found = problems(selfCheck(input));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('a healthy spreadsheet', () => {
  it('gives only OK findings, one or more per topic, and a report saying so', () => {
    const findings = selfCheck(healthy());
    expect(problems(findings)).toEqual([]);
    expect(new Set(findings.map((f) => f.topic)).size).toBe(7);
    const report = selfCheckReport(findings);
    expect(report.split('\n')[0]).toBe('すべて問題ありません。');
    expect(report).toContain('【自動実行（トリガー）】');
    expect(report).toContain('OK: 10分ごとの自動実行: 2026/12/01 10:01（4分前）に正常に終了');
  });
});

describe('time zones', () => {
  it('a spreadsheet or script zone other than Asia/Tokyo is an error naming the zone and the fix', () => {
    const sheet = only(healthy({ spreadsheetTimeZone: 'America/Los_Angeles' }));
    expect(sheet).toMatchObject({ level: 'error', topic: 'タイムゾーン' });
    expect(sheet.text).toContain('America/Los_Angeles');
    expect(sheet.text).toContain('「ファイル」→「設定」');
    const script = only(healthy({ scriptTimeZone: 'Etc/UTC' }));
    expect(script.text).toContain('Etc/UTC');
    expect(script.text).toContain('プロジェクトの設定');
  });
});

describe('triggers and their owner', () => {
  it('before 初期設定 (no owner recorded) asks for 初期設定', () => {
    const found = problems(
      selfCheck(healthy({ triggerOwner: null, triggersSeen: [], heartbeat: null })),
    );
    expect(found.map((f) => f.level)).toEqual(['error', 'warning']);
    expect(found[0]!.text).toContain('初期設定');
  });

  it('a missing trigger is an error naming what it does and the fix', () => {
    const f = only(healthy({ triggersSeen: ['onTenMinuteTick'] }));
    expect(f).toMatchObject({ level: 'error', topic: '自動実行（トリガー）' });
    expect(f.text).toBe(
      '毎日のトリガーがありません。メニュー「初期設定」を実行すると作り直します。',
    );
  });

  it('a trigger installed twice is an error: the job runs twice', () => {
    const f = only(
      healthy({ triggersSeen: ['onTenMinuteTick', 'onTenMinuteTick', 'onDailyTick'] }),
    );
    expect(f.text).toContain('2件あります');
    expect(f.text).toContain('onTenMinuteTick');
  });

  it('a trigger for a handler the ledger does not use is a warning', () => {
    const f = only(healthy({ triggersSeen: ['onTenMinuteTick', 'onDailyTick', 'oldFunction'] }));
    expect(f).toMatchObject({ level: 'warning' });
    expect(f.text).toContain('oldFunction');
  });

  it('another account owns them: a warning naming the owner, and no verdict on triggers it cannot see', () => {
    const f = only(healthy({ me: 'staff@example.jp', triggersSeen: [] }));
    expect(f).toMatchObject({ level: 'warning' });
    expect(f.text).toContain('所有者は owner@example.jp です');
    expect(f.text).toContain('staff@example.jp');
  });

  it('another account owns them but this one has its own too: every job runs twice', () => {
    const found = problems(selfCheck(healthy({ me: 'staff@example.jp' })));
    expect(found.map((f) => f.level)).toEqual(['warning', 'error']);
    expect(found[1]!.text).toContain('二重に動きます');
  });
});

describe('the last 10-minute run', () => {
  it('none recorded yet is a warning', () => {
    const f = only(healthy({ heartbeat: null }));
    expect(f).toMatchObject({ level: 'warning', topic: '最後の自動実行' });
    expect(f.text).toContain('記録がまだありません');
  });

  it(`older than ${STOPPED_AFTER_MINUTES} minutes means runs have stopped: an error with the time`, () => {
    const f = only(healthy({ heartbeat: { finishedAt: minutesAgo(31), failed: false } }));
    expect(f).toMatchObject({ level: 'error' });
    expect(f.text).toContain('2026/12/01 09:34（31分前）');
    expect(f.text).toContain('止まっています');
    expect(
      problems(selfCheck(healthy({ heartbeat: { finishedAt: minutesAgo(30), failed: false } }))),
    ).toEqual([]);
  });

  it('is judged at night and on holidays too (the trigger runs round the clock)', () => {
    const sunday = new Date('2026-12-06T03:00:00+09:00');
    const heartbeat = { finishedAt: new Date('2026-12-06T01:00:00+09:00'), failed: false };
    expect(runsStopped(heartbeat, sunday)).toBe(true);
  });

  it('a run that failed is a warning pointing at the error mail', () => {
    const f = only(healthy({ heartbeat: { finishedAt: minutesAgo(3), failed: true } }));
    expect(f).toMatchObject({ level: 'warning' });
    expect(f.text).toContain('エラーがありました');
  });

  it('the toast for onOpen: only when runs have stopped', () => {
    expect(stoppedToast(null, NOW)).toBeNull();
    expect(stoppedToast({ finishedAt: minutesAgo(5), failed: false }, NOW)).toBeNull();
    expect(stoppedToast({ finishedAt: minutesAgo(45), failed: false }, NOW)).toContain('自己診断');
  });

  it('round-trips through its property text; unreadable text is no heartbeat', () => {
    const heartbeat = { finishedAt: minutesAgo(1), failed: true };
    expect(decodeHeartbeat(encodeHeartbeat(heartbeat))).toEqual(heartbeat);
    for (const text of [null, '', 'x', '{}', '{"finishedAt":"not a date"}', '[]'])
      expect(decodeHeartbeat(text)).toBeNull();
  });
});

describe('mail quota', () => {
  it('below one business day of invitations is a warning; none left is an error', () => {
    expect(only(healthy({ mailQuota: 7 }))).toMatchObject({
      level: 'warning',
      topic: 'メールの送信上限',
    });
    expect(only(healthy({ mailQuota: 7 })).text).toContain('7通');
    expect(only(healthy({ mailQuota: 0 }))).toMatchObject({ level: 'error' });
    expect(problems(selfCheck(healthy({ mailQuota: 8 })))).toEqual([]);
  });

  it("run by someone other than the owner, says automatic sends use the owner's quota", () => {
    const findings = selfCheck(healthy({ me: 'staff@example.jp', triggersSeen: [] }));
    const quota = findings.find((f) => f.topic === 'メールの送信上限')!;
    expect(quota.level).toBe('ok');
    expect(quota.text).toContain('自動送信は所有者 owner@example.jp の上限で送られます');
  });
});

describe('設定', () => {
  it('each problem of the settings loader is a warning, word for word', () => {
    const text = '設定「相談時間（分）」（5行目）が数ではありません。';
    expect(only(healthy({ settingsProblems: [text] }))).toEqual({
      level: 'warning',
      topic: '設定',
      text,
    });
  });
});

describe('sheet structure', () => {
  const sheet = healthy().sheets[0]!;

  it('a missing sheet, a missing header and a duplicated header are errors', () => {
    expect(only(healthy({ sheets: [{ ...sheet, exists: false }] })).text).toContain(
      'シート「予約」がありません',
    );
    const missing = only(healthy({ sheets: [{ ...sheet, headers: [BOOKING.id] }] }));
    expect(missing).toMatchObject({ level: 'error', topic: 'シートの構成' });
    expect(missing.text).toContain(`見出し「${BOOKING.name}」がありません`);
    const twice = only(
      healthy({ sheets: [{ ...sheet, headers: [BOOKING.id, BOOKING.name, BOOKING.name] }] }),
    );
    expect(twice.text).toContain(`見出し「${BOOKING.name}」が2つあります`);
  });

  it(`fewer than ${LOW_GRID_ROOM_ROWS} empty rows is a warning; a full grid says 0`, () => {
    const low = only(healthy({ sheets: [{ ...sheet, lastRow: 950 }] }));
    expect(low).toMatchObject({ level: 'warning' });
    expect(low.text).toContain('残り50行');
    expect(only(healthy({ sheets: [{ ...sheet, lastRow: 1000 }] })).text).toContain('残り0行');
    expect(
      problems(selfCheck(healthy({ sheets: [{ ...sheet, lastRow: 1000 - LOW_GRID_ROOM_ROWS }] }))),
    ).toEqual([]);
  });

  it('a sheet the script rebuilds (no expected headers) has no grid verdict', () => {
    const monthly = { ...sheet, name: '月次集計', headers: [], expected: [], lastRow: 1000 };
    expect(problems(selfCheck(healthy({ sheets: [monthly] })))).toEqual([]);
  });
});

describe('protections', () => {
  const base = healthy().protections[0]!;
  it('missing and not warning-only are errors, one short of the last row a warning', () => {
    expect(only(healthy({ protections: [{ ...base, found: false }] })).text).toContain(
      '「予約」の「予約ID」列が保護されていません',
    );
    expect(only(healthy({ protections: [{ ...base, warningOnly: false }] }))).toMatchObject({
      level: 'error',
    });
    expect(only(healthy({ protections: [{ ...base, covers: false }] }))).toMatchObject({
      level: 'warning',
    });
    expect(
      only(healthy({ protections: [{ ...base, header: null, sheet: '操作ログ', found: false }] }))
        .text,
    ).toContain('シート「操作ログ」が保護されていません');
  });
});

describe('the report', () => {
  it('counts errors and warnings, groups lines by topic with their prefixes', () => {
    const report = selfCheckReport(
      selfCheck(healthy({ mailQuota: 0, settingsProblems: ['設定の問題'] })),
    );
    const lines = report.split('\n');
    expect(lines[0]).toBe('エラー 1件・注意 1件があります。「エラー:」から直してください。');
    expect(lines).toContain('【メールの送信上限】');
    expect(lines).toContain('注意: 設定の問題');
    expect(lines.some((l) => l.startsWith('エラー: このアカウントの今日のメール送信数'))).toBe(
      true,
    );
  });
});

describe('the sample invitation', () => {
  it('is a made-up booking on the next business day, rendered like a real one', () => {
    const settings = {
      ...defaultSettings(),
      phones: { 倉敷中央: '086-000-0000', 倉敷わかもの: '086-430-0705' },
    };
    // Friday evening: the next business day is Monday 12/7.
    const input = sampleInvitationInput(settings, [], new Date('2026-12-04T18:00:00+09:00'))!;
    expect(input).toMatchObject({
      name: '見本 太郎',
      day: '2026-12-07',
      meetingUrl: SAMPLE_MEETING_URL,
    });
    expect(input.office).toBe(settings.offices[0]);
    const mail = renderInvitation(input);
    expect(mail.problems).toEqual([]);
    expect(mail.body).toContain('見本 太郎');
    expect(mail.body).toContain(SAMPLE_MEETING_URL);
  });
});
