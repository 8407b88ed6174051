// The pure plans and words of the menu commands (src/core/*Words.ts, resendPlan.ts): what each
// command decides and says, without the spreadsheet.
import { describe, expect, it } from 'vitest';
import { checkCountsLine, checkReport } from '../../src/core/checkWords';
import { sentDetailsOf, type LedgerEntry } from '../../src/core/invitationLedger';
import { nothingToSend, sendReport } from '../../src/core/invitationWords';
import { settingsProblemsForReport, staleMonths } from '../../src/core/monthlyWords';
import { planResend, type ResendCandidate } from '../../src/core/resendPlan';
import { REFUSE } from '../../src/core/resendWords';
import { STATUS } from '../../src/core/schema';
import { setupSummary } from '../../src/core/setupWords';
import { at, booking, day, settings } from './tickFixtures';

describe('check words', () => {
  const clean = { id: 'Y000001', rowNumber: 2, errors: 0, warnings: 0 };
  it('a toast when nothing needs a person', () => {
    expect(checkReport({ recorded: [clean], skipped: 0, problems: [] })).toEqual({
      kind: 'toast',
      text: '1件をチェック（エラー0件・注意のみ0件）。',
    });
  });

  it('finished bookings are left out of the counts and the list, and said so', () => {
    const finished = { id: 'Y000002', rowNumber: 3, errors: 2, warnings: 0, finished: true };
    expect(checkCountsLine([clean, finished])).toBe(
      '1件をチェック（エラー0件・注意のみ0件、終了した予約1件は対象外）',
    );
    expect(checkReport({ recorded: [clean, finished], skipped: 0, problems: [] }).kind).toBe(
      'toast',
    );
  });

  it('a dialog naming at most ten rows with errors, the rest counted', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: i === 0 ? '' : `Y${String(i).padStart(6, '0')}`,
      rowNumber: i + 2,
      errors: 1,
      warnings: 0,
    }));
    const told = checkReport({
      recorded: [...rows, { ...clean, warnings: 1 }],
      skipped: 2,
      problems: [],
    });
    expect(told.kind).toBe('dialog');
    expect(told.text).toContain('・予約IDなし（2行目）: エラー1件');
    expect(told.text).toContain('・ほか2件');
    expect(told.text).toContain('2か所は、チェック中に行が移動・編集された');
    expect(checkCountsLine([...rows, { ...clean, warnings: 1 }])).toBe(
      '13件をチェック（エラー12件・注意のみ1件）',
    );
  });
});

describe('monthly decisions', () => {
  it('rewrites only stale 相談月 cells, a date the sheet made of one included', () => {
    const dated = booking({ date: day('2026-12-01') });
    const rows = [
      { booking: dated, key: 'a', month: '2026-12' },
      { booking: dated, key: 'b', month: '2026-11' },
      { booking: dated, key: 'c', month: new Date('2026-12-01T00:00:00+09:00') },
      { booking: null, key: 'd', month: '2026-10' },
    ];
    expect(staleMonths(rows).map((c) => [c.key, c.value])).toEqual([
      ['b', '2026-12'],
      ['c', '2026-12'],
      ['d', ''],
    ]);
  });

  it('keeps only the 設定 problems that change the report', () => {
    expect(
      settingsProblemsForReport([
        '「開始時刻」が空です',
        '「差出人名」が空です',
        '「窓口」が空です',
      ]),
    ).toEqual(['「開始時刻」が空です', '「窓口」が空です']);
  });
});

