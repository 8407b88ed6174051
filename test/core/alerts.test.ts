import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertDigest,
  closedDayFinding,
  decodeAlerted,
  encodeAlerted,
  newFindings,
  rememberAlerted,
  type AlertedPairs,
  type AlertFinding,
  type AlertLevel,
} from '../../src/core/alerts';
import { dueTodayFlag, overdueFlags } from '../../src/core/overdue';
import { STATUS } from '../../src/core/schema';
import { defaultSettings } from '../../src/core/settings';
import { addMinutes, formatInstant } from '../../src/core/time';
import { at, booking, day, settings, unsent } from './tickFixtures';

const f = (id: string, level: AlertLevel, rowNumber = 2): AlertFinding => ({
  id,
  level,
  rowNumber,
});
const pairs = (entries: [string, AlertLevel[]][]): AlertedPairs =>
  new Map(entries.map(([id, l]) => [id, new Set(l)]));

describe('newFindings / rememberAlerted: once per booking and level', () => {
  it('reports only pairs not alerted before, once each, and never id-less rows', () => {
    const current = [
      f('Y1', 'nextBusinessDay'),
      f('Y1', 'dayBefore'),
      f('Y2', 'stuckSending'),
      f('Y2', 'stuckSending', 9),
      f('', 'dayBefore'),
    ];
    const fresh = newFindings(current, pairs([['Y1', ['nextBusinessDay']]]));
    expect(fresh).toEqual([f('Y1', 'dayBefore'), f('Y2', 'stuckSending')]);
  });

  it('alerts across several runs only the first time', () => {
    let alerted: AlertedPairs = new Map();
    const mails: AlertFinding[][] = [];
    for (let run = 0; run < 5; run++) {
      const current = [f('Y7', 'nextBusinessDay')];
      const fresh = newFindings(current, alerted);
      if (fresh.length > 0) mails.push(fresh);
      alerted = decodeAlerted(encodeAlerted(rememberAlerted(current, alerted, fresh)));
    }
    expect(mails).toEqual([[f('Y7', 'nextBusinessDay')]]);
  });

  it('keeps pairs not yet mailed out of the record, so a failed mail is retried next run', () => {
    const current = [f('Y1', 'dayBefore')];
    expect(rememberAlerted(current, new Map(), []).size).toBe(0);
  });

  it('forgets pairs that no longer stand (row deleted, sent, archived): the record stays bounded', () => {
    const previous = pairs([
      ['Y1', ['nextBusinessDay', 'dayBefore']],
      ['Y2', ['stuckSending']],
    ]);
    const next = rememberAlerted([f('Y1', 'dayBefore'), f('Y3', 'closedDay')], previous, [
      f('Y3', 'closedDay'),
    ]);
    expect(next).toEqual(
      pairs([
        ['Y1', ['dayBefore']],
        ['Y3', ['closedDay']],
      ]),
    );
  });
});

describe('encodeAlerted / decodeAlerted', () => {
  it('round-trips any set of pairs', () => {
    const level = fc.constantFrom<AlertLevel>(
      'nextBusinessDay',
      'dayBefore',
      'stuckSending',
      'closedDay',
      'dueMorning',
      'dueBeforeClose',
    );
    const id = fc.integer({ min: 1, max: 999_999 }).map((n) => `Y${String(n).padStart(6, '0')}`);
    fc.assert(
      fc.property(fc.dictionary(id, fc.uniqueArray(level, { minLength: 1 })), (record) => {
        const original = pairs(Object.entries(record));
        expect(decodeAlerted(encodeAlerted(original))).toEqual(original);
      }),
    );
  });

  it('is compact (about a dozen characters a booking) and skips what it cannot read', () => {
    expect(encodeAlerted(pairs([['Y000001', ['dayBefore', 'nextBusinessDay']]]))).toBe(
      'Y000001:dn',
    );
    expect(decodeAlerted('garbage,Y000002:s,Y3:zz,:n')).toEqual(
      pairs([['Y000002', ['stuckSending']]]),
    );
    expect(decodeAlerted(null).size).toBe(0);
  });
});

describe('closedDayFinding', () => {
  const confirmed = booking({ date: day('2026-12-07') });
  const closed = [{ date: day('2026-12-07'), office: null, reason: '庁舎点検' }];
  const now = at('2026-12-01 06:00');

  it('finds a 確定 booking whose day became a 休業日', () => {
    expect(closedDayFinding(confirmed, { now, closedDays: [] })).toBeNull();
    expect(closedDayFinding(confirmed, { now, closedDays: closed })).toEqual({
      kind: '休業日',
      reason: '庁舎点検',
      office: null,
    });
  });

  it('ignores other statuses, past days and the other office’s closures', () => {
    expect(
      closedDayFinding({ ...confirmed, status: STATUS.cancelled }, { now, closedDays: closed }),
    ).toBeNull();
    expect(
      closedDayFinding({ ...confirmed, status: STATUS.taken }, { now, closedDays: closed }),
    ).toBeNull();
    expect(
      closedDayFinding(confirmed, { now: at('2026-12-08 09:00'), closedDays: closed }),
    ).toBeNull();
    const central = [{ ...closed[0]!, office: '倉敷中央' }];
    expect(closedDayFinding(confirmed, { now, closedDays: central })).toBeNull();
  });
});

