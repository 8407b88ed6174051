// An office profile: what one Hello Work office types into 設定 and 休業日 after 初期設定, and
// how the demo week's people are spread over its 窓口. Nothing office-specific lives in src/: a
// profile is only sheet values (the shipped defaults are the Kurashiki profile).

/** A booking the demo adds for this office: a roster person, a day, and a slot (index) or a time. */
export interface ProfileBooking {
  /** Index into the demo's roster (8 people). */
  seeker: number;
  /** yyyy/mm/dd, in the demo week (2026-11-30 … 12-05). */
  date: string;
  /** Index into the profile's 開始時刻, or a time such as '10:00'. */
  start: number | string;
  /** 担当者, when not the roster person's (two bookings at one time need two officers). */
  officer?: string;
  /** What the booking shows (printed nowhere; for the reader of the profile). */
  why: string;
}

export interface OfficeProfile {
  /** The --profile name (the file name). */
  name: string;
  /** Printed when the demo starts. */
  title: string;
  /**
   * 設定 values that shape the sheets (窓口, 開始時刻, 各枠の定員 …), typed after the first
   * 初期設定; when there are any, 初期設定 runs again, as staff are told to, so that it adds the
   * per-窓口 rows and rebuilds the 窓口 and 開始時刻 dropdowns.
   */
  layout: readonly (readonly [key: string, value: string])[];
  /** Then the other 設定 values (電話番号（窓口）, 差出人名（窓口）, 受付時間（窓口）, 規約版 …). */
  settings: readonly (readonly [key: string, value: string])[];
  /** Rows of 休業日 (日付 yyyy/mm/dd, 窓口 or '' for every 窓口, 理由). */
  closedDays: readonly { date: string; office: string; reason: string }[];
  /** The 窓口 of each of the demo's 8 roster people, in order. */
  rosterOffices: readonly [string, string, string, string, string, string, string, string];
  /** A time that is no slot of this office: the demo's booking typed at a wrong time. */
  notASlot: string;
  /** Bookings beyond the demo's ten (capacity, the 休業日 …). */
  extraBookings: readonly ProfileBooking[];
}
