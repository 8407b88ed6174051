// One batch of invitations, in the order that makes "at most one invitation per booking" hold
// whatever runs overlap or crash (see app/sendService.ts): render, mark, ledger, mail, record.
// Each step is one batch of spreadsheet calls whatever the number of mails.
import { renderInvitation, type RenderedInvitation } from '../../core/invitation';
import { sentDetailsOf, type SentDetails } from '../../core/invitationLedger';
import { classifyMailError } from '../../core/mailPolicy';
import { invitationInputFor } from '../../core/readiness';
import { SENDING_MARK } from '../../core/schema';
import type { Outcome } from '../../core/sendPlan';
import { FAILURE_REASON } from '../../core/sendWords';
import { formatInstant } from '../../core/time';
import { InvitationLedger } from '../invitationLedger';
import { enterInLedger, settleLedger } from './ledgerSteps';
import { markAll } from './mark';
import { invitationMessage } from './message';
import { recordOutcomes } from './outcomes';
import { type ReadyRow, refOf } from './survey';
import type { BatchRun, Rendered } from './types';

/** Never throws: a failure is recorded on its row (or in the summary) and the run goes on. */
export function sendBatch(run: BatchRun, ready: readonly ReadyRow[], allowance: number): void {
  const renderable = renderAll(run, ready);
  const toSend = renderable.slice(0, Math.max(0, allowance));
  for (const left of renderable.slice(toSend.length)) {
    run.summary.quota.exhausted = true;
    run.summary.quota.leftUnsent.push(left.ref);
  }
  const mark = `${SENDING_MARK} ${formatInstant(new Date())}`;
  const ledger = InvitationLedger.load();
  const marked = enterInLedger(run, ledger, markAll(run, toSend, mark));
  mailAll(run, marked);
  settleLedger(run, ledger, marked);
  recordOutcomes(run, mark);
}

/** The rows that could be made into a mail; the others get a failed outcome (never marked). */
function renderAll(run: BatchRun, ready: readonly ReadyRow[]): Rendered[] {
  const renderable: Rendered[] = [];
  for (const row of ready) {
    const rendered = render(run, row);
    const ref = refOf(row.checked);
    if (typeof rendered === 'string') {
      run.outcomes.set(
        { row, ref, mail: null, details: null },
        { kind: 'failed', failure: { reason: rendered, mail: 'notSent' }, marked: false },
      );
    } else {
      renderable.push({ row, ref, ...rendered });
    }
  }
  return renderable;
}

function render(
  run: BatchRun,
  row: ReadyRow,
): { mail: RenderedInvitation; details: SentDetails } | string {
  const input = invitationInputFor(row.checked.id, row.booking, run.settings, run.options.now);
  const details = sentDetailsOf(row.booking);
  if (input === null || details === null) return FAILURE_REASON.unreadable;
  const mail = renderInvitation(input);
  return mail.problems.length > 0 ? mail.problems.join(' ') : { mail, details };
}

/** One mail per marked row; today's quota spent stops the batch (the rest wait, unmarked). */
function mailAll(run: BatchRun, marked: readonly Rendered[]): void {
  for (const [index, item] of marked.entries()) {
    const outcome = sendOne(run, item);
    run.outcomes.set(item, outcome);
    if (outcome.kind === 'failed' && outcome.quotaSpent) {
      run.summary.quota.exhausted = true;
      for (const rest of marked.slice(index + 1)) {
        run.outcomes.set(rest, { kind: 'unmarked' });
        run.summary.quota.leftUnsent.push(rest.ref);
      }
      return;
    }
  }
}

function sendOne(run: BatchRun, item: Rendered): Outcome {
  let withoutCalendar: boolean;
  try {
    const built = invitationMessage(item.row.booking, item.mail!, run.settings);
    withoutCalendar = built.withoutCalendar;
    MailApp.sendEmail(built.message);
  } catch (error) {
    const { quotaSpent, ...failure } = classifyMailError(error);
    // Today's quota is not the booking's fault: the next run with quota sends it.
    return { kind: 'failed', failure: { ...failure, retry: quotaSpent }, marked: true, quotaSpent };
  }
  return { kind: 'sent', sentAt: new Date(), withoutCalendar };
}
