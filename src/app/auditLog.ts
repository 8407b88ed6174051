// 操作ログ: append-only, one batch per run, booking ids only — never names, addresses or
// 求職番号 (SPEC §3). Callers pass fixed Japanese phrases and ids, not user input.
import { bookingIdNumber } from '../core/bookingId';
import { LOG, LOG_HEADERS, SHEET } from '../core/schema';
import { appendBelowData } from '../sheet/grid';
import { forSheet } from '../sheet/ownedWrites';
import { type Cell, readHeaderRow } from '../sheet/table';

/** Logged instead of a 予約ID that is not of the script's form (never the text itself). */
export const FOREIGN_ID = '（形式外の予約ID）';

export interface AuditEntry {
  action: string;
  bookingId?: string;
  detail?: string;
}

export class AuditLog {
  private readonly entries: { at: Date; entry: AuditEntry }[] = [];

  constructor(private readonly actor: string) {}

  /**
   * A 予約ID read from a cell is logged only when it is of the script's own form: a person may
   * have typed a 求職番号 or an address into that cell (the check flags the row).
   */
  add(entry: AuditEntry): void {
    const id = entry.bookingId;
    const safe = id === undefined || id === '' || bookingIdNumber(id) !== null;
    this.entries.push({
      at: new Date(),
      entry: safe ? entry : { ...entry, bookingId: FOREIGN_ID },
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Appends every entry in one write under the existing columns (found by header). */
  flush(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
    if (this.entries.length === 0) return;
    const sheet = spreadsheet.getSheetByName(SHEET.log);
    if (!sheet) return; // 初期設定 has not run yet; nothing to append to.
    const read = readHeaderRow(sheet);
    // Header row cleared or overwritten: the entries still go in, in 初期設定's column order,
    // rather than as rows of blanks (初期設定 puts the headers back).
    const known = read.some((h) => LOG_HEADERS.includes(h));
    if (!known)
      console.warn(`${SHEET.log}: no known header in row 1; appending in the default order`);
    const headers = known ? read : [...LOG_HEADERS];
    const width = Math.max(headers.length, 1);
    const rows = this.entries.map(({ at, entry }) => {
      const byHeader: Record<string, Cell> = {
        [LOG.at]: at,
        [LOG.actor]: this.actor,
        [LOG.action]: entry.action,
        [LOG.bookingId]: entry.bookingId ?? '',
        [LOG.detail]: entry.detail ?? '',
      };
      return headers.map((h) => forSheet(byHeader[h] ?? ''));
    });
    appendBelowData(sheet, rows, width);
    this.entries.length = 0;
  }
}

/** Who ran this: the signed-in account for menus, a fixed word for triggers. */
export function actorName(kind: 'menu' | 'trigger' | 'edit'): string {
  if (kind === 'trigger') return '自動（時間主導トリガー）';
  const email = Session.getActiveUser().getEmail();
  return email !== '' ? email : kind === 'edit' ? '編集者' : '利用者';
}
