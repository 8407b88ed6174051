// 設定 自動保管 (issue 17 §2): はい as shipped; いいえ turns the monthly archive off; a typo says so
// and keeps the shipped はい.
import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/core/schema';
import { parseSettings, SETTING_DEFAULTS, type SettingRow } from '../../src/core/settings';

function rows(overrides: Record<string, unknown> = {}, drop: string[] = []): SettingRow[] {
  return SETTING_DEFAULTS.filter((d) => !drop.includes(d.key)).map((d, i) => ({
    key: d.key,
    value: d.key in overrides ? overrides[d.key] : d.value,
    rowNumber: i + 2,
  }));
}

const key = SETTING.autoArchive;

describe('自動保管', () => {
  it('is はい as shipped, right after 保管までの月数', () => {
    expect(parseSettings(rows()).settings.autoArchive).toBe(true);
    const keys = SETTING_DEFAULTS.map((d) => d.key);
    expect(keys.indexOf(key)).toBe(keys.indexOf(SETTING.archiveAfterMonths) + 1);
  });

  it('いいえ (or FALSE, or no) turns it off', () => {
    for (const value of ['いいえ', false, 'no']) {
      expect(parseSettings(rows({ [key]: value })).settings.autoArchive, String(value)).toBe(false);
    }
  });

  it('a typo names the row and keeps はい; a missing row keeps はい and says 初期設定 adds it', () => {
    const typo = parseSettings(rows({ [key]: 'たぶん' }));
    expect(typo.settings.autoArchive).toBe(true);
    expect(typo.problems.join('\n')).toMatch(
      /設定「自動保管」（\d+行目）の値「たぶん」は「はい」か「いいえ」/,
    );
    const missing = parseSettings(rows({}, [key]));
    expect(missing.settings.autoArchive).toBe(true);
    expect(missing.problems.join('\n')).toContain('設定「自動保管」の行がありません');
  });
});
