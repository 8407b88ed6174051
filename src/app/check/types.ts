// What one check run hands to the steps after it (send, tick, commands).
import type { CheckResult } from '../../core/check';
import type { Settings } from '../../core/settings';
import type { WriteOutcome } from '../../sheet/ownedWrites';
import type { Table, TableRow } from '../../sheet/table';
import type { LoadedContext } from '../context';

export interface CheckedRow {
  row: TableRow;
  result: CheckResult;
  /** The 予約ID the row has after this run ('' if it could not be given one). */
  id: string;
}

export interface CheckRun {
  table: Table;
  /** Every booking row, checked together (capacity and clashes need them all). */
  checked: CheckedRow[];
  /** The rows whose cells this run recorded: all, or the selected ones. */
  recorded: CheckedRow[];
  outcome: WriteOutcome;
  /** 設定 as read for this check, so later steps of the same run need not read it again. */
  settings: Settings;
  /** The roster and closed days as read for this check, for the same reason. */
  context: LoadedContext['base'];
  /** 対象者 as read for this check (the tick writes 無断キャンセル回数 from it). */
  rosterTable: Table | null;
  /** 設定 / 対象者 / 休業日 / 予約 problems for the person who ran it. */
  problems: string[];
}
