// What staff really type, table by table. Time cells are built at an explicit Tokyo wall time
// (Japan has been on UTC+09:00 since 1888, so 1899-12-30 needs no LMT correction).
import { describe, expect, it } from 'vitest';
import {
  normalizeCount,
  normalizeDate,
  normalizeEmail,
  normalizeFlag,
  normalizeInstant,
  normalizeSeekerNo,
  normalizeStatus,
  normalizeText,
  normalizeTime,
  normalizeUrl,
  personKey,
  type Failure,
  type Result,
} from '../../src/core/normalize';
import type { LocalDate } from '../../src/core/time';

const TODAY = '2026-11-20' as LocalDate;

function value<T>(result: Result<T>): T | undefined {
  return result.ok ? result.value : undefined;
}
function failure<T>(result: Result<T>): Failure['kind'] | undefined {
  return result.ok ? undefined : result.failure.kind;
}

describe('求職番号: the dash zoo, widths and spaces', () => {
  const good: [unknown, string][] = [
    ['33010-12345678', '33010-12345678'],
    ['33010ー12345678', '33010-12345678'], // katakana long vowel mark
    ['33010‐12345678', '33010-12345678'], // U+2010 hyphen
    ['33010‑12345678', '33010-12345678'], // U+2011 non-breaking hyphen
    ['33010‒12345678', '33010-12345678'], // U+2012 figure dash
    ['33010–12345678', '33010-12345678'], // en dash
    ['33010—12345678', '33010-12345678'], // em dash
    ['33010―12345678', '33010-12345678'], // horizontal bar
    ['33010−12345678', '33010-12345678'], // minus sign
    ['33010一12345678', '33010-12345678'], // kanji one
    ['33010─12345678', '33010-12345678'], // box drawing
    ['33010－12345678', '33010-12345678'], // full-width hyphen-minus
    ['33010ｰ12345678', '33010-12345678'], // half-width katakana long mark
    ['３３０１０－１２３４５６７８', '33010-12345678'],
    [' 33010 - 1234 ', '33010-1234'],
    ['33010　－　1', '33010-1'],
    ['33010-00000001', '33010-00000001'],
  ];
  it.each(good)('%j → %s', (input, expected) => {
    expect(value(normalizeSeekerNo(input))).toBe(expected);
  });

  const bad: [unknown, Failure['kind']][] = [
    ['', 'missing'],
    [null, 'missing'],
    ['3301012345678', 'seekerNoHyphen'],
    [3301012345678, 'seekerNoHyphen'],
    ['33010-123456789', 'seekerNoFormat'],
    ['3301-12345678', 'seekerNoFormat'],
    ['33010-', 'seekerNoFormat'],
    ['33010--1234', 'seekerNoFormat'],
    ['ABCDE-1234', 'seekerNoFormat'],
    [new Date('2026-01-02T00:00:00+09:00'), 'dateInTextCell'],
  ];
  it.each(bad)('%j → %s', (input, kind) => {
    expect(failure(normalizeSeekerNo(input))).toBe(kind);
  });
});

