import { describe, expect, it } from 'vitest';
import { planChangedWhileSending, type ReadAgain } from '../../src/core/changedWhileSending';
import type { SentDetails } from '../../src/core/invitationLedger';
import { planOutcomes, sentResults, type OutcomeRow } from '../../src/core/sendOutcomes';
import {
  appendLine,
  CONTENT_HEADERS,
  planMarks,
  toTheMinute,
  type CellsAsRead,
  type Outcome,
} from '../../src/core/sendPlan';
import { quotaAlertMail, quotaStopDetail } from '../../src/core/sendWords';
import type { LocalDate } from '../../src/core/time';

const MARK = '送信中 2026/12/01 09:00';
const SENT_AT = new Date('2026-12-01T00:00:42.500Z');
const CONTEXT = {
  mark: MARK,
  automatic: true,
  termsVersion: 'v3',
  recordedAt: '2026/12/01 09:01',
};

/** Every cell reads `<header>@<id>`, so a plan's expectations show where they came from. */
function cellsOf(id: string): CellsAsRead {
  return (header) => `${header}@${id}`;
}

function row(id: string, outcome: Outcome, checkResult = 'OK'): OutcomeRow {
  return { ref: { id, rowNumber: 2 }, cells: cellsOf(id), checkResult, outcome };
}

describe('planMarks', () => {
  it('writes 送信中 on a blank 招待メール送信日時, guarded by every cell the mail is made of', () => {
    const [change, ...rest] = planMarks([{ id: 'R0001', cells: cellsOf('R0001') }], MARK);
    expect(rest).toEqual([]);
    expect(change).toEqual({
      id: 'R0001',
      header: '招待メール送信日時',
      expected: '',
      value: MARK,
      guards: CONTENT_HEADERS.map((header) => ({ header, expected: `${header}@R0001` })),
    });
    expect([...CONTENT_HEADERS].sort()).toEqual(
      [
        '氏名',
        '求職番号',
        'メールアドレス',
        '相談日',
        '開始時刻',
        '窓口',
        '担当者',
        '会議URL',
        '状態',
      ].sort(),
    );
  });
});

describe('planOutcomes', () => {
  it('a sent row: the time to the minute (guarded by the ledger fields) and 確定, one log line', () => {
    const plan = planOutcomes([row('R0001', { kind: 'sent', sentAt: SENT_AT })], CONTEXT);
    expect(plan.changes).toEqual([
      {
        id: 'R0001',
        header: '招待メール送信日時',
        expected: MARK,
        value: new Date('2026-12-01T00:00:00.000Z'),
        guards: [
          { header: '相談日', expected: '相談日@R0001' },
          { header: '開始時刻', expected: '開始時刻@R0001' },
          { header: '会議URL', expected: '会議URL@R0001' },
          { header: 'メールアドレス', expected: 'メールアドレス@R0001' },
        ],
      },
      { id: 'R0001', header: '状態', expected: '状態@R0001', value: '確定' },
    ]);
    expect(plan.log).toEqual([
      { action: '招待メール送信', bookingId: 'R0001', detail: '自動送信。規約版: v3' },
    ]);
    expect(plan.failed).toEqual([]);
    expect(plan.sent.map((s) => [s.row.ref.id, s.sentAt])).toEqual([['R0001', SENT_AT]]);
    expect(plan.sent[0]!.sentCell).toBe(plan.changes[0]);
    expect(plan.sent[0]!.statusCell).toBe(plan.changes[1]);
  });

  it('an unmarked row gets its mark taken back, and nothing is logged', () => {
    const plan = planOutcomes([row('R0002', { kind: 'unmarked' })], CONTEXT);
    expect(plan.changes).toEqual([
      { id: 'R0002', header: '招待メール送信日時', expected: MARK, value: '' },
    ]);
    expect(plan.log).toEqual([]);
  });

  it('a refused mail: 送信失敗 with the reason, and the line appended to チェック結果', () => {
    const failure = { reason: '宛先がありません', mail: 'notSent' as const };
    const plan = planOutcomes(
      [row('R0003', { kind: 'failed', failure, marked: true }, '注意: 前の行')],
      { ...CONTEXT, automatic: false },
    );
    expect(plan.changes).toEqual([
      {
        id: 'R0003',
        header: 'チェック結果',
        expected: '注意: 前の行',
        value:
          'エラー1件・注意1件\nエラー: 招待メールを送れませんでした（宛先がありません）。メールは送られていません。「メールアドレス」など原因の欄を直すと、次のチェックで送信できる状態に戻ります。\n注意: 前の行',
      },
      {
        id: 'R0003',
        header: '招待メール送信日時',
        expected: MARK,
        value: '送信失敗 2026/12/01 09:01（宛先がありません）',
      },
    ]);
    expect(plan.failed).toEqual([
      { id: 'R0003', rowNumber: 2, reason: '宛先がありません', mail: 'notSent' },
    ]);
    expect(plan.log).toEqual([
      { action: '招待メール送信失敗', bookingId: 'R0003', detail: '宛先がありません' },
    ]);
  });

  it('a retryable failure blanks the mark; an unknown fate or an unmarked row leaves it', () => {
    const retry = { reason: '上限', mail: 'notSent' as const, retry: true };
    const unknown = { reason: 'x', mail: 'unknown' as const };
    const plan = planOutcomes(
      [
        row('R0004', { kind: 'failed', failure: retry, marked: true }),
        row('R0005', { kind: 'failed', failure: unknown, marked: true }),
        row('R0006', { kind: 'failed', failure: retry, marked: false }),
      ],
      CONTEXT,
    );
    expect(
      plan.changes.map((c) => [c.id, c.header, c.header === 'チェック結果' ? '…' : c.value]),
    ).toEqual([
      ['R0004', 'チェック結果', '…'],
      ['R0004', '招待メール送信日時', ''],
      ['R0005', 'チェック結果', '…'],
      ['R0006', 'チェック結果', '…'],
    ]);
  });

  it('masks personal data in the 操作ログ detail (the row keeps the reason as the mail service said)', () => {
    const failure = { reason: 'エラー taro@example.jp', mail: 'unknown' as const };
    const plan = planOutcomes([row('R0007', { kind: 'failed', failure, marked: true })], CONTEXT);
    expect(plan.log[0]!.detail).toBe('エラー <メールアドレス>');
  });
});

