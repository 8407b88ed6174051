import { describe, expect, it } from 'vitest';
import {
  classifyMailError,
  describeFailure,
  failureLine,
  invitationAllowance,
} from '../../src/core/mailPolicy';

describe('classifyMailError', () => {
  it('knows the errors MailApp raises before handing the mail over: surely not sent', () => {
    expect(classifyMailError(new Error('Invalid email: taro@example'))).toEqual({
      reason: 'メールアドレスがメールサービスに受け付けられませんでした',
      mail: 'notSent',
      quotaSpent: false,
    });
    expect(classifyMailError(new Error('Failed to send email: no recipient'))).toEqual({
      reason: '宛先がありません',
      mail: 'notSent',
      quotaSpent: false,
    });
    expect(classifyMailError(new Error('Argument too large: body')).reason).toBe(
      'メールの内容が受け付けられませんでした',
    );
    expect(
      classifyMailError(new Error('Limit Exceeded: Email Total Attachments Size')).reason,
    ).toBe('メールの大きさか宛先の数が上限を超えています');
    expect(
      classifyMailError(new Error('Authorization is required to perform that action.')),
    ).toEqual({
      reason: 'メールを送る権限がありません（初期設定を実行したアカウントで承認してください）',
      mail: 'notSent',
      quotaSpent: false,
    });
  });

  it('marks the daily quota as spent (it stops the batch, and the row is retried)', () => {
    expect(
      classifyMailError(new Error('Service invoked too many times for one day: email.')),
    ).toEqual({ reason: '1日の送信上限に達しました', mail: 'notSent', quotaSpent: true });
  });

  it('any other error leaves the fate unknown, with personal data masked and the text cut', () => {
    const result = classifyMailError(
      new Error(`Server error for taro@example.jp ${'x'.repeat(300)}`),
    );
    expect(result.mail).toBe('unknown');
    expect(result.quotaSpent).toBe(false);
    expect(
      result.reason.startsWith('メールサービスのエラー: Server error for <メールアドレス> x'),
    ).toBe(true);
    expect(result.reason).not.toContain('taro@example.jp');
    expect(result.reason.length).toBe('メールサービスのエラー: '.length + 120);
    expect(classifyMailError('plain text').reason).toBe('メールサービスのエラー: plain text');
  });
});

describe('failureLine', () => {
  it('says what a person does next for each fate', () => {
    const head = 'エラー: 招待メールを送れませんでした（宛先がありません）。';
    expect(failureLine({ reason: '宛先がありません', mail: 'notSent' })).toBe(
      `${head}メールは送られていません。「メールアドレス」など原因の欄を直すと、次のチェックで送信できる状態に戻ります。`,
    );
    expect(failureLine({ reason: '宛先がありません', mail: 'notSent', retry: true })).toBe(
      `${head}メールは送られていません。次の自動送信か「招待メールを送信」で送り直せます。`,
    );
    expect(failureLine({ reason: '宛先がありません', mail: 'sent' })).toBe(
      `${head}メールは送られました。「招待メール送信日時」に送信日時を入れ、「状態」を「確定」にしてください。`,
    );
    const unknown = failureLine({ reason: '宛先がありません', mail: 'unknown' });
    expect(unknown.startsWith(`${head}送られたかどうか分かりません。`)).toBe(true);
    expect(unknown).toContain('Gmail「送信済み」を確認し');
  });
});

describe('describeFailure', () => {
  it('masks addresses and 求職番号 and keeps 200 characters', () => {
    expect(describeFailure(new Error('bad taro@example.jp'))).toBe('bad <メールアドレス>');
    expect(describeFailure('y'.repeat(250))).toBe('y'.repeat(200));
  });
});

describe('invitationAllowance', () => {
  it('holds one mail per 通知先メール address until staff were told today', () => {
    expect(invitationAllowance(100, 2, false)).toBe(98);
    expect(invitationAllowance(100, 2, true)).toBe(100);
    expect(invitationAllowance(1, 2, false)).toBe(-1);
    expect(invitationAllowance(5, 0, false)).toBe(5);
  });
});