describe('相談日', () => {
  const good: [unknown, string][] = [
    ['2026/12/1', '2026-12-01'],
    ['2026/12/01', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['2026.12.1', '2026-12-01'],
    ['2026年12月1日', '2026-12-01'],
    ['2026年12月1日(火)', '2026-12-01'],
    ['2026年12月1日（火曜日）', '2026-12-01'],
    ['2026/12/1 火曜日', '2026-12-01'],
    ['２０２６／１２／１', '2026-12-01'],
    ['令和8年12月1日', '2026-12-01'],
    ['令和８年１２月１日', '2026-12-01'],
    ['R8.12.1', '2026-12-01'],
    ['r8/12/1', '2026-12-01'],
    ['Ｒ８．１２．１', '2026-12-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H31.4.30', '2019-04-30'],
    ['20261201', '2026-12-01'],
    [20261201, '2026-12-01'],
    [46357, '2026-12-01'], // a Sheets serial day
    ['12/1', '2026-12-01'], // no year: the next 12/1 on or after today
    ['12月1日', '2026-12-01'],
    ['11/20', '2026-11-20'], // today itself
    ['11/19', '2027-11-19'], // already past this year: next year's
    ['1/5', '2027-01-05'],
    ['2/29', '2028-02-29'],
    [new Date('2026-12-01T00:00:00+09:00'), '2026-12-01'],
    [new Date('2026-11-30T15:00:00Z'), '2026-12-01'], // Tokyo midnight, whatever the host zone
  ];
  it.each(good)('%j → %s', (input, expected) => {
    expect(value(normalizeDate(input, TODAY))).toBe(expected);
  });

  const bad: [unknown, Failure['kind']][] = [
    ['', 'missing'],
    ['   ', 'missing'],
    ['2026/2/30', 'noSuchDay'],
    ['2026/13/1', 'noSuchDay'],
    ['R1.4.30', 'noSuchDay'], // 令和 began on 5月1日
    ['平成32年1月1日', 'noSuchDay'],
    ['2026/12/1(水)', 'weekdayMismatch'],
    ['あした', 'unreadable'],
    ['来週の火曜', 'unreadable'],
    ['10:00', 'unreadable'],
    [new Date(Number.NaN), 'unreadable'],
    [12, 'unreadable'],
  ];
  it.each(bad)('%j → %s', (input, kind) => {
    expect(failure(normalizeDate(input, TODAY))).toBe(kind);
  });

  it('can insist on a year (support periods)', () => {
    expect(failure(normalizeDate('12/1', TODAY, { yearRequired: true }))).toBe('noYear');
    expect(value(normalizeDate('2027/3/31', TODAY, { yearRequired: true }))).toBe('2027-03-31');
  });

  it('reports the real weekday when the written one is wrong', () => {
    const result = normalizeDate('12月1日(水)', TODAY);
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'weekdayMismatch', input: '12月1日(水)', day: '2026-12-01', written: '水' },
    });
  });
});

describe('開始時刻', () => {
  const cell = (hhmm: string) => new Date(`1899-12-30T${hhmm}:00+09:00`);
  const good: [unknown, number][] = [
    ['10:00', 600],
    ['10:00:00', 600],
    ['9:00', 540],
    ['１０時', 600],
    ['１０：００', 600],
    ['10時00分', 600],
    ['10時半', 630],
    ['14時', 840],
    ['午後2時', 840],
    ['午後３時', 900],
    ['午前10時', 600],
    ['2pm', 840],
    ['11 AM', 660],
    ['14:00～14:30', 840],
    ['①10:00～', 600],
    ['③14:00～', 840],
    ['15:00から', 900],
    [cell('10:00'), 600],
    [cell('14:00'), 840],
    [new Date('1899-12-30T14:59:59.998+09:00'), 900], // a serial a few ms short
    [new Date('2026-12-01T11:00:00+09:00'), 660], // a full date-time cell
    // Read to the minute, seconds dropped (as HH:mm shows them): 10:00:30 is 10:00, not 10:01.
    [new Date('1899-12-30T10:00:30+09:00'), 600],
    [new Date('1899-12-30T10:00:59.400+09:00'), 600],
    [new Date('1899-12-30T10:00:59.9995+09:00'), 601], // a serial a few ms short of 10:01
    ['10:00:30', 600],
    [(10 * 3600 + 30) / 86400, 600],
    [10 / 24, 600],
    [0.625, 900],
    [15, 900],
  ];
  it.each(good)('%j → %i minutes', (input, minutes) => {
    expect(value(normalizeTime(input))).toBe(minutes);
  });

  const bad: [unknown, Failure['kind']][] = [
    ['', 'missing'],
    ['25:00', 'noSuchTime'],
    ['10:75', 'noSuchTime'],
    ['午後13時', 'noSuchTime'],
    ['午後12時', 'ambiguousNoon'],
    ['午前12時', 'ambiguousNoon'],
    ['十時', 'unreadable'],
    ['朝いち', 'unreadable'],
    [new Date(Number.NaN), 'unreadable'],
    [25, 'unreadable'],
  ];
  it.each(bad)('%j → %s', (input, kind) => {
    expect(failure(normalizeTime(input))).toBe(kind);
  });
});

