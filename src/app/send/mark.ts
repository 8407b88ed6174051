// Step 2a of a batch: `送信中 <time>` on every row to send, written only where the row and the
// cells the mail is made of are still as checked, then flushed: from then on no run sends these
// rows again. A row a person moved, deleted or edited meanwhile is not marked and waits for a new
// check.
import { describeFailure } from '../../core/mailPolicy';
import { planMarks } from '../../core/sendPlan';
import { FAILURE_REASON } from '../../core/sendWords';
import { cellsAsRead, writePlannedCells } from './plannedWrites';
import type { BatchRun, Rendered } from './types';

/** Returns the rows marked; a failure is recorded as every row's outcome (nothing is sent). */
export function markAll(run: BatchRun, toSend: readonly Rendered[], mark: string): Rendered[] {
  if (toSend.length === 0) return [];
  const planned = planMarks(
    toSend.map((item) => ({
      id: item.ref.id,
      cells: cellsAsRead(run.table, item.row.checked.row),
    })),
    mark,
  );
  let skipped: ReadonlySet<unknown>;
  try {
    skipped = writePlannedCells(run.table.sheet, planned);
  } catch (error) {
    // Whether the mark reached the sheet is unknown: if it did, 送信中 stays (the safe state).
    return failAll(run, toSend, error, false);
  }
  const marked: Rendered[] = [];
  toSend.forEach((item, i) => {
    if (skipped.has(planned[i]!)) run.summary.changedMeanwhile.push(item.ref);
    else marked.push(item);
  });
  try {
    SpreadsheetApp.flush();
  } catch (error) {
    // Nothing was handed to the mail service: taking our own marks back is safe.
    return failAll(run, marked, error, true);
  }
  return marked;
}

function failAll(run: BatchRun, items: readonly Rendered[], error: unknown, marked: boolean): [] {
  const reason = FAILURE_REASON.markingFailed(describeFailure(error));
  console.error(`sendReadyInvitations: marking failed: ${describeFailure(error)}`);
  for (const item of items) {
    run.outcomes.set(item, {
      kind: 'failed',
      failure: { reason, mail: 'notSent', retry: true },
      marked,
    });
  }
  return [];
}
