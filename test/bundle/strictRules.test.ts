// The product under the emulator's strict rules (issue 12): dialogs release locks, a person's
// typing meets the date rule, 初期設定 repairs what a stopped run or added rows leave behind,
// and the quota alert is kept per sending account.
import { describe, expect, it } from 'vitest';
import { Emulator } from '../../emulator/index';
import { BOOKING, SETTING, SHEET } from '../../src/core/schema';
import {
  bookingRow,
  bookings,
  newEmulator,
  READY_BOOKINGS,
  setSetting,
  setUp,
  START,
  typeBookings,
  workbookWith,
} from './helpers';

const protectionsOf = (emu: Emulator, sheet: string) =>
  emu.workbook.sheetByName(sheet)!.protections;

describe('初期設定 and its trigger-takeover question', () => {
  it('asks before it takes the lock, then takes over the triggers', () => {
    const emu = newEmulator();
    emu.open();
    emu.properties.document.set('triggerOwner', 'former@example.jp');
    emu.hooks.before('Ui.alert', ({ emu: inner }) => {
      expect(inner.locks.held()).toEqual({});
    });
    emu.ui.queueResponse('YES', 'OK');
    const run = emu.menu('初期設定');
    expect(run.error).toBeUndefined();
    expect(emu.hooks.pending()).toEqual([]);
    expect(emu.ui.dialogs[0]!.message).toContain('former@example.jp');
    expect(emu.ui.dialogs[0]!.releasedLocks).toEqual([]);
    expect(emu.properties.document.get('triggerOwner')).toBe('owner@example.jp');
    expect(emu.triggers()).toHaveLength(3);
  });

  it('installs nothing when the person says no', () => {
    const emu = newEmulator();
    emu.open();
    emu.properties.document.set('triggerOwner', 'former@example.jp');
    emu.ui.queueResponse('NO', 'OK');
    expect(emu.menu('初期設定').error).toBeUndefined();
    expect(emu.triggers()).toHaveLength(0);
    expect(emu.ui.dialogs[1]!.message).toContain('former@example.jp のアカウントで動いています');
  });
});

describe('招待メールを送信 across its confirmation dialog', () => {
  it('a tick that runs while the dialog is open (the lock is free) does not make the menu send twice', () => {
    const emu = workbookWith([READY_BOOKINGS[0]!]);
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.advance({ minutes: 30 });
    let sentByTick = -1;
    emu.hooks.after('Ui.alert', ({ emu: inner }) => {
      expect(inner.locks.held()).toEqual({});
      expect(inner.fireTimeTrigger('onTenMinuteTick').error).toBeUndefined();
      sentByTick = inner.mail.sent.length;
    });
    emu.ui.queueResponse('YES');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    expect(emu.hooks.pending()).toEqual([]);
    expect(sentByTick).toBe(1); // the tick sent it while the person was reading the question
    expect(emu.mail.sent.map((m) => m.to)).toEqual(['ichiro@example.jp']);
  });
});

describe('date columns accept what the check reads (warning-only validation)', () => {
  it.each(['令和8年12月2日', 'R8.12.2'])(
    'a person typing %s into 相談日: it lands and the check reads it',
    (typed) => {
      const emu = workbookWith([]);
      const row = typeBookings(emu, [bookingRow({ date: typed })]);
      expect(emu.refusals()).toEqual([]);
      expect(bookings(emu)[row - 2]![BOOKING.date]).toBe(typed);
      emu.menu('すべての予約をチェック');
      expect(bookings(emu)[row - 2]![BOOKING.checkResult]).toBe('OK');
    },
  );
});

describe('初期設定 repairs', () => {
  it('a run killed between protect() and setWarningOnly(true): the next 初期設定 makes it warning-only', () => {
    const emu = newEmulator();
    emu.open();
    emu.ui.setDefault('accept');
    emu.faults.failAtCall(1, { only: 'Protection.setWarningOnly' });
    expect(emu.menu('初期設定').error?.message).toBe('Exceeded maximum execution time');
    const hard = Object.values(emu.workbook.sheets)
      .flatMap((s) => s.protections)
      .filter((p) => !p.warningOnly);
    expect(hard).toHaveLength(1);
    expect(emu.menu('初期設定').error).toBeUndefined();
    const all = emu.workbook.sheets.flatMap((s) => s.protections);
    expect(all.filter((p) => !p.warningOnly)).toEqual([]);
    expect(all.filter((p) => p.description === '')).toEqual([]);
  });

  it('rows added below the formatted area get formats, validation and protection', () => {
    const emu = newEmulator({ now: START });
    setUp(emu);
    const sheet = emu.workbook.sheetByName(SHEET.bookings)!;
    const before = sheet.maxRows;
    emu.person.addRows(SHEET.bookings, 50);
    const last = before + 50;
    const headers = emu.person.values(SHEET.bookings)[0]!.map(String);
    const dateColumn = headers.indexOf(BOOKING.date);
    // Whether Sheets copies formats into added rows is undocumented (a variant elsewhere): here
    // the new rows come bare, the harder case.
    for (let r = before; r < last; r++) {
      sheet.validations.set(r, dateColumn, undefined);
      sheet.numberFormats.set(r, dateColumn, undefined);
    }
    emu.ui.setDefault('accept');
    expect(emu.menu('初期設定').error).toBeUndefined();
    expect(sheet.validations.get(last - 1, dateColumn)?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(sheet.numberFormats.get(last - 1, dateColumn)).toBe('yyyy/mm/dd');
    const idColumn = headers.indexOf(BOOKING.checkResult) + 1;
    const owned = protectionsOf(emu, SHEET.bookings).find((p) => p.rect?.column === idColumn);
    expect(owned?.rect).toMatchObject({ row: 1, numRows: last });
    expect(sheet.rules.length).toBeGreaterThan(0);
    for (const rule of sheet.rules) {
      expect(rule.ranges.map((r) => r.row + r.numRows - 1)).toEqual([last]);
    }
  });
});

describe('the quota alert is kept per sending account', () => {
  it('marks the alert day under the sending account (the effective user of the run)', () => {
    const emu = workbookWith([READY_BOOKINGS[0]!]);
    setSetting(emu, SETTING.alertTo, 'soudan@hellowork.example.jp');
    emu.mail.setQuota(1);
    emu.ui.queueResponse('YES');
    expect(emu.menu('招待メールを送信').error).toBeUndefined();
    const marks = Object.keys(emu.properties.document.getAll()).filter((k) =>
      k.startsWith('quotaAlertDay'),
    );
    expect(marks).toEqual(['quotaAlertDay:owner@example.jp']);
  });
});