describe('invitation words', () => {
  it('lists why nothing is sent, and the rows stuck 送信中', () => {
    const text = nothingToSend({
      ready: [],
      notReady: {},
      stuckSending: [{ id: 'Y000003', rowNumber: 4 }],
      problems: ['設定を確認'],
    });
    expect(text.split('\n')[0]).toBe('送信できる招待メールはありません。');
    expect(text).toContain('・Y000003（4行目）');
    expect(text).toContain('・設定を確認');
  });

  it('the report says what went, what did not and the quota, in that order', () => {
    const text = sendReport(
      {
        readyAtStart: 3,
        sent: [{ id: 'Y000001', rowNumber: 2, statusWritten: true }],
        failed: [{ id: 'Y000002', rowNumber: 3, reason: '宛先が正しくありません' }],
        changedMeanwhile: [],
        stuckSending: [],
        changedWhileSending: [],
        quota: { leftUnsent: [{ id: 'Y000004', rowNumber: 5 }], alert: 'noRecipients' },
        problems: [],
      },
      4,
    );
    const sent = text.indexOf('招待メールを1件送信しました（確認した4件のうち）。');
    const failed = text.indexOf('・Y000002（3行目）: 宛先が正しくありません');
    const quota = text.indexOf('設定「通知先メール」が空のため');
    const elsewhere = text.indexOf('対象外になった予約が1件あります。');
    expect(sent).toBe(0);
    expect(failed).toBeGreaterThan(sent);
    expect(quota).toBeGreaterThan(failed);
    expect(elsewhere).toBeGreaterThan(quota);
  });
});

describe('招待メールを再送, decided', () => {
  const now = at('2026-11-25 09:00');
  const row = (over: Partial<ResendCandidate> = {}): ResendCandidate => ({
    id: 'Y000001',
    rowNumber: 2,
    errors: [],
    booking: booking(),
    invitedAt: at('2026-11-24 10:00'),
    ...over,
  });
  const sentEntry = (b = booking()): LedgerEntry => ({
    ...sentDetailsOf(b)!,
    state: 'sent',
    at: at('2026-11-24 10:00').getTime(),
  });

  it('refuses a booking unchanged since its mail, reading the ledger only for a known row', () => {
    const asked: string[] = [];
    const entryOf = (id: string) => (asked.push(id), sentEntry());
    const base = { settings, now, entryOf };
    expect(planResend({ ...base, where: { rowNumber: 2 }, rows: [row()] })).toEqual({
      ok: false,
      message: REFUSE.unchanged('Y000001（2行目）'),
    });
    expect(planResend({ ...base, where: { rowNumber: 3 }, rows: [row()] })).toEqual({
      ok: false,
      message: REFUSE.emptyRow,
    });
    expect(planResend({ ...base, where: { id: 'Y000009' }, rows: [row()] })).toEqual({
      ok: false,
      message: REFUSE.idGone('Y000009'),
    });
    expect(
      planResend({ ...base, where: { rowNumber: 2 }, rows: [row(), row({ rowNumber: 3 })] }),
    ).toEqual({ ok: false, message: REFUSE.duplicatedId('Y000001') });
    expect(asked).toEqual(['Y000001']);
  });

  it('plans a mail marked 【日時変更】 when the start changed since the mail', () => {
    const moved = booking({ start: 660 });
    const planned = planResend({
      where: { rowNumber: 2 },
      rows: [row({ booking: moved })],
      entryOf: () => sentEntry(),
      settings,
      now,
    });
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.changed).toEqual(['開始時刻']);
    expect(planned.plan.mail.subject.startsWith('【日時変更】')).toBe(true);
  });

  it('refuses a row that is not 確定 with a mail sent', () => {
    const taken = booking({ status: STATUS.taken, invitedAt: null, invitationMarked: false });
    const planned = planResend({
      where: { rowNumber: 2 },
      rows: [row({ booking: taken, invitedAt: '' })],
      entryOf: () => undefined,
      settings,
      now,
    });
    expect(planned).toEqual({
      ok: false,
      message: REFUSE.notResendable('Y000001（2行目）', STATUS.taken),
    });
  });
});

describe('setup words', () => {
  it('says nothing changed, or lists the changes and what to check', () => {
    expect(setupSummary({ changes: [], warnings: [] })).toBe(
      '変更はありませんでした（すでに設定済みです）。',
    );
    expect(setupSummary({ changes: ['シート「予約」を作成'], warnings: ['確認A'] })).toBe(
      '次の設定をしました。\n・シート「予約」を作成\n\n確認してください:\n・確認A',
    );
  });
});
