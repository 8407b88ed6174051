// What the 空き枠 sidebar and the server say to each other over google.script.run. Shared by
// src/app/sidebar.ts (which implements ServerFunctions) and src/ui/client (which calls them), so
// a renamed field is a type error on both sides. Plain data only: google.script.run carries no
// Dates or class instances, so days travel as 'yyyy-MM-dd' and times as 'HH:mm'. No DOM here.

import type { OfficeDayView, SlotView } from '../../core/freeSlots';
import type { FormField } from '../../core/sidebarWords';

/** A form field a message can be tied to (its input gets aria-invalid / aria-describedby). */
export type { FormField };

export interface FreeSlotsRequest {
  /** One 窓口, or '' for all of them. */
  office: string;
  /** Business days to list; the server clamps it. */
  days?: number;
}

// A slot and a 窓口's day are exactly what the core computes (plain strings and numbers);
// the import is type-only, so no core code reaches the page.
export type SlotCell = SlotView;
export type OfficeDay = OfficeDayView;

export interface FreeSlotDay {
  /** 'yyyy-MM-dd'. */
  date: string;
  /** '12月2日(水)'. */
  label: string;
  closed: string | null;
  offices: OfficeDay[];
}

export interface FreeSlotsResponse {
  ok: boolean;
  today: string;
  /** Every 窓口 in 設定, for the filter. */
  allOffices: string[];
  /** The 窓口 listed in `days` (all, or the one asked for). */
  offices: string[];
  days: FreeSlotDay[];
  /** Problems a person must fix first (no 予約 sheet …), in Japanese. */
  messages: string[];
}

export interface SeekerLookup {
  /** The 求職番号 as the script reads it ('' when unreadable). */
  seekerNo: string;
  found: boolean;
  name: string;
  office: string;
  officer: string;
  noShowCount: number;
  /** Japanese: why this person cannot book, or what staff should know first. */
  messages: string[];
}

export interface BookingForm {
  /** 'yyyy-MM-dd'. */
  date: string;
  /** 'HH:mm'. */
  start: string;
  office: string;
  name: string;
  seekerNo: string;
  email: string;
  meetingUrl: string;
  /** 受付方法: 電話 / 窓口 / オンライン相談中. */
  channel: string;
}

export interface AddBookingResult {
  /** The row was added and its check found no error. */
  ok: boolean;
  /** True when a row was added to 予約 (even if a later check found an error). */
  added: boolean;
  /** The new row's 予約ID, '' when nothing was added. */
  id: string;
  /** The sheet row added, 0 when none. */
  rowNumber: number;
  /** What staff read back to the caller, one line each; empty unless ok. */
  readBack: string[];
  /** Japanese messages: 'エラー: …' (nothing sendable) and '注意: …' lines, or other problems. */
  messages: string[];
  /** The form field each message is about, in the same order (null: the booking as a whole). */
  fields: (FormField | null)[];
}

/** The server functions the sidebar calls; src/main.ts exports each under this name. */
export interface SidebarServer {
  sidebarGetFreeSlots(request: FreeSlotsRequest): FreeSlotsResponse;
  sidebarLookupSeeker(seekerNo: string): SeekerLookup;
  sidebarAddBooking(form: BookingForm): AddBookingResult;
}

/** 受付方法 choices, as the 予約 dropdown offers them. */
export { CHANNELS as CHANNEL_CHOICES } from '../../core/schema';
export const DEFAULT_DAYS = 10;
