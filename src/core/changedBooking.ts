// A confirmed booking changed after its invitation (issue 15 §2): the line onEdit writes into
// チェック結果 at once, the same the check writes from the ledger (invitationLedger.ts), so the
// next check keeps it or rewrites it as it always has. Pure.
import { checkCellLines, checkCellOf } from './checkCell';
import { changedSinceInvitationLine, LEDGER_FIELDS } from './invitationLedger';

// The line itself is the ledger module's (the check writes it from there too).
export { changedBookingLine } from './invitationLedger';

/** The columns whose edit may make a confirmed booking differ from its invitation. */
export const WATCHED_HEADERS: readonly string[] = LEDGER_FIELDS;

/** The start every changed-booking line shares, whichever fields it names. */
const CHANGED_LINE_START = changedSinceInvitationLine([]).split('が変わりました')[0]!;

/**
 * チェック結果 with `line` (an earlier changed-booking line is replaced: it named fewer fields);
 * the other lines are kept and the count line is made right. null: the cell already says it.
 */
export function checkCellWithChangedLine(current: unknown, line: string): string | null {
  const lines = checkCellLines(current);
  if (lines.includes(line)) return null;
  const kept = lines.filter((l) => !l.startsWith(CHANGED_LINE_START));
  return checkCellOf([...kept, line]);
}
