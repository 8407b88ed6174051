import { describe, expect, it } from 'vitest';
import {
  checkBookings,
  countNoShows,
  normalizeBooking,
  parseClosedDays,
  parseRoster,
} from '../../src/core/check';
import { BOOKING, CHECK_OK, ERROR_PREFIX, STATUS, WARNING_PREFIX } from '../../src/core/schema';
import type { LocalDate } from '../../src/core/time';
import { checkOne, context, OTHER_SEEKER, ROSTER_ROWS, row, SEEKER, TODAY } from './checkFixtures';

const day = (text: string) => text as LocalDate;

/** The single error of a result whose other fields are clean. */
function onlyError(result: ReturnType<typeof checkOne>): string {
  expect(result.errors).toHaveLength(1);
  return result.errors[0] ?? '';
}

describe('a clean row', () => {
  it('is OK, with no errors or warnings', () => {
    const result = checkOne();
    expect(result.text).toBe(CHECK_OK);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('is normalised: dash zoo, full-width digits, 和暦 date, 時 time, NFKC email', () => {
    const result = checkOne({
      seekerNo: '３３０１０ー１２３４５６７８',
      date: '令和８年１２月１日',
      start: '１０時',
      email: 'ｔａｒｏ．ｋｕｒａｓｈｉｋｉ＠ｅｘａｍｐｌｅ．ｃｏｍ',
      office: ' 倉敷中央 ',
    });
    expect(result.text).toBe(CHECK_OK);
    expect(result.booking).toMatchObject({
      seekerNo: SEEKER,
      date: '2026-12-01',
      start: 600,
      email: 'taro.kurashiki@example.com',
      office: '倉敷中央',
      status: STATUS.taken,
    });
  });

  it('accepts Date cells for 相談日 and 1899-12-30 time cells for 開始時刻', () => {
    const result = checkOne({
      date: new Date('2026-12-01T00:00:00+09:00'),
      start: new Date('1899-12-30T14:00:00+09:00'),
    });
    expect(result.text).toBe(CHECK_OK);
    expect(result.booking.start).toBe(14 * 60);
  });

  it('gives an empty row an empty result', () => {
    const [result] = checkBookings([{ rowNumber: 5, values: {} }], context());
    expect(result?.text).toBe('');
    expect(result?.errors).toEqual([]);
    const [withId] = checkBookings(
      [{ rowNumber: 6, values: { id: 'Y000009', joined: false, checkResult: 'OK', note: '' } }],
      context(),
    );
    expect(withId?.text).toBe('');
  });

  it('starts with the count, then errors before warnings, one message a line, each with its prefix', () => {
    const result = checkOne({ start: '13:00', name: '倉敷花子' });
    const [summary, ...lines] = result.text.split('\n');
    expect(summary).toBe(`エラー${result.errors.length}件・注意${result.warnings.length}件`);
    expect(lines).toEqual([...result.errors, ...result.warnings]);
    expect(result.errors.every((e) => e.startsWith(ERROR_PREFIX))).toBe(true);
    expect(result.warnings.every((w) => w.startsWith(WARNING_PREFIX))).toBe(true);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});

describe('required fields (R4)', () => {
  const required = [
    ['name', BOOKING.name],
    ['seekerNo', BOOKING.seekerNo],
    ['email', BOOKING.email],
    ['date', BOOKING.date],
    ['start', BOOKING.start],
    ['office', BOOKING.office],
    ['meetingUrl', BOOKING.meetingUrl],
  ] as const;

  it.each(required)('a blank %s is an error naming 「%s」', (field, header) => {
    const message = onlyError(checkOne({ [field]: '   ' }));
    expect(message).toMatch(new RegExp(`^${ERROR_PREFIX} 「${header}」が空です。`));
    expect(message).toMatch(/ください。$/);
  });

  it('a missing column reads as blank', () => {
    const values = row().values;
    delete values.meetingUrl;
    const [result] = checkBookings([{ rowNumber: 2, values }], context());
    expect(result?.errors).toEqual([expect.stringContaining(`「${BOOKING.meetingUrl}」が空です`)]);
  });

  it('担当者 is not required', () => {
    expect(checkOne({ officer: '' }).text).toBe(CHECK_OK);
  });
});

describe('求職番号', () => {
  it('a malformed number gets the example and the fix', () => {
    expect(onlyError(checkOne({ seekerNo: '3301-1234' }))).toBe(
      'エラー: 「求職番号」の形が正しくありません（例: 33010-12345678）。ハイフンの前は5桁、後は1～8桁の数字で入力してください。',
    );
  });

  it('a number without its hyphen says where the hyphen goes', () => {
    expect(onlyError(checkOne({ seekerNo: '3301012345678' }))).toContain('ハイフンがありません');
  });

  it('a number Sheets turned into a date asks for a plain-text cell', () => {
    const message = onlyError(checkOne({ seekerNo: new Date('2026-01-02T00:00:00+09:00') }));
    expect(message).toContain('書式なしテキスト');
  });

  it('does not echo the typed number back', () => {
    expect(onlyError(checkOne({ seekerNo: '33010-123456789' }))).not.toContain('123456789');
  });
});

describe('eligibility (R3)', () => {
  it('a job seeker not in 対象者 is an error', () => {
    const message = onlyError(checkOne({ seekerNo: '33010-11111111' }));
    expect(message).toContain('「求職番号」が対象者シートにありません');
    // Never "register them": confirm 個別支援 with the 担当者, and what to tell an ineligible caller.
    expect(message).not.toContain('対象者シートに登録してください');
    expect(message).toContain('個別支援を受けているかを担当者に確認してください');
    expect(message).toMatch(/対象でない方には「.+」とお伝え/);
  });

  it('利用停止 is an error naming the roster row', () => {
    const roster = ROSTER_ROWS.map((r) =>
      r.values.seekerNo === SEEKER ? { ...r, values: { ...r.values, suspended: true } } : r,
    );
    const message = onlyError(checkOne({}, context({ roster })));
    expect(message).toContain('「利用停止」');
    expect(message).toContain('2行目');
  });

  it('a day before 支援開始日 is an error', () => {
    const roster = ROSTER_ROWS.map((r) =>
      r.values.seekerNo === SEEKER
        ? { ...r, values: { ...r.values, supportStart: '2026/12/2' } }
        : r,
    );
    const message = onlyError(checkOne({}, context({ roster })));
    expect(message).toContain('支援開始日（2026年12月2日(水)');
  });

  it('a day after 支援終了日 is an error; the last day itself is fine', () => {
    const roster = ROSTER_ROWS.map((r) =>
      r.values.seekerNo === SEEKER
        ? { ...r, values: { ...r.values, supportEnd: '2026/11/30' } }
        : r,
    );
    expect(onlyError(checkOne({}, context({ roster })))).toContain(
      '支援終了日（2026年11月30日(月)',
    );
    const lastDay = ROSTER_ROWS.map((r) =>
      r.values.seekerNo === SEEKER ? { ...r, values: { ...r.values, supportEnd: '2026/12/1' } } : r,
    );
    expect(checkOne({}, context({ roster: lastDay })).text).toBe(CHECK_OK);
  });
});

describe('business days (R2)', () => {
  it('a Saturday says 土曜日', () => {
    expect(onlyError(checkOne({ date: '2026/12/5' }))).toBe(
      'エラー: 「相談日」の12月5日(土)は土曜日で、相談を行っていません。平日（月～金）の日付にしてください。',
    );
  });

  it('a Sunday says 日曜日', () => {
    expect(onlyError(checkOne({ date: '2026/12/6' }))).toContain('日曜日');
  });

  it('a national holiday says 祝日 and its name', () => {
    expect(onlyError(checkOne({ date: '2027/2/11' }))).toContain('祝日（建国記念の日）');
    expect(onlyError(checkOne({ date: '2027/3/22' }))).toContain('祝日（振替休日）');
  });

  it('12/29–1/3 says 年末年始', () => {
    for (const date of ['2026/12/29', '2026/12/30', '2026/12/31']) {
      expect(onlyError(checkOne({ date })), date).toContain('年末年始（12月29日～1月3日）');
    }
    expect(checkOne({ date: '2027/1/4' }).text).toBe(CHECK_OK);
  });

  it('a 休業日 gives its reason, for its 窓口 only', () => {
    const { closedDays } = parseClosedDays(
      [{ rowNumber: 2, values: { date: '2026/12/1', office: '倉敷中央', reason: '所内研修' } }],
      day(TODAY),
    );
    const ctx = context({ closedDays });
    expect(onlyError(checkOne({}, ctx))).toContain('倉敷中央の休業日（所内研修）');
    const otherOffice = checkOne({ office: '倉敷わかもの' }, ctx);
    expect(otherOffice.errors).toEqual([]);
  });

  it('a 休業日 with 窓口 blank closes both', () => {
    const { closedDays } = parseClosedDays(
      [{ rowNumber: 2, values: { date: '2026/12/1', office: '', reason: '停電' } }],
      day(TODAY),
    );
    const ctx = context({ closedDays });
    expect(onlyError(checkOne({}, ctx))).toContain('休業日（停電）');
    expect(onlyError(checkOne({ office: '倉敷わかもの' }, ctx))).toContain('休業日（停電）');
  });
});

describe('slot, 窓口 and status', () => {
  it('a start time that is not a slot lists the slots', () => {
    expect(onlyError(checkOne({ start: '13:00' }))).toBe(
      'エラー: 「開始時刻」の13:00は予約枠ではありません。10:00、11:00、14:00、15:00のいずれかにしてください。',
    );
    expect(onlyError(checkOne({ start: '10:30' }))).toContain('10:30は予約枠ではありません');
  });

  it('午後2時 and 14時 are the 14:00 slot', () => {
    expect(checkOne({ start: '午後2時' }).text).toBe(CHECK_OK);
    expect(checkOne({ start: '14時' }).text).toBe(CHECK_OK);
  });

  it('an unreadable time is an error', () => {
    expect(onlyError(checkOne({ start: 'あさ' }))).toContain('「開始時刻」');
    expect(onlyError(checkOne({ start: '午後12時' }))).toContain('24時間表記');
  });

  it('a 窓口 not in 設定 lists the offices', () => {
    const message = onlyError(checkOne({ office: '岡山' }));
    expect(message).toContain('「窓口」の「岡山」は設定にない窓口です');
    expect(message).toContain('「倉敷中央」か「倉敷わかもの」');
  });

  it('an unknown 状態 word lists the words', () => {
    const message = onlyError(checkOne({ status: '保留' }));
    expect(message).toContain('「状態」の「保留」は使えない言葉です');
    expect(message).toContain('受付・確定・実施・キャンセル・無断キャンセル');
  });
});

describe('deadline (R5)', () => {
  it('today, while still 受付, is an error', () => {
    expect(onlyError(checkOne({ date: '2026/11/20' }))).toContain('「相談日」が今日です');
  });

  it('a past day, while still 受付, is an error', () => {
    const message = onlyError(checkOne({ date: '2026/11/19' }));
    expect(message).toContain('過ぎています');
    expect(message).toContain('キャンセル');
  });

  it('tomorrow is fine with 前日, too near with 2日前', () => {
    const tuesday = new Date('2026-11-24T12:00:00+09:00');
    const tomorrow = { date: '2026/11/25', takenAt: '' };
    expect(checkOne(tomorrow, context({ now: tuesday })).text).toBe(CHECK_OK);
    const twoDays = context({ now: tuesday, settings: { deadlineDays: 2 } });
    const message = onlyError(checkOne(tomorrow, twoDays));
    expect(message).toContain('2日前までに招待メールで確定する決まり');
    expect(message).toContain('11月26日(木)以降');
    expect(checkOne({ ...tomorrow, date: '2026/11/26' }, twoDays).text).toBe(CHECK_OK);
  });

  it('finished rows (実施/キャンセル/無断キャンセル) keep no rule errors and are marked finished', () => {
    for (const status of [STATUS.held, STATUS.cancelled, STATUS.noShow]) {
      // 12/30 is 年末年始, the 求職番号 is not in 対象者, the URL is not https: all stale now.
      const result = checkOne({
        date: '2026/12/30',
        status,
        seekerNo: '33010-99999999',
        meetingUrl: 'http://x.example.jp',
      });
      expect(result.text, status).toBe(CHECK_OK);
      expect(result.finished, status).toBe(true);
    }
    const taken = checkOne({ date: '2026/12/30', seekerNo: '33010-99999999' });
    expect(taken.finished).toBe(false);
    expect(taken.errors.length).toBeGreaterThanOrEqual(2);
  });

  it('a finished row still shows a 予約ID on two rows (the script cannot tell them apart)', () => {
    const results = checkBookings(
      [
        row({ id: 'Y000001' }, 2),
        row({ id: 'Y000001', status: STATUS.cancelled, start: '11:00' }, 3),
      ],
      context(),
    );
    expect(results[1]?.errors.join('\n')).toContain('2行目 と同じです');
  });

  it('rows already 確定/実施/キャンセル/無断キャンセル are not told the date is past', () => {
    for (const status of [STATUS.held, STATUS.cancelled, STATUS.noShow]) {
      const result = checkOne({ date: '2026/11/19', status, invitedAt: '2026/11/18 10:00' });
      expect(result.text, status).toBe(CHECK_OK);
    }
    // 確定 is not told either; it is warned that the runs may have stopped (checkStopped.test.ts).
    const confirmed = checkOne({
      date: '2026/11/19',
      status: STATUS.confirmed,
      invitedAt: '2026/11/18 10:00',
    });
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.warnings).toEqual([expect.stringContaining('自動処理が止まっている可能性')]);
  });

  it('a year-less date keeps meaning the day after the booking was taken', () => {
    const later = context({ now: new Date('2026-12-02T09:00:00+09:00') });
    const result = checkOne({ date: '12/1', status: STATUS.held }, later);
    expect(result.booking.date).toBe('2026-12-01');
  });

  it('a date more than a year ahead is a warning about the year', () => {
    const result = checkOne({ date: '2028/12/1' });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.stringContaining('年の入力を確かめて')]);
  });
});

describe('capacity and clashes', () => {
  it('a second booking in a full slot names the first by 予約ID only', () => {
    const first = row({}, 2);
    const second = row(
      {
        id: 'Y000002',
        seekerNo: OTHER_SEEKER,
        name: '水島 花子',
        email: 'hanako@example.com',
        officer: '佐藤 次郎',
        takenAt: new Date('2026-11-19T11:00:00+09:00'),
      },
      3,
    );
    const results = checkBookings([first, second], context());
    expect(results[0]?.errors).toEqual([]);
    const message = results[1]?.errors[0] ?? '';
    expect(results[1]?.errors).toHaveLength(1);
    expect(message).toContain('定員1件に達しています（予約ID Y000001）');
    for (const personal of ['倉敷 太郎', '太郎', SEEKER, 'taro.kurashiki']) {
      expect(message).not.toContain(personal);
    }
  });

  it('a confirmed booking keeps the slot even if taken later', () => {
    const taken = row({}, 2);
    const confirmed = row(
      {
        id: 'Y000007',
        seekerNo: OTHER_SEEKER,
        name: '水島 花子',
        officer: '佐藤 次郎',
        status: STATUS.confirmed,
        takenAt: new Date('2026-11-19T15:00:00+09:00'),
      },
      3,
    );
    const results = checkBookings([taken, confirmed], context());
    expect(results[0]?.errors[0]).toContain('予約ID Y000007');
    expect(results[1]?.errors).toEqual([]);
  });

  it('cancelled bookings and the other 窓口 do not take the slot', () => {
    const other = {
      id: 'Y000002',
      seekerNo: OTHER_SEEKER,
      name: '水島 花子',
      officer: '佐藤 次郎',
    };
    for (const status of [STATUS.cancelled, STATUS.noShow]) {
      const results = checkBookings([row({ ...other, status }, 3), row({}, 2)], context());
      expect(results[1]?.text, status).toBe(CHECK_OK);
    }
    const results = checkBookings(
      [row({ ...other, office: '倉敷わかもの' }, 3), row({}, 2)],
      context(),
    );
    expect(results.map((r) => r.errors)).toEqual([[], []]);
  });

  it('各枠の定員 2 takes two', () => {
    const ctx = context({ settings: { capacity: 2 } });
    const rows = [
      row({}, 2),
      row({ id: 'Y000002', seekerNo: OTHER_SEEKER, name: '水島 花子', officer: '佐藤' }, 3),
    ];
    expect(checkBookings(rows, ctx).map((r) => r.errors)).toEqual([[], []]);
  });

  it('the same 担当者 twice at one time is an error (across 窓口)', () => {
    const rows = [
      row({}, 2),
      row({ id: 'Y000002', seekerNo: OTHER_SEEKER, name: '水島 花子', office: '倉敷わかもの' }, 3),
    ];
    const results = checkBookings(rows, context());
    expect(results[0]?.errors).toEqual([]);
    expect(results[1]?.errors).toEqual([
      'エラー: 「担当者」が同じ時刻の別の予約（予約ID Y000001）も担当しています。「担当者」か時刻を変えてください。',
    ]);
    // officer names compare without spaces and width differences
    const spaced = checkBookings(
      [rows[0]!, row({ ...rows[1]!.values, officer: '山田　花子' }, 3)],
      context(),
    );
    expect(spaced[1]?.errors).toHaveLength(1);
  });

  it('the same job seeker twice at one time is an error', () => {
    const rows = [
      row({}, 2),
      row({ id: 'Y000002', office: '倉敷わかもの', officer: '佐藤 次郎' }, 3),
    ];
    const results = checkBookings(rows, context());
    expect(results[0]?.errors).toEqual([]);
    expect(results[1]?.errors).toEqual([
      expect.stringContaining('同じ時刻にもあります（予約ID Y000001）'),
    ]);
  });

  it('a booking without an ID yet is named by its row', () => {
    const rows = [row({ id: '' }, 7), row({ id: '', office: '倉敷わかもの', officer: '佐藤' }, 8)];
    expect(checkBookings(rows, context())[1]?.errors[0]).toContain('（7行目）');
  });
});

describe('e-mail and URL', () => {
  it.each([
    ['taro@example.com\r\nbcc@example.net', '改行'],
    ['taro@example.com,hanako@example.com', 'カンマ'],
    ['taro@example.com hanako@example.com', '空白'],
    ['倉敷 太郎 <taro@example.com>', '空白'],
    ['taro.example.com', '「@」がありません'],
    ['taro..k@docomo.ne.jp', '「@」より前'],
    ['taro@example', 'ドメイン'],
  ])('%j is an error mentioning %s', (email, what) => {
    const message = onlyError(checkOne({ email }));
    expect(message).toContain('「メールアドレス」');
    expect(message).toContain(what);
  });

  it('a URL that is not https is an error', () => {
    expect(onlyError(checkOne({ meetingUrl: 'http://teleoffice.example.jp/x' }))).toContain(
      '「https://」で始まっていません',
    );
    expect(onlyError(checkOne({ meetingUrl: 'teleoffice の URL' }))).toContain('「会議URL」');
    expect(
      onlyError(checkOne({ meetingUrl: 'https://a.example.jp/1 https://b.example.jp/2' })),
    ).toContain('複数のURL');
  });
});

describe('warnings', () => {
  it('a 氏名 unlike the roster is a warning; spacing and width are not', () => {
    // The roster's 氏名 is shown, so staff see at once what to compare (issue 16 §6).
    expect(checkOne({ name: 'ｸﾗｼｷ 太郎' }).warnings).toEqual([
      expect.stringMatching(/「氏名」が対象者シート（2行目）の氏名「倉敷.太郎」と違います/),
    ]);
    expect(checkOne({ name: '倉敷太郎' }).text).toBe(CHECK_OK);
    expect(checkOne({ name: ' 倉敷　太郎 ' }).text).toBe(CHECK_OK);
  });

  it('no-shows at or over 利用停止の目安 are a warning', () => {
    const at = context({ noShowCounts: new Map([[SEEKER, 2]]) });
    const result = checkOne({}, at);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringContaining('無断キャンセルが2回あります（目安2回）'),
    ]);
    const below = context({ noShowCounts: new Map([[SEEKER, 1]]) });
    expect(checkOne({}, below).text).toBe(CHECK_OK);
  });

  it('another upcoming booking of the same person is a warning naming it', () => {
    const rows = [
      row({}, 2),
      row({ id: 'Y000002', date: '2026/12/3', status: STATUS.confirmed }, 3),
      row({ id: 'Y000003', date: '2026/11/10', status: STATUS.held }, 4),
    ];
    const results = checkBookings(rows, context());
    expect(results[0]?.warnings).toEqual([
      expect.stringContaining('別の予約もあります（予約ID Y000002：12月3日(木) 10:00）'),
    ]);
    expect(results[1]?.text).toBe(CHECK_OK);
    expect(results[2]?.text).toBe(CHECK_OK);
  });

  it.each([
    'docomo.ne.jp',
    'ezweb.ne.jp',
    'au.com',
    'softbank.ne.jp',
    'i.softbank.jp',
    'ymobile.ne.jp',
  ])('a %s address is a warning about receive filters', (domain) => {
    const result = checkOne({ email: `taro@${domain}` });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain(`携帯電話会社のアドレス（${domain}）`);
    expect(result.warnings[0]).toContain('受信設定');
  });

  it.each([
    ['gmail.con', 'gmail.com'],
    ['gmial.com', 'gmail.com'],
    ['gmai.com', 'gmail.com'],
    ['yahoo.co.jpp', 'yahoo.co.jp'],
    ['icloud.con', 'icloud.com'],
    ['docomo.ne.jpp', 'docomo.ne.jp'],
    ['hotmial.com', 'hotmail.com'],
    ['outlook.cmo', 'outlook.com'],
  ])('%s is an error suggesting %s (never sent: issue 16 §4)', (typo, right) => {
    const result = checkOne({ email: `taro@${typo}` });
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^エラー: 「メールアドレス」のドメイン「${typo}」は「${right}」の打ち間違い`),
      ),
    ]);
    expect(result.errors[0]).toContain('送信しません');
    expect(result.warnings.filter((w) => w.includes(typo))).toEqual([]);
  });

  it('a typo domain stays an error on a 確定 row (a resend to it would not arrive either)', () => {
    const confirmed = checkOne({
      email: 'taro@gmail.con',
      status: STATUS.confirmed,
      invitedAt: '2026/11/19 10:00',
    });
    expect(confirmed.errors).toEqual([expect.stringContaining('「gmail.con」')]);
  });

  it.each(['gmail.com', 'yahoo.co.jp', 'email.com', 'example.co.jp', 'city.kurashiki.okayama.jp'])(
    '%s gives no typo warning',
    (domain) => {
      expect(checkOne({ email: `taro@${domain}` }).text).toBe(CHECK_OK);
    },
  );
});

describe('normalizeBooking and countNoShows', () => {
  it('reads 送信中 and the send time', () => {
    const sending = normalizeBooking(row({ invitedAt: '送信中 2026/11/20 09:10' }), day(TODAY));
    expect(sending.sending).toBe(true);
    expect(sending.invitedAt).toBeNull();
    expect(sending.sendingSince?.toISOString()).toBe('2026-11-20T00:10:00.000Z');
    const sent = normalizeBooking(
      row({ invitedAt: new Date('2026-11-19T10:30:00+09:00') }),
      day(TODAY),
    );
    expect(sent.sending).toBe(false);
    expect(sent.invitedAt?.toISOString()).toBe('2026-11-19T01:30:00.000Z');
    expect(sent.invitationMarked).toBe(true);
    expect(normalizeBooking(row(), day(TODAY)).invitationMarked).toBe(false);
  });

  it('refuses a 氏名 that is a spreadsheet error value, and a 会議URL the mail could not link', () => {
    expect(onlyError(checkOne({ name: '#REF!' }))).toContain('「氏名」が #REF! になっています');
    const injected = 'https://teleoffice.example.jp/m?"><script>alert(1)</script>';
    expect(checkOne({ meetingUrl: injected }).errors.join('\n')).toContain('「会議URL」');
  });

  it('a row holding only a time cell (1899-12-30 10:00) is a booking missing its fields, not empty', () => {
    const onlyTime = {
      rowNumber: 2,
      values: { start: new Date('1899-12-30T10:00:00+09:00') },
    };
    const [result] = checkBookings([onlyTime], context());
    expect(result!.errors.join('\n')).toContain('「氏名」');
  });

  it('reads 送信失敗 with its time and reason, and the check says so as an error', () => {
    const refused = row({ invitedAt: '送信失敗 2026/11/20 09:10（宛先がありません）' });
    const b = normalizeBooking(refused, day(TODAY));
    expect(b.sendFailure?.reason).toBe('宛先がありません');
    expect(b.sendFailure?.at?.toISOString()).toBe('2026-11-20T00:10:00.000Z');
    expect(b.invitationMarked).toBe(true);
    expect(b.sending).toBe(false);
    const message = onlyError(
      checkOne({ invitedAt: '送信失敗 2026/11/20 09:10（宛先がありません）' }),
    );
    expect(message).toContain('宛先がありません');
    expect(message).toContain('「メールアドレス」');
    expect(normalizeBooking(row(), day(TODAY)).sendFailure).toBeNull();
  });

  it('blank 状態 is 受付 and a ticked 参加 reads true', () => {
    const b = normalizeBooking(row({ status: '', joined: true }), day(TODAY));
    expect(b.status).toBe(STATUS.taken);
    expect(b.joined).toBe(true);
  });

  it('counts 無断キャンセル per 求職番号, whatever dash was typed', () => {
    const bookings = [
      row({ status: STATUS.noShow, seekerNo: '33010ー12345678' }),
      row({ status: STATUS.noShow, seekerNo: SEEKER }),
      row({ status: STATUS.cancelled, seekerNo: SEEKER }),
      row({ status: STATUS.noShow, seekerNo: OTHER_SEEKER }),
      row({ status: STATUS.noShow, seekerNo: 'bad' }),
    ].map((r) => normalizeBooking(r, day(TODAY)));
    expect(countNoShows(bookings)).toEqual(
      new Map([
        [SEEKER, 2],
        [OTHER_SEEKER, 1],
      ]),
    );
  });
});

describe('parseRoster', () => {
  it('reports duplicates and malformed numbers by row, and skips blank rows', () => {
    const { entries, problems } = parseRoster([
      ...ROSTER_ROWS,
      { rowNumber: 4, values: { seekerNo: '33010ー12345678', name: '倉敷 太郎' } },
      { rowNumber: 5, values: { seekerNo: '123-45', name: '児島 三郎' } },
      { rowNumber: 6, values: { seekerNo: '', name: '', suspended: false } },
      { rowNumber: 7, values: { seekerNo: '', name: '玉島 四郎' } },
      {
        rowNumber: 8,
        values: { seekerNo: '33010-5', supportStart: '4/1', supportEnd: '2026/2/30' },
      },
    ]);
    expect(entries.map((e) => e.rowNumber)).toEqual([2, 3, 4, 8]);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^対象者シート4行目: 「求職番号」が2行目と同じです/);
    expect(problems[1]).toMatch(/^対象者シート5行目: 「求職番号」の形が正しくありません/);
    expect(problems[2]).toMatch(/^対象者シート7行目: 「求職番号」が空です/);
    expect(problems[3]).toMatch(/^対象者シート8行目: 「支援開始日」に年がありません/);
    expect(problems[4]).toMatch(
      /^対象者シート8行目: 「支援終了日」の「2026\/2\/30」はカレンダーにない日付/,
    );
    expect(entries[0]).toMatchObject({
      supportStart: '2026-04-01',
      supportEnd: null,
      suspended: false,
    });
  });
});

describe('parseClosedDays', () => {
  it('reads dates, both-office words and reports unreadable rows', () => {
    const { closedDays, problems } = parseClosedDays(
      [
        { rowNumber: 2, values: { date: '2026/12/25', office: '倉敷わかもの', reason: '棚卸し' } },
        { rowNumber: 3, values: { date: '12/28', office: '両方', reason: '大掃除' } },
        { rowNumber: 4, values: { date: 'いつか', office: '', reason: '未定' } },
        { rowNumber: 5, values: { date: '', office: '', reason: '' } },
        { rowNumber: 6, values: { date: new Date('2027-01-04T00:00:00+09:00') } },
      ],
      day(TODAY),
      ['倉敷中央', '倉敷わかもの'],
    );
    expect(closedDays).toEqual([
      { date: '2026-12-25', office: '倉敷わかもの', reason: '棚卸し' },
      { date: '2026-12-28', office: null, reason: '大掃除' },
      { date: '2027-01-04', office: null, reason: '' },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^休業日シート4行目: 「日付」の「いつか」を日付として読めません/),
    ]);
  });

  it('reports an unknown 窓口 when the offices are given', () => {
    const { problems } = parseClosedDays(
      [{ rowNumber: 9, values: { date: '2026/12/25', office: '岡山', reason: '' } }],
      day(TODAY),
      ['倉敷中央', '倉敷わかもの'],
    );
    expect(problems).toEqual([
      expect.stringContaining('休業日シート9行目: 「窓口」の「岡山」は設定にない窓口です'),
    ]);
  });
});

describe('scale', () => {
  it('checks 50,000 rows in linear time (capacity and clashes are indexed, not compared pairwise)', () => {
    const offices = ['倉敷中央', '倉敷わかもの'];
    const slots = ['10:00', '11:00', '14:00', '15:00'];
    const statuses = [STATUS.held, STATUS.cancelled, STATUS.noShow, STATUS.confirmed, '', ''];
    const rows = Array.from({ length: 50_000 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 8)));
      return row(
        {
          id: `Y${String(i + 1).padStart(6, '0')}`,
          seekerNo: `33010-${String(i % 20_000).padStart(5, '0')}`,
          name: `利用者${i % 20_000}`,
          email: `user${i}@example.com`,
          date: `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
          start: slots[i % 4],
          office: offices[(i >> 2) % 2],
          officer: `担当${i % 40}`,
          status: statuses[i % 6],
        },
        i + 2,
      );
    });
    const results = checkBookings(rows, context());
    expect(results).toHaveLength(rows.length);
    // Nobody is in the roster: every live row has an error; finished rows are not checked.
    expect(results.every((r) => r.finished || r.errors.length > 0)).toBe(true);
    expect(results.filter((r) => r.finished)).toHaveLength(rows.filter((_, i) => i % 6 < 3).length);
    // No stopwatch here (a loaded CI machine made one flaky): pairwise comparison of 50,000 rows
    // would run into the test timeout, and the CPU figure itself is measured by `npm run bench`.
  });
});

