// The sidebar's booking form as the server reads it: plain trimmed strings of bounded length,
// and 開始時刻 a time and nothing else.
import { nfkc, normalizeTime } from '../../core/normalize';
import { messageField } from '../../core/sidebarWords';
import type { TimeOfDay } from '../../core/time';
import type { AddBookingResult, BookingForm } from '../../ui/shared/sidebarApi';
import { MAX_FIELD_LENGTH, text } from './serve';

export type FormValues = { [K in keyof BookingForm]: string };

/** The form as plain trimmed strings of bounded length; anything else is an empty field. */
export function readForm(form: unknown): FormValues {
  const f = (form ?? {}) as Record<string, unknown>;
  const get = (key: keyof BookingForm) => text(f[key]).slice(0, MAX_FIELD_LENGTH);
  return {
    date: get('date'),
    start: get('start'),
    office: get('office'),
    name: get('name'),
    seekerNo: get('seekerNo'),
    email: get('email'),
    meetingUrl: get('meetingUrl'),
    channel: get('channel'),
  };
}

/**
 * 開始時刻 from the page: a time and nothing else (10:00, １０：００). The sheet accepts 14:00～ from
 * the leaflet, but a form that sends text after the time was tampered with or mistyped, and that
 * text (an address, a 求職番号) must never reach the sheet or the log.
 */
export function strictTime(input: string): TimeOfDay | null {
  const text = nfkc(input).trim();
  if (!/^\d{1,2}:\d{2}$/.test(text)) return null;
  const read = normalizeTime(text);
  return read.ok ? read.value : null;
}

/** Messages with the form field each one is about, for the page to tie them to its inputs. */
export function noted(messages: string[]): Pick<AddBookingResult, 'messages' | 'fields'> {
  return { messages, fields: messages.map(messageField) };
}

/** Nothing was added. */
export function refused(messages: string[]): AddBookingResult {
  return { ok: false, added: false, id: '', rowNumber: 0, readBack: [], ...noted(messages) };
}

/** The booking is in the sheet, but something needs a person. */
export function added(id: string, rowNumber: number, messages: string[]): AddBookingResult {
  return { ok: false, added: true, id, rowNumber, readBack: [], ...noted(messages) };
}
