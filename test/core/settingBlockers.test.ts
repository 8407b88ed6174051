// 設定 that stops a 窓口's invitations shows on its 受付 rows at check time (issue 16 §3).
import { describe, expect, it } from 'vitest';
import { settingBlockers } from '../../src/core/settingBlockers';
import { defaultSettings } from '../../src/core/settings';
import { STATUS } from '../../src/core/schema';
import { checkOne, context, officeSettings } from './checkFixtures';

describe('settingBlockers', () => {
  it('names the empty 電話番号 of that 窓口 only, and points at 設定, not the row', () => {
    const shipped = defaultSettings(); // 倉敷中央's phone is shipped blank
    const [line, ...more] = settingBlockers(shipped, '倉敷中央');
    expect(more).toEqual([]);
    expect(line).toMatch(/^エラー: 設定「電話番号（倉敷中央）」が空か、使えない値です。/);
    expect(line).toContain('倉敷中央の招待メールを送れません');
    expect(line).toContain('「設定」シートの「電話番号（倉敷中央）」に入力してください');
    expect(line).toContain('予約の行を直す必要はありません');
    expect(settingBlockers(shipped, '倉敷わかもの')).toEqual([]);
  });

  it('names an empty 差出人名 and 規約版, and a template the renderer refuses', () => {
    const settings = {
      ...officeSettings(),
      senderNames: { ...officeSettings().senderNames, 倉敷わかもの: '' },
      termsVersion: '',
      mailSubject: '件名\n2行目',
    };
    const lines = settingBlockers(settings, '倉敷わかもの');
    expect(lines.some((l) => l.includes('設定「差出人名（倉敷わかもの）」'))).toBe(true);
    expect(lines.some((l) => l.includes('設定「規約版」'))).toBe(true);
    expect(
      lines.some((l) =>
        /^エラー: 設定の問題で倉敷わかものの招待メールを送れません: .*メール件名/.test(l),
      ),
    ).toBe(true);
    expect(lines.every((l) => l.startsWith('エラー: 設定'))).toBe(true);
  });
});

describe('the check', () => {
  it('puts the 設定 error on 受付 rows of the blocked 窓口, not on others or finished rows', () => {
    const shipped = context({ settings: { phones: defaultSettings().phones } });
    const central = checkOne({}, shipped); // the fixture's row is at 倉敷中央
    expect(central.errors).toEqual([expect.stringContaining('設定「電話番号（倉敷中央）」')]);
    expect(central.text.split('\n')[0]).toBe('エラー1件');
    expect(checkOne({ office: '倉敷わかもの' }, shipped).errors).toEqual([]);
    expect(checkOne({ status: STATUS.cancelled }, shipped).errors).toEqual([]);
    const confirmed = checkOne(
      { office: '倉敷中央', status: STATUS.confirmed, invitedAt: '2026/11/19 10:00' },
      shipped,
    );
    expect(confirmed.errors).toEqual([]); // already sent: nothing to block
  });
});
