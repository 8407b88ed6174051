// Shared by the reliability tests (issue 8): the invariants every run must keep, whatever the
// input or the fault — staff cells untouched, no formula written by the script, no personal data
// in any log or in 操作ログ, 操作ログ only ever appended to.
import { expect } from 'vitest';
import type { Emulator, RunResult } from '../../emulator/index';
import type { CellValue, WorkbookSnapshot } from '../../emulator/snapshot';
import { isBusinessDay } from '../../src/core/calendar';
import {
  BOOKING,
  SCRIPT_OWNED_BOOKING_FIELDS,
  SENDING_MARK,
  SHEET,
  STATUS,
} from '../../src/core/schema';
import { addDays, type LocalDate } from '../../src/core/time';

/** Every fault or hostile input tried, by file: printed by each file at the end. */
export const tally = { cases: 0, faults: 0, runs: 0, interleavings: 0 };

/** Tuesday 2026-12-01 09:00 Asia/Tokyo, as in test/bundle/helpers. */
export const START_DAY = '2026-12-01' as LocalDate;

/** Distinct (day, start) slots on business days after START_DAY: one per case, no clash. */
export function slots(count: number): { date: string; start: string }[] {
  const out: { date: string; start: string }[] = [];
  let day = START_DAY;
  while (out.length < count) {
    day = addDays(day, 1);
    if (!isBusinessDay(day, null, [])) continue;
    for (const start of ['10:00', '11:00', '14:00', '15:00']) {
      if (out.length < count) out.push({ date: day.replace(/-/g, '/'), start });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Staff cells and formulas

const OWNED = new Set<string>(SCRIPT_OWNED_BOOKING_FIELDS.map((f) => BOOKING[f]));

function cellKey(value: CellValue | undefined): string {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return `date:${(value as Date).getTime()}`;
  }
  return `${typeof value}:${String(value ?? '')}`;
}

function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** Staff-typed cells of a sheet by A1 (all columns for sheets the script never writes). */
export function staffCells(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  ownedHeaders: ReadonlySet<string> = sheetName === SHEET.bookings ? OWNED : new Set(),
): Map<string, string> {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const cells = new Map<string, string>();
  if (!sheet) return cells;
  const headers = (sheet.values[0] ?? []).map((h) => String(h).trim());
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (r > 0 && ownedHeaders.has(headers[c] ?? '')) return;
      const a1 = `${letters(c + 1)}${r + 1}`;
      const formula = sheet.formulas?.[a1];
      if (value === '' && formula === undefined) return;
      cells.set(`${r + 1}:${c + 1}`, formula !== undefined ? `formula:${formula}` : cellKey(value));
    }),
  );
  return cells;
}

/**
 * Every staff cell of `before` is still there, unchanged — except 状態 moved by the script along
 * its own transitions (受付/blank → 確定, 確定 → 実施/無断キャンセル).
 */
export function expectStaffCellsKept(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  sheets: readonly string[] = [SHEET.bookings, SHEET.roster, SHEET.settings, SHEET.closedDays],
): void {
  for (const name of sheets) {
    const statusColumn =
      name === SHEET.bookings
        ? (before.sheets.find((s) => s.name === name)?.values[0] ?? []).indexOf(BOOKING.status) + 1
        : 0;
    const a = staffCells(before, name);
    const b = staffCells(after, name);
    for (const [at, value] of a) {
      if (b.get(at) === value) continue;
      const column = Number(at.split(':')[1]);
      const now = b.get(at) ?? '';
      const scriptMove =
        column === statusColumn &&
        ((value === `string:${STATUS.taken}` && now === `string:${STATUS.confirmed}`) ||
          (value === `string:${STATUS.confirmed}` &&
            [`string:${STATUS.held}`, `string:${STATUS.noShow}`].includes(now)));
      expect(scriptMove, `${name} ${at}: ${value} became ${now}`).toBe(true);
    }
  }
}

/** Formulas by "sheet!A1": the script never adds or changes one. */
export function formulas(snapshot: WorkbookSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of snapshot.sheets) {
    for (const [a1, f] of Object.entries(sheet.formulas ?? {})) out.set(`${sheet.name}!${a1}`, f);
  }
  return out;
}

export function expectNoNewFormula(before: WorkbookSnapshot, after: WorkbookSnapshot): void {
  const a = formulas(before);
  const added = [...formulas(after)].filter(([at, f]) => a.get(at) !== f);
  expect(added, 'formulas written by the script').toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Privacy

/** Forms a piece of personal data may take in a log: as typed, NFKC, lower case, digits only. */
export function variants(secret: string): string[] {
  const forms = new Set([secret, secret.normalize('NFKC'), secret.toLowerCase()]);
  const digits = secret.replace(/\D/g, '');
  if (/^\d{5}\D\d+$/.test(secret.normalize('NFKC'))) {
    forms.add(digits); // 3301000000001
    forms.add(digits.slice(5)); // the serial part alone, when long enough to identify
  }
  const at = secret.indexOf('@');
  if (at > 0) forms.add(secret.slice(0, at + 1)); // the local part
  return [...forms].filter((f) => f.length >= 4);
}

/** Every log line of every run, and every 操作ログ cell, must hold none of `secrets`. */
export function expectNoPersonalData(emu: Emulator, secrets: readonly string[]): void {
  const logLines = emu.logs.map((l) => l.text);
  const auditCells = (emu.workbook.sheetByName(SHEET.log) ? emu.person.values(SHEET.log) : [])
    .flat()
    .map((v) => String(v));
  for (const secret of secrets) {
    for (const form of variants(secret)) {
      const inLogs = logLines.find((l) => l.includes(form));
      expect(inLogs, `console line holds ${JSON.stringify(form)}`).toBeUndefined();
      const inAudit = auditCells.find((c) => c.includes(form));
      expect(inAudit, `操作ログ holds ${JSON.stringify(form)}`).toBeUndefined();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mail headers

/** No header of any mail sent carries a line break (subject, sender name, reply-to, to). */
export function expectCleanHeaders(emu: Emulator): void {
  for (const mail of emu.mail.sent) {
    for (const [field, value] of Object.entries({
      to: mail.to,
      subject: mail.subject,
      name: mail.name ?? '',
      replyTo: mail.replyTo ?? '',
      cc: mail.cc ?? '',
      bcc: mail.bcc ?? '',
    })) {
      // eslint-disable-next-line no-control-regex
      expect(value, `mail ${field}`).not.toMatch(/[\r\n\u0000-\u001f\u007f\u2028\u2029]/);
    }
    expect(mail.cc ?? '').toBe('');
    expect(mail.bcc ?? '').toBe('');
    expect(mail.to).not.toMatch(/[,;]/);
  }
}

// ---------------------------------------------------------------------------------------------
// Runs

export function expectClean(run: RunResult, what: string): void {
  tally.runs++;
  expect(run.error, `${what}: ${run.error?.message ?? ''}`).toBeUndefined();
}

/** 招待メール送信日時 of every 予約 row, by 予約ID. */
export function invitedAtById(emu: Emulator): Map<string, unknown> {
  return new Map(
    emu
      .records(SHEET.bookings)
      .map((r) => [String(r[BOOKING.id] ?? ''), r[BOOKING.invitedAt]] as const),
  );
}

export function isSendingMark(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(SENDING_MARK);
}
