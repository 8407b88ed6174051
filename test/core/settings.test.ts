import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/core/schema';
import {
  defaultSettings,
  parseSettings,
  SETTING_DEFAULTS,
  settingDefaultsFor,
  type SettingRow,
} from '../../src/core/settings';

/** The shipped rows (starting at sheet row 2), with some values replaced. */
function rows(overrides: Record<string, unknown> = {}, drop: string[] = []): SettingRow[] {
  return SETTING_DEFAULTS.filter((d) => !drop.includes(d.key)).map((d, i) => ({
    key: d.key,
    value: d.key in overrides ? overrides[d.key] : d.value,
    rowNumber: i + 2,
  }));
}

function rowOf(key: string): number {
  return SETTING_DEFAULTS.findIndex((d) => d.key === key) + 2;
}

const COMPLETE = { [SETTING.phoneCentral]: '086-424-3333', [SETTING.alertTo]: 'staff@example.jp' };

describe('parseSettings', () => {
  it('reports a line break in a 差出人名 by its row, and uses it as one line', () => {
    const key = '差出人名（倉敷中央）';
    const { settings, problems } = parseSettings(
      rows({ ...COMPLETE, [key]: 'ハローワーク\n倉敷中央' }),
    );
    expect(settings.senderNames['倉敷中央']).toBe('ハローワーク 倉敷中央');
    expect(problems).toEqual([
      expect.stringContaining(`設定「${key}」（${rowOf(key)}行目）に改行があります`),
    ]);
  });

  it('reads the shipped defaults', () => {
    const { settings } = parseSettings(rows(COMPLETE));
    expect(settings.slots).toEqual([600, 660, 840, 900]);
    expect(settings.slotLabels).toEqual(['10:00', '11:00', '14:00', '15:00']);
    expect(settings).toMatchObject({
      durationMinutes: 30,
      capacity: 1,
      offices: ['倉敷中央', '倉敷わかもの'],
      noShowMinutes: 10,
      suspendThreshold: 2,
      autoSend: false,
      deadlineDays: 1,
      officeClosesAt: 17 * 60 + 15,
      termsVersion: '令和4年5月30日制定（令和4年8月24日改正）',
    });
    expect(settings.phones).toEqual({ 倉敷中央: '086-424-3333', 倉敷わかもの: '086-430-0705' });
  });

  it('telephone hours per 窓口: none invented for 倉敷中央, blank prints none, a missing row takes the shipped text', () => {
    const shipped = parseSettings(rows(COMPLETE));
    expect(shipped.settings.phoneHours).toEqual({
      倉敷中央: '',
      倉敷わかもの: '月～金 8:30～{受付終了時刻}、祝日・年末年始を除く',
    });
    const typed = parseSettings(
      rows({
        ...COMPLETE,
        [SETTING.hoursCentral]: '月～金　8:30～17:15',
        [SETTING.hoursWakamono]: '',
      }),
    );
    expect(typed.settings.phoneHours).toEqual({ 倉敷中央: '月～金 8:30～17:15', 倉敷わかもの: '' });
    expect(typed.problems).toEqual([]);
    const missing = parseSettings(rows(COMPLETE, [SETTING.hoursWakamono]));
    expect(missing.settings.phoneHours['倉敷わかもの']).toContain('8:30～{受付終了時刻}');
    expect(missing.problems).toEqual([
      expect.stringContaining(`設定「${SETTING.hoursWakamono}」の行がありません`),
    ]);
  });

  it('has no problems when every needed value is filled in', () => {
    expect(parseSettings(rows(COMPLETE)).problems).toEqual([]);
  });

  it('as shipped, says 倉敷中央 has no phone number and no alert address is set', () => {
    const { problems } = parseSettings(rows());
    expect(problems).toContain(
      `設定「${SETTING.phoneCentral}」（${rowOf(SETTING.phoneCentral)}行目）が空です。`,
    );
    expect(problems).toContain('倉敷中央の予約は、電話番号を入れるまで招待メールを送れません。');
    expect(problems).toContain(
      `設定「${SETTING.alertTo}」（${rowOf(SETTING.alertTo)}行目）が空です。`,
    );
  });

  it('a malformed number names the row and uses the default', () => {
    const { settings, problems } = parseSettings(rows({ ...COMPLETE, [SETTING.capacity]: '二人' }));
    expect(settings.capacity).toBe(1);
    expect(problems).toEqual([
      `設定「${SETTING.capacity}」（${rowOf(SETTING.capacity)}行目）の値「二人」は数値ではありません。既定値「1」を使います。`,
    ]);
  });

  it('a number out of range names the row and uses the default', () => {
    const { settings, problems } = parseSettings(
      rows({ ...COMPLETE, [SETTING.noShowMinutes]: '500' }),
    );
    expect(settings.noShowMinutes).toBe(10);
    expect(problems[0]).toContain(`（${rowOf(SETTING.noShowMinutes)}行目）`);
    expect(problems[0]).toContain('1～120の範囲');
  });

  it('numbers with units and full-width digits are read', () => {
    const { settings, problems } = parseSettings(
      rows({ ...COMPLETE, [SETTING.noShowMinutes]: '１５分', [SETTING.suspendThreshold]: '3回' }),
    );
    expect(problems).toEqual([]);
    expect(settings.noShowMinutes).toBe(15);
    expect(settings.suspendThreshold).toBe(3);
  });

  it('a missing row says so, suggests 初期設定 and uses the default', () => {
    const { settings, problems } = parseSettings(rows(COMPLETE, [SETTING.slots]));
    expect(settings.slots).toEqual([600, 660, 840, 900]);
    expect(problems).toEqual([
      `設定「${SETTING.slots}」の行がありません。既定値「10:00,11:00,14:00,15:00」を使います。「初期設定」を実行すると行が追加されます。`,
    ]);
  });

  it('slots in other spellings are read and sorted; unreadable ones fall back', () => {
    const ok = parseSettings(rows({ ...COMPLETE, [SETTING.slots]: '１５時、10:00, 午後2時' }));
    expect(ok.settings.slots).toEqual([600, 840, 900]);
    expect(ok.problems).toEqual([]);
    const bad = parseSettings(rows({ ...COMPLETE, [SETTING.slots]: '10:00, ひる' }));
    expect(bad.settings.slots).toEqual([600, 660, 840, 900]);
    expect(bad.problems[0]).toContain(`（${rowOf(SETTING.slots)}行目）`);
  });

  it('予約締切 reads 前日 and N日前, and refuses 当日', () => {
    expect(
      parseSettings(rows({ ...COMPLETE, [SETTING.deadline]: '2日前' })).settings.deadlineDays,
    ).toBe(2);
    const sameDay = parseSettings(rows({ ...COMPLETE, [SETTING.deadline]: '当日' }));
    expect(sameDay.settings.deadlineDays).toBe(1);
    expect(sameDay.problems[0]).toContain('当日は規約で認められていません');
  });

  it('yes/no settings accept はい/いいえ and checkboxes, and name the row otherwise', () => {
    expect(parseSettings(rows({ ...COMPLETE, [SETTING.autoSend]: 'はい' })).settings.autoSend).toBe(
      true,
    );
    expect(parseSettings(rows({ ...COMPLETE, [SETTING.autoSend]: true })).settings.autoSend).toBe(
      true,
    );
    const odd = parseSettings(rows({ ...COMPLETE, [SETTING.autoSend]: 'たぶん' }));
    expect(odd.settings.autoSend).toBe(false);
    expect(odd.problems[0]).toContain(`（${rowOf(SETTING.autoSend)}行目）`);
  });

  it('a bad e-mail address in 通知先メール is reported; good ones are kept', () => {
    const { settings, problems } = parseSettings(
      rows({ ...COMPLETE, [SETTING.alertTo]: 'staff@example.jp, 職員' }),
    );
    expect(settings.alertTo).toEqual(['staff@example.jp']);
    expect(problems[0]).toContain(`（${rowOf(SETTING.alertTo)}行目）`);
  });

  it('a key written twice uses the first and names both rows', () => {
    const twice = [...rows(COMPLETE), { key: SETTING.capacity, value: '3', rowNumber: 40 }];
    const { settings, problems } = parseSettings(twice);
    expect(settings.capacity).toBe(1);
    expect(problems).toEqual([
      `設定「${SETTING.capacity}」が${rowOf(SETTING.capacity)}行目と40行目にあります。${rowOf(SETTING.capacity)}行目の値を使います。不要な行を削除してください。`,
    ]);
  });

  it('keys match across width and spacing: 相談時間(分) is 相談時間（分）', () => {
    const all = rows(COMPLETE).map((r) =>
      r.key === SETTING.durationMinutes ? { ...r, key: ' 相談時間 (分)', value: '45' } : r,
    );
    expect(parseSettings(all).settings.durationMinutes).toBe(45);
  });

  it('an empty 設定 sheet gives every default and a problem per row', () => {
    const { settings, problems } = parseSettings([]);
    expect(settings.slots).toEqual(defaultSettings().slots);
    expect(settings.capacity).toBe(1);
    expect(problems.length).toBeGreaterThanOrEqual(SETTING_DEFAULTS.length);
    expect(problems.every((p) => p.includes('設定「') || p.includes('電話番号'))).toBe(true);
  });
});