describe('sentResults', () => {
  const plan = planOutcomes(
    [
      row('R0001', { kind: 'sent', sentAt: SENT_AT }),
      row('R0002', { kind: 'sent', sentAt: SENT_AT }),
    ],
    CONTEXT,
  );

  it('a skipped 状態 means a person changed it meanwhile: sent, status not written', () => {
    const skipped = new Set([plan.sent[1]!.statusCell]);
    expect(sentResults(plan.sent, skipped, null)).toEqual({
      sent: [
        { id: 'R0001', rowNumber: 2, sentAt: SENT_AT, statusWritten: true },
        { id: 'R0002', rowNumber: 2, sentAt: SENT_AT, statusWritten: false },
      ],
      failed: [],
    });
  });

  it('a failed write: every sent row is reported as sent but not recorded', () => {
    expect(sentResults(plan.sent, new Set(), 'boom')).toEqual({
      sent: [],
      failed: ['R0001', 'R0002'].map((id) => ({
        id,
        rowNumber: 2,
        reason: '送信後に台帳へ記録できませんでした: boom',
        mail: 'sent',
      })),
    });
  });
});

describe('planChangedWhileSending', () => {
  const mailed: SentDetails = {
    day: '2026-12-03' as LocalDate,
    start: 600,
    urlHash: 'u1',
    addressHash: 'a1',
    domain: 'example.jp',
  };
  const readAgain = (over: Partial<ReadAgain>): ReadAgain => ({
    ref: { id: 'R0001', rowNumber: 5 },
    sentAt: SENT_AT,
    mailed,
    now: mailed,
    stillMarked: true,
    checkResult: 'OK',
    ...over,
  });

  it('nothing the mail was made of changed: a person edited the send time, their word stands', () => {
    expect(planChangedWhileSending([readAgain({})], MARK)).toEqual({
      changes: [],
      log: [],
      flagged: [],
    });
  });

  it('a changed day: the send time anyway, an エラー naming the cell, a log line without personal data', () => {
    const plan = planChangedWhileSending(
      [readAgain({ now: { ...mailed, day: '2026-12-04' as LocalDate } })],
      MARK,
    );
    expect(plan.changes).toEqual([
      {
        id: 'R0001',
        header: '招待メール送信日時',
        expected: MARK,
        value: new Date('2026-12-01T00:00:00.000Z'),
      },
      {
        id: 'R0001',
        header: 'チェック結果',
        expected: 'OK',
        value:
          'エラー1件\nエラー: 招待メールを送った後に「相談日」が変わりました。招待メールの内容と違います。招待メールを再送してください（この行を選んでメニュー「招待メールを再送」。前の枠は空きになっています）。',
      },
    ]);
    expect(plan.flagged).toEqual([{ id: 'R0001', rowNumber: 5, fields: ['相談日'] }]);
    expect(plan.log).toEqual([
      {
        action: '招待メール送信中の変更',
        bookingId: 'R0001',
        detail:
          '送信中に「相談日」が変更されました。招待メールは変更前の内容で送られています。「招待メールを再送」で新しい内容を送ってください。',
      },
    ]);
  });

  it('an unreadable row counts as a changed address; a send time a person typed is kept', () => {
    const plan = planChangedWhileSending([readAgain({ now: null, stillMarked: false })], MARK);
    expect(plan.changes.map((c) => c.header)).toEqual(['チェック結果']);
    expect(plan.flagged[0]!.fields).toEqual(['メールアドレス']);
  });
});

describe('appendLine and toTheMinute', () => {
  it('replaces OK and blank, puts the error before the warnings and counts again', () => {
    expect(appendLine('OK', 'エラー: a')).toBe('エラー1件\nエラー: a');
    expect(appendLine('  ', 'エラー: a')).toBe('エラー1件\nエラー: a');
    expect(appendLine(' 注意: b ', 'エラー: a')).toBe('エラー1件・注意1件\nエラー: a\n注意: b');
    expect(appendLine('エラー1件・注意1件\nエラー: a\n注意: b', 'エラー: c')).toBe(
      'エラー2件・注意1件\nエラー: a\nエラー: c\n注意: b',
    );
  });

  it('drops seconds and milliseconds', () => {
    expect(toTheMinute(new Date('2026-12-01T00:59:59.999Z')).toISOString()).toBe(
      '2026-12-01T00:59:00.000Z',
    );
  });
});

describe('sendWords', () => {
  it('the quota stop line and alert mail name 予約ID and rows only', () => {
    expect(quotaStopDetail(['R0001', 'R0002'])).toBe(
      '1日の送信上限のため2件を送っていません（R0001、R0002）',
    );
    const mail = quotaAlertMail([{ id: 'R0001', rowNumber: 7 }]);
    expect(mail.subject).toBe('【オンライン相談】招待メールの送信上限に達しました');
    expect(mail.body.split('\n')).toContain('・R0001（予約シート 7行目）');
    expect(mail.body.split('\n').at(-1)).toBe('このメールは1日に1回だけ送られます。');
  });
});
