// messageField: which form field of the 空き枠 sidebar a check message is about (the page ties
// the message to that input with aria-describedby, and an エラー: marks it aria-invalid).
import { describe, expect, it } from 'vitest';
import * as say from '../../src/core/checkMessages';
import { BOOKING } from '../../src/core/schema';
import { type LocalDate } from '../../src/core/time';
import { CHANNEL_PROBLEM, FORM_FIELDS, messageField } from '../../src/core/sidebarWords';

describe('messageField', () => {
  it('names the field of each form input the check can complain about', () => {
    expect(messageField(say.missing(BOOKING.name))).toBe('name');
    expect(messageField(say.missing(BOOKING.email))).toBe('email');
    expect(messageField(say.urlProblem({ kind: 'urlNotHttps', input: 'http://x' }))).toBe(
      'meetingUrl',
    );
    expect(messageField(say.notInRoster())).toBe('seekerNo');
    expect(messageField(say.nameDiffers(4, '見本 一郎'))).toBe('name');
    expect(messageField(say.typoDomain('gmial.com', 'gmail.com'))).toBe('email');
    expect(messageField(CHANNEL_PROBLEM)).toBe('channel');
  });

  it('is null for a message about the booking as a whole or a field the form does not have', () => {
    expect(
      messageField(
        say.slotFull(
          '2026-12-02' as LocalDate,
          600,
          '倉敷中央',
          1,
          ['予約ID Y000001'],
          '2026-12-01' as LocalDate,
        ),
      ),
    ).toBeNull();
    expect(messageField(say.missing(BOOKING.date))).toBeNull();
    expect(messageField(say.officerClash(['予約ID Y000002']))).toBeNull();
    expect(messageField('サーバーで予期しないエラーが起きました。')).toBeNull();
  });

  it('takes the field named first when a message names several', () => {
    const text = `エラー: 「${BOOKING.email}」と「${BOOKING.name}」を確かめてください。`;
    expect(messageField(text)).toBe('email');
    expect(Object.values(FORM_FIELDS)).toEqual([
      BOOKING.channel,
      BOOKING.seekerNo,
      BOOKING.name,
      BOOKING.email,
      BOOKING.meetingUrl,
    ]);
  });
});