describe('個人情報の保存年数', () => {
  const key = SETTING.retentionYears;
  it('is 3 as shipped and reads 5 or 5年', () => {
    expect(parseSettings(rows(COMPLETE)).settings.retentionYears).toBe(3);
    expect(parseSettings(rows({ ...COMPLETE, [key]: '5年' })).settings.retentionYears).toBe(5);
    expect(parseSettings(rows({ ...COMPLETE, [key]: 5 })).settings.retentionYears).toBe(5);
  });

  it('a malformed, blank or missing value is null (no guessed period), named by its row', () => {
    for (const value of ['三年', '0', '31', '', '1.5']) {
      const { settings, problems } = parseSettings(rows({ ...COMPLETE, [key]: value }));
      expect(settings.retentionYears, value).toBeNull();
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(
            `設定「${key}」（${rowOf(key)}行目）.*直すまで、この設定を使う処理は行いません。`,
          ),
        ),
      ]);
    }
    const missing = parseSettings(rows(COMPLETE, [key]));
    expect(missing.settings.retentionYears).toBeNull();
    expect(missing.problems).toEqual([expect.stringContaining(`設定「${key}」の行がありません`)]);
  });
});

describe('個人情報の自動消去', () => {
  it('is いいえ as shipped', () => {
    expect(parseSettings(rows(COMPLETE)).settings.autoErase).toBe(false);
    expect(
      parseSettings(rows({ ...COMPLETE, [SETTING.autoErase]: 'はい' })).settings.autoErase,
    ).toBe(true);
  });
});

