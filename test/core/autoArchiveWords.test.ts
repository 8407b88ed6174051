// The monthly archive's words: the 操作ログ line (counts only) and when staff get a mail.
import { describe, expect, it } from 'vitest';
import type { ArchiveRun } from '../../src/core/archiveRun';
import {
  autoArchiveLogLine,
  autoArchiveMail,
  autoArchiveNeeds,
} from '../../src/core/autoArchiveWords';
import type { LocalDate } from '../../src/core/time';

const CAPTION = '過去の予約を保管';

function run(overrides: Partial<ArchiveRun> = {}): ArchiveRun {
  return {
    cutoff: '2026-07-01' as LocalDate,
    months: 6,
    appended: 3,
    deleted: 3,
    notVerified: [],
    left: [],
    inBoth: [],
    displaced: [],
    restored: [],
    editedMeanwhile: [],
    addedHeaders: [],
    conflicting: [],
    duplicatedId: [],
    unmatchedValues: [],
    withoutId: 0,
    deferred: 0,
    archivedNoShowSeekers: 1,
    noShowsRecorded: true,
    settingProblems: [],
    ...overrides,
  };
}

describe('自動保管 words', () => {
  it('a run that went as planned needs no one, even with rows deferred to next month', () => {
    expect(autoArchiveNeeds({ kind: 'done', run: run(), retried: false }, CAPTION)).toEqual([]);
    const deferred = { kind: 'done', run: run({ deferred: 40 }), retried: false } as const;
    expect(autoArchiveNeeds(deferred, CAPTION)).toEqual([]);
    expect(autoArchiveLogLine(deferred, 'notNeeded')).toBe(
      '自動保管: 3件を予約から削除（うち今回書き写し3件）、次回に回した40件。基準日 2026-07-01',
    );
  });

  it('rows a person kept in 予約, and a failure, need a person; the log line says if they were mailed', () => {
    const left = {
      kind: 'done',
      run: run({ deleted: 2, left: ['Y000001'] }),
      retried: false,
    } as const;
    const needs = autoArchiveNeeds(left, CAPTION);
    expect(needs.join('\n')).toContain('Y000001');
    expect(autoArchiveLogLine(left, 'sent')).toMatch(
      /移さなかった1件.*通知先メールに知らせました$/,
    );
    expect(autoArchiveLogLine(left, 'noAddress')).toContain('設定「通知先メール」が空のため');
    const failed = { kind: 'failed', reason: null } as const;
    expect(autoArchiveNeeds(failed, CAPTION).join('\n')).toContain(`メニュー「${CAPTION}」`);
    expect(autoArchiveLogLine(failed, 'noQuota')).toMatch(
      /^自動保管: 保管できませんでした: 予期しないエラー.*上限/,
    );
  });

  it('the mail names ids and counts, the day, the setting and the sheet URL', () => {
    const left = {
      kind: 'done',
      run: run({ deleted: 2, left: ['Y000001'] }),
      retried: false,
    } as const;
    const mail = autoArchiveMail(left, {
      now: new Date('2027-01-01T05:00:00+09:00'),
      caption: CAPTION,
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x',
    });
    expect(mail.subject).toBe('【オンライン相談 予約台帳】自動保管の確認のお願い（1月1日(金)）');
    expect(mail.body).toContain('設定「自動保管」');
    expect(mail.body).toContain('2件の予約を「予約_保管」に移しました');
    expect(mail.body).toContain('Y000001');
    expect(mail.body.endsWith('https://docs.google.com/spreadsheets/d/x')).toBe(true);
  });
});