describe('予約ID (issue 13, findings 5 and 6)', () => {
  it('an id not of the script’s form is an error that does not repeat it and says to clear it', () => {
    for (const typed of ['33010-00000001', 'ichiro@example.jp', 'Y12', 'y000001']) {
      const result = checkOne({ id: typed });
      const message = onlyError(result);
      expect(message).toMatch(/^エラー: 「予約ID」がこのスクリプトの付ける形/);
      expect(message).toContain('セルを空にしてください');
      expect(message).not.toContain(typed);
    }
    expect(checkOne({ id: 'Y000123' }).text).toBe(CHECK_OK);
  });

  it('another booking with a foreign id is named by row, not by what was typed in 予約ID', () => {
    // Same seeker, same slot: the 確定 row keeps the slot, the other names it by its row.
    const [foreign, own] = checkBookings(
      [
        row(
          { id: 'ichiro@example.jp', status: STATUS.confirmed, invitedAt: '2026/11/30 10:00' },
          2,
        ),
        row({ id: 'Y000002' }, 3),
      ],
      context(),
    );
    expect(own!.errors.join('\n')).toContain('（2行目）');
    expect(own!.text).not.toContain('ichiro@example.jp');
    expect(foreign!.text).not.toContain('ichiro@example.jp');
  });

  it('the same id on two rows is an error on both, naming the other rows and what to do', () => {
    const results = checkBookings(
      [
        row({ id: 'Y000007' }, 2),
        row({ id: 'Y000008', date: '2026/12/02' }, 3),
        row({ id: 'Y000007', date: '2026/12/03' }, 9),
      ],
      context(),
    );
    const [first, other, copy] = results;
    expect(first!.errors.join('\n')).toMatch(/「予約ID」が 9行目 と同じです/);
    expect(copy!.errors.join('\n')).toMatch(/「予約ID」が 2行目 と同じです/);
    expect(copy!.errors.join('\n')).toContain('コピーして作った行の「予約ID」を空にして');
    expect(other!.errors.join('\n')).not.toContain('同じです');
  });
});
