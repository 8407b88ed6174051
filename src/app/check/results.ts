// The pure check over every row, with what only the script knows added: no-shows from the
// archive, the invitation ledger's findings and the standing write-check lines of each cell.
import {
  checkBookings,
  countNoShows,
  normalizeBooking,
  type CheckContext,
  type CheckResult,
  type RawBooking,
} from '../../core/check';
import { confirmedDuringConsultation } from '../../core/checkMessages';
import { withPendingLedgerFinding } from '../../core/consultationBooking';
import { sentDetailsOf, withLedgerFindings } from '../../core/invitationLedger';
import { normalizeStatus } from '../../core/normalize';
import { BOOKING, SEND_FAILED_MARK, STATUS } from '../../core/schema';
import type { LocalDate } from '../../core/time';
import { withCarriedWriteChecks } from '../../core/writeChecks';
import { cellText, type Table, type TableRow } from '../../sheet/table';
import { addCounts, archivedNoShowCounts } from '../context';
import type { InvitationLedger } from '../invitationLedger';
import { fixedSinceFailure } from './record';

const PENDING = confirmedDuringConsultation();

export interface RowsToCheck {
  table: Table;
  rows: readonly TableRow[];
  /** Each row as the check reads it, with the 予約ID this run gives it. */
  raw: RawBooking[];
  targets: readonly number[];
  idOf: ReadonlyMap<number, string>;
  today: LocalDate;
}

/** The results in row order, and the rows whose refused send a person has fixed since. */
export function checkedResults(
  input: RowsToCheck,
  base: Omit<CheckContext, 'noShowCounts'>,
  ledger: InvitationLedger,
  sameInvitationAs: ReturnType<InvitationLedger['sameInvitationIndex']>,
): { results: CheckResult[]; failureFixed: Set<number> } {
  const { table, rows, raw, targets, idOf, today } = input;
  // Only the few rows that need it are read twice (the check reads every row once, below):
  // rows a person fixed after a refused send lose their 送信失敗 mark, and no-shows are counted.
  const marked = (i: number, text: string) => cellText(raw[i]!.values.invitedAt).startsWith(text);
  const failureFixed = new Set(
    targets.filter(
      (i) => marked(i, SEND_FAILED_MARK) && fixedSinceFailure(normalizeBooking(raw[i]!, today)),
    ),
  );
  for (const i of failureFixed) {
    raw[i] = { ...raw[i]!, values: { ...raw[i]!.values, invitedAt: '' } };
  }
  const live = countNoShows(
    raw.filter((r) => isNoShow(r.values.status)).map((r) => normalizeBooking(r, today)),
  );
  const idIndex = table.headers.indexOf(BOOKING.id);
  const checkIndex = table.headers.indexOf(BOOKING.checkResult);
  const results = checkBookings(raw, {
    ...base,
    noShowCounts: addCounts(live, archivedNoShowCounts()),
  }).map((result, i) => {
    const id = idOf.get(i) ?? cellText(rows[i]!.values[idIndex]);
    const entry = ledger.get(id);
    const sameAs = entry ? undefined : sameInvitationAs(id, sentDetailsOf(result.booking));
    const previous = cellText(rows[i]!.values[checkIndex]);
    const found = withPendingLedgerFinding(
      withLedgerFindings(result, entry, sameAs),
      entry,
      PENDING,
      sameAs,
    );
    return withCarriedWriteChecks(found, previous);
  });
  return { results, failureFixed };
}

function isNoShow(status: unknown): boolean {
  const read = normalizeStatus(status);
  return read.ok && read.value === STATUS.noShow;
}
