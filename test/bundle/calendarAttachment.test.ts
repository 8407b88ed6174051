// Issue 15 §5 on the built bundle: an .ics that cannot be made never stops an invitation. The
// emulator makes Utilities.newBlob throw; the mail goes without the attachment, and the 操作ログ
// line of that send says so (the send, the tick and 招待メールを再送 alike).
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/index';
import { BOOKING, LOG, SETTING, SHEET, STATUS } from '../../src/core/schema';
import { bookingOf, bookings, column, office, send, setSetting, workbookWith } from './helpers';

const WITHOUT = 'カレンダー添付なしで送信';
const logOf = (emu: Emulator, action: string) =>
  emu.records(SHEET.log).filter((r) => r[LOG.action] === action);

describe('a failing .ics never stops an invitation', () => {
  it('menu send: the mail goes without the attachment, and its log line says so', () => {
    const emu = office(workbookWith([bookingOf(0), bookingOf(1)]));
    emu.faults.inject('Utilities.newBlob', { times: 1, error: 'Blob failed' });
    send(emu);
    expect(emu.mail.sent).toHaveLength(2);
    const [first, second] = emu.mail.sent;
    expect(first!.attachments).toHaveLength(0);
    expect(second!.attachments.map((a) => a.fileName)).toEqual([expect.stringMatching(/\.ics$/)]);
    expect(bookings(emu).map((r) => r[BOOKING.status])).toEqual([
      STATUS.confirmed,
      STATUS.confirmed,
    ]);
    const [a, b] = bookings(emu).map((r) => String(r[BOOKING.id]));
    const lines = logOf(emu, '招待メール送信');
    expect(lines.find((r) => r[LOG.bookingId] === a)?.[LOG.detail]).toContain(WITHOUT);
    expect(lines.find((r) => r[LOG.bookingId] === b)?.[LOG.detail]).not.toContain(WITHOUT);
  });

  it('the tick: sent without it, logged', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    setSetting(emu, SETTING.autoSend, 'はい');
    emu.faults.inject('Utilities.newBlob', { times: Infinity });
    emu.advance({ minutes: 30 });
    expect(emu.fireTimeTrigger('onTenMinuteTick').error).toBeUndefined();
    expect(emu.mail.sent).toHaveLength(1);
    expect(emu.mail.sent[0]!.attachments).toHaveLength(0);
    expect(logOf(emu, '招待メール送信')[0]?.[LOG.detail]).toMatch(
      new RegExp(`^自動送信。.*${WITHOUT}$`),
    );
  });

  it('招待メールを再送: sent without it, logged with what changed', () => {
    const emu = office(workbookWith([bookingOf(0)]));
    send(emu);
    emu.edit(SHEET.bookings, `${column(emu, BOOKING.start)}2`, [['14:00']]);
    emu.faults.inject('Utilities.newBlob', { times: Infinity });
    emu.select(SHEET.bookings, ['A2']);
    emu.ui.queueResponse('YES');
    emu.ui.queueResponse('OK');
    expect(emu.menu('招待メールを再送').error).toBeUndefined();
    expect(emu.mail.sent).toHaveLength(2);
    expect(emu.mail.sent[1]!.attachments).toHaveLength(0);
    expect(logOf(emu, '招待メール再送')[0]?.[LOG.detail]).toBe(`変更: 開始時刻。${WITHOUT}`);
  });
});