describe('settingDefaultsFor (the rows 初期設定 makes sure 設定 has)', () => {
  it('is exactly SETTING_DEFAULTS for a new 設定 and for the shipped 窓口', () => {
    expect(settingDefaultsFor([])).toEqual([...SETTING_DEFAULTS]);
    expect(settingDefaultsFor(rows())).toEqual([...SETTING_DEFAULTS]);
  });

  it('has 電話番号・差出人名・受付時間 rows for each 窓口 listed, and none for the shipped ones', () => {
    const defaults = settingDefaultsFor(rows({ [SETTING.offices]: '本所, 分室A,分室B' }));
    const keys = defaults.map((d) => d.key);
    const perOffice = keys.filter((k) => /^(電話番号|差出人名|受付時間)（/.test(k));
    expect(perOffice).toEqual([
      '電話番号（本所）',
      '電話番号（分室A）',
      '電話番号（分室B）',
      '差出人名（本所）',
      '差出人名（分室A）',
      '差出人名（分室B）',
      '受付時間（本所）',
      '受付時間（分室A）',
      '受付時間（分室B）',
    ]);
    // Where the shipped per-窓口 block stands, right after 窓口.
    expect(keys.indexOf('電話番号（本所）')).toBe(keys.indexOf(SETTING.offices) + 1);
    const of = (key: string) => defaults.find((d) => d.key === key)!;
    expect(of('電話番号（分室A）').value).toBe('');
    expect(of('電話番号（分室A）').description).toContain(
      '空のままでは分室Aの招待メールを送れません',
    );
    expect(of('差出人名（分室B）').value).toBe('ハローワーク分室B');
    expect(of('受付時間（本所）').value).toBe('');
    // Everything else as shipped.
    const others = (list: readonly { key: string }[]) =>
      list.filter((d) => !/^(電話番号|差出人名|受付時間)（/.test(d.key));
    expect(others(defaults)).toEqual(others(SETTING_DEFAULTS));
  });

  it('keeps the shipped rows of a shipped 窓口 listed beside a new one', () => {
    const defaults = settingDefaultsFor(rows({ [SETTING.offices]: '倉敷わかもの,児島' }));
    const wakamono = SETTING_DEFAULTS.find((d) => d.key === SETTING.phoneWakamono);
    expect(defaults.find((d) => d.key === SETTING.phoneWakamono)).toEqual(wakamono);
    expect(defaults.some((d) => d.key === SETTING.phoneCentral)).toBe(false);
    expect(defaults.some((d) => d.key === '電話番号（児島）')).toBe(true);
  });

  it('a listed 窓口 without its phone cannot send, as 倉敷中央 as shipped', () => {
    const listed = rows({ ...COMPLETE, [SETTING.offices]: '本所' });
    const { settings, problems } = parseSettings(listed);
    expect(settings.phones['本所']).toBe('');
    expect(problems).toContain('本所の予約は、電話番号を入れるまで招待メールを送れません。');
  });
});