describe('alertDigest', () => {
  const mail = alertDigest(
    [
      f('Y000003', 'nextBusinessDay', 4),
      f('Y000009', 'stuckSending', 10),
      f('Y000004', 'dayBefore', 5),
    ],
    {
      now: at('2026-12-07 17:20'),
      openCount: 5,
      settings: defaultSettings(),
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc',
    },
  );

  it('lists every new booking by 予約ID and row, grouped by level, most urgent first', () => {
    expect(mail.subject).toBe('【オンライン相談 予約台帳】対応が必要な予約 3件（12月7日(月)）');
    expect(mail.body).toContain('・予約ID Y000003（4行目）');
    expect(mail.body).toContain('・予約ID Y000009（10行目）');
    expect(mail.body.indexOf('Y000009')).toBeLessThan(mail.body.indexOf('Y000004'));
    expect(mail.body.indexOf('Y000004')).toBeLessThan(mail.body.indexOf('Y000003'));
    expect(mail.body).toContain('2026/12/07 17:20');
    expect(mail.body).toContain('未対応の件数（今回を含む）: 5件');
    expect(mail.body).toContain('https://docs.google.com/spreadsheets/d/abc');
    expect(mail.body).not.toContain('期限前のお知らせ');
  });

  it('carries nothing but ids, rows and fixed text (no name, address or 求職番号 can reach it)', () => {
    // The digest's only inputs are AlertFinding (id, row, level), so this is structural; check
    // nothing that looks like an address or 求職番号 slipped in.
    expect(mail.body).not.toMatch(/@|\d{5}-\d{1,8}/);
  });
});

describe('warnings ahead of a deadline, tick after tick', () => {
  // Taken Friday 12/4 11:00 for 12/16 and never sent: the 翌稼働日 deadline is Monday 17:15.
  const friday = unsent({
    id: 'Y000010',
    takenAt: at('2026-12-04 11:00'),
    date: day('2026-12-16'),
  });

  /** Every 10 minutes from `from` to `to`, as the trigger runs: what each mail would list. */
  function mailsBetween(from: string, to: string) {
    let alerted: AlertedPairs = new Map();
    const mails: { at: string; levels: AlertLevel[] }[] = [];
    for (let now = at(from); now <= at(to); now = addMinutes(now, 10)) {
      const ctx = { now, settings, closedDays: [] };
      const current: AlertFinding[] = overdueFlags(friday, ctx).map((x) => f(friday.id, x.level));
      const due = dueTodayFlag(friday, ctx);
      if (due) current.push({ ...f(friday.id, due.level), due });
      const fresh = newFindings(current, alerted);
      if (fresh.length > 0) {
        mails.push({ at: formatInstant(now), levels: fresh.map((x) => x.level) });
      }
      alerted = decodeAlerted(encodeAlerted(rememberAlerted(current, alerted, fresh)));
    }
    return mails;
  }

  it('mails in the morning, again before closing, then the overdue alarm: each level once', () => {
    expect(mailsBetween('2026-12-04 11:00', '2026-12-09 18:00')).toEqual([
      { at: '2026/12/07 09:00', levels: ['dueMorning'] },
      { at: '2026/12/07 16:20', levels: ['dueBeforeClose'] },
      { at: '2026/12/07 17:20', levels: ['nextBusinessDay'] },
    ]);
  });

  it('says the deadline on each warning line, and the times of the headings from 設定', () => {
    const due = dueTodayFlag(friday, { now: at('2026-12-07 09:00'), settings, closedDays: [] })!;
    const mail = alertDigest([{ ...f('Y000010', due.level, 7), due }], {
      now: at('2026-12-07 09:00'),
      openCount: 1,
      settings: { ...defaultSettings(), dueDayMorningAt: 8 * 60 + 45 },
    });
    expect(mail.body).toContain(
      '・予約ID Y000010（7行目）: 期限 12月7日(月) 17:15（受付の翌稼働日）',
    );
    expect(mail.body).toContain('08:45の時点で招待メールが未送信');
    expect(mail.body).toContain('受付の翌稼働日17:15、または相談日の前の稼働日の15:00');
    expect(mail.body).toContain(
      '「チェック結果」が OK ならメニュー「招待メールを送信」でそのまま送れます',
    );
    const before = alertDigest([f('Y000010', 'dueBeforeClose', 7)], {
      now: at('2026-12-07 16:20'),
      openCount: 1,
      settings: { ...defaultSettings(), officeClosesAt: 17 * 60, beforeCloseMinutes: 30 },
    });
    expect(before.body).toContain('受付終了時刻17:00の30分前になっても');
    expect(before.body).not.toMatch(/due|[Mm]orning/);
  });
});