describe('メールアドレス', () => {
  const good: [unknown, string][] = [
    ['taro@example.com', 'taro@example.com'],
    [' taro@example.com ', 'taro@example.com'],
    ['Taro.Kurashiki@Example.CO.JP', 'Taro.Kurashiki@example.co.jp'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'taro@example.com'],
    ['taro+online@gmail.com', 'taro+online@gmail.com'],
    ['taro_k-1@docomo.ne.jp', 'taro_k-1@docomo.ne.jp'],
    ['taro@example.com\n', 'taro@example.com'], // a trailing line break is only padding
  ];
  it.each(good)('%j → %s', (input, expected) => {
    expect(value(normalizeEmail(input))).toBe(expected);
  });

  const bad: [unknown, Failure['kind']][] = [
    ['', 'missing'],
    ['taro@example.com\r\nBcc: x@example.net', 'emailLineBreak'],
    ['taro@example.com\nhanako@example.com', 'emailLineBreak'],
    ['taro@example.com,hanako@example.com', 'emailSeveral'],
    ['taro@example.com、hanako@example.com', 'emailSeveral'],
    ['taro@example.com; hanako@example.com', 'emailSeveral'],
    ['taro @example.com', 'emailSpace'],
    ['taro@example.com　hanako@example.com', 'emailSpace'],
    ['倉敷太郎 <taro@example.com>', 'emailSpace'],
    ['taro.example.com', 'emailNoAt'],
    ['太郎@example.com', 'emailNonAscii'],
    ['taro..k@docomo.ne.jp', 'emailLocalPart'],
    ['.taro@docomo.ne.jp', 'emailLocalPart'],
    ['taro.@docomo.ne.jp', 'emailLocalPart'],
    ['taro@localhost', 'emailDomain'],
    ['taro@example..com', 'emailDomain'],
    ['taro@-example.com', 'emailDomain'],
    [`${'a'.repeat(250)}@example.com`, 'emailTooLong'],
  ];
  it.each(bad)('%j → %s', (input, kind) => {
    expect(failure(normalizeEmail(input))).toBe(kind);
  });
});

describe('会議URL', () => {
  it.each([
    ['https://teleoffice.example.jp/join/abc123', true],
    [' https://teleoffice.example.jp/join/abc123?pw=1&lang=ja ', true],
    ['ｈｔｔｐｓ：／／teleoffice.example.jp/x', true],
  ])('%j is accepted', (input) => {
    expect(normalizeUrl(input).ok).toBe(true);
  });
  it.each([
    ['', 'missing'],
    ['http://teleoffice.example.jp/x', 'urlNotHttps'],
    ['https://a.example.jp/1 https://b.example.jp/2', 'urlSeveral'],
    ['https://a.example.jp/1https://b.example.jp/2', 'urlSeveral'],
    ['javascript:alert(1)', 'urlFormat'],
    ['teleoffice.example.jp/x', 'urlFormat'],
  ] as const)('%j → %s', (input, kind) => {
    expect(failure(normalizeUrl(input))).toBe(kind);
  });
});

describe('状態, checkboxes, counts, text', () => {
  it.each([
    ['', '受付'],
    ['受付', '受付'],
    [' 確定 ', '確定'],
    ['ｷｬﾝｾﾙ', 'キャンセル'],
    ['無断キャンセル', '無断キャンセル'],
  ])('状態 %j → %s', (input, expected) => {
    expect(value(normalizeStatus(input))).toBe(expected);
  });
  it('an unknown 状態 word is a failure', () => {
    expect(failure(normalizeStatus('保留'))).toBe('unknownStatus');
  });

  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['はい', true],
    ['○', true],
    ['', false],
    ['いいえ', false],
    [1, true],
    [0, false],
  ])('参加 %j → %s', (input, expected) => {
    expect(normalizeFlag(input)).toBe(expected);
  });

  it.each([
    ['', 0],
    [3, 3],
    ['2回', 2],
    ['２', 2],
  ])('count %j → %i', (input, expected) => {
    expect(value(normalizeCount(input))).toBe(expected);
  });
  it('a count that is not a number is a failure', () => {
    expect(failure(normalizeCount('たくさん'))).toBe('notACount');
  });

  it('text is NFKC and trimmed; a name key ignores spaces and widths', () => {
    expect(normalizeText('　ｸﾗｼｷ　ﾀﾛｳ　')).toBe('クラシキ タロウ');
    expect(personKey('倉敷　太郎')).toBe(personKey('倉敷太郎'));
    expect(personKey(' 倉敷 太郎 ')).toBe('倉敷太郎');
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(Number.NaN)).toBe('');
  });

  it('受付日時 reads Date cells and yyyy/MM/dd HH:mm text as Tokyo time', () => {
    expect(normalizeInstant('2026/11/19 10:05')?.toISOString()).toBe('2026-11-19T01:05:00.000Z');
    const cell = new Date('2026-11-19T10:05:00+09:00');
    expect(normalizeInstant(cell)).toBe(cell);
    expect(normalizeInstant('きのう')).toBeNull();
  });
});
