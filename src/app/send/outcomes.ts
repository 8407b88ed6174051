// Step 4 of a batch: one owned-cell write of every outcome (core/sendOutcomes plans it) and the
// 操作ログ lines; then the summary of what was sent.
import { describeFailure } from '../../core/mailPolicy';
import { planOutcomes, sentResults } from '../../core/sendOutcomes';
import type { PlannedCell } from '../../core/sendPlan';
import { formatInstant } from '../../core/time';
import { flagChangedWhileSending } from './changedWhileSending';
import { cellsAsRead, writePlannedCells } from './plannedWrites';
import type { BatchRun } from './types';

export function recordOutcomes(run: BatchRun, mark: string): void {
  const rows = [...run.outcomes].map(([item, outcome]) => ({
    item,
    ref: item.ref,
    cells: cellsAsRead(run.table, item.row.checked.row),
    checkResult: item.row.checked.result.text,
    outcome,
  }));
  const plan = planOutcomes(rows, {
    mark,
    automatic: run.options.automatic,
    termsVersion: run.settings.termsVersion,
    recordedAt: formatInstant(new Date()),
  });
  run.summary.failed.push(...plan.failed);
  for (const line of plan.log) run.options.log.add(line);
  let skipped: ReadonlySet<PlannedCell> = new Set();
  let writeError: string | null = null;
  try {
    skipped = writePlannedCells(run.table.sheet, plan.changes);
  } catch (error) {
    // The sheet is failing: 送信中 stays on every marked row, which is the safe state.
    writeError = describeFailure(error);
    console.error(`sendReadyInvitations: could not record the outcomes: ${writeError}`);
  }
  if (writeError === null) {
    const unsure = plan.sent.filter((s) => skipped.has(s.sentCell));
    const items = unsure.map((s) => ({ item: s.row.item, sentAt: s.sentAt }));
    if (items.length > 0) flagChangedWhileSending(run, items, mark);
  }
  const results = sentResults(plan.sent, skipped, writeError);
  run.summary.failed.push(...results.failed);
  run.summary.sent.push(...results.sent);
}
