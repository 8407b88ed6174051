// Sending invitations (SPEC §4 "Sending invitations"): at most one invitation per booking, ever,
// whatever runs overlap or crash. The caller holds the script lock. For the ready rows, together:
//   1. render each mail (pure) — a booking that cannot be rendered is never marked;
//   2. write 招待メール送信日時 = `送信中 <time>` on every row to send, in one owned-cell write that
//      re-reads the sheet first and skips a row that moved away or whose mail cells (宛先, 日時,
//      URL, 状態 …) a person changed since the check; then flush, and record the marked ids in
//      the invitation ledger (a document property) — from here on no run will send these
//      bookings again, whatever happens to their cells (only 招待メールを再送 does);
//   3. MailApp.sendEmail, one per marked row; the ledger then says which went;
//   4. one owned-cell write of every outcome: the send time and 状態 確定, or why not; one append
//      to 操作ログ (booking id and terms version only). A row whose address, day, time or URL a
//      person changed while its mail was going still becomes 確定 (a mail did go, with what the
//      row said before) and gets an エラー naming the cell and saying to use 招待メールを再送.
// A crash between 2 and 4 leaves `送信中` on the marked rows: reported, and never resent
// automatically; a person checks the Gmail 送信済み folder (the operations guide says how).
//
// Spreadsheet calls: a constant per run whatever the number of rows and of mails (the check, the
// mark, one flush, the outcomes, the log). Nothing is done per row that is not ready.
// test/bundle/invitations.test.ts and test/bundle/callCounts.test.ts measure it.
import type { NormalizedBooking } from '../core/booking';
import { renderInvitation, singleLine, type RenderedInvitation } from '../core/invitation';
import {
  changedSince,
  changedSinceInvitationLine,
  LEDGER_FIELDS,
  quoted,
  type SentDetails,
  sentDetailsOf,
} from '../core/invitationLedger';
import { redactPersonalData } from '../core/privacy';
import {
  countNotReady,
  invitationInputFor,
  readinessOf,
  type NotReadyReason,
  type Readiness,
} from '../core/readiness';
import { BOOKING, ERROR_PREFIX, SEND_FAILED_MARK, SENDING_MARK, STATUS } from '../core/schema';
import type { Settings } from '../core/settings';
import { dayOf, formatInstant } from '../core/time';
import { normalizeBooking } from '../core/check';
import { bookingReader } from '../sheet/bookings';
import { type OwnedChange, readRowsById, sameCell } from '../sheet/ownedWrites';
import { type Cell, cellOf, cellText, type Table } from '../sheet/table';
import type { AuditLog } from './auditLog';
import { InvitationLedger } from './invitationLedger';
import { writeBookingCells } from './bookingWrites';
import { checkAndRecord, type CheckedRow, type CheckRun } from './checkService';
import { loadSettings } from './context';
import { documentProperties, PROPERTY } from './properties';

/**
 * Document property: the Tokyo day on which staff were last told the mail quota was spent, one
 * per sending account (a menu send spends the clicking person's quota, a tick the trigger
 * owner's), keyed `quotaAlertDay:<e-mail>`.
 */
export const QUOTA_ALERT_DAY_PROPERTY = PROPERTY.quotaAlertDay;

function quotaAlertKey(): string {
  return `${QUOTA_ALERT_DAY_PROPERTY}:${Session.getEffectiveUser().getEmail()}`;
}
export const LOG_ACTION = {
  sent: '招待メール送信',
  failed: '招待メール送信失敗',
  quotaStop: '招待メール送信停止（送信上限）',
  changedWhileSending: '招待メール送信中の変更',
} as const;
const ALERT_SENDER_NAME = 'オンライン相談 予約台帳';
const ICS_CONTENT_TYPE = 'text/calendar';

export interface SendOptions {
  now: Date;
  /** True for the 10-minute trigger: also waits 送信待ち時間, and does nothing when 自動送信 is いいえ. */
  automatic: boolean;
  log: AuditLog;
  /** A check made under the same lock hold, to avoid checking twice (else this checks first). */
  checked?: CheckRun;
  /** Send only these 予約ID (the ones a person confirmed in a dialog). */
  onlyIds?: ReadonlySet<string>;
}

export interface RowRef {
  id: string;
  rowNumber: number;
}

export interface FailedSend extends RowRef {
  /** Japanese, for the row and the dialog; no personal data beyond what the row holds. */
  reason: string;
  /** Whether the job seeker may have the mail: decides whether 送信中 stays. */
  mail: 'notSent' | 'unknown' | 'sent';
}

export interface SendSummary {
  /** Automatic run while 招待メール自動送信 is いいえ: nothing was checked or sent. */
  autoSendOff: boolean;
  readyAtStart: number;
  sent: (RowRef & { sentAt: Date; statusWritten: boolean })[];
  failed: FailedSend[];
  /** Moved, deleted or edited between the check and the send: not sent, checked again next run. */
  changedMeanwhile: RowRef[];
  /** Rows still marked 送信中 from an earlier run: a person must look (never resent). */
  stuckSending: RowRef[];
  /** Sent, but the row's address, day, time or URL changed meanwhile: flagged to resend. */
  changedWhileSending: (RowRef & { fields: string[] })[];
  quota: {
    exhausted: boolean;
    /** Ready rows left 受付 because the daily quota was spent. */
    leftUnsent: RowRef[];
    alert: 'none' | 'sent' | 'alreadyToday' | 'noRecipients' | 'failed';
  };
  notReady: Partial<Record<NotReadyReason, number>>;
  /** 設定 / 対象者 / 休業日 problems from the check. */
  problems: string[];
}

export interface ReadyRow {
  checked: CheckedRow;
  booking: NormalizedBooking;
}

export interface Survey {
  ready: ReadyRow[];
  verdicts: { checked: CheckedRow; readiness: Readiness }[];
  notReady: Partial<Record<NotReadyReason, number>>;
  stuckSending: RowRef[];
}

/** Which checked rows are ready now, and why the others are not. */
export function surveyReadiness(
  run: CheckRun,
  settings: Settings,
  now: Date,
  automatic: boolean,
): Survey {
  const idCounts = new Map<string, number>();
  for (const c of run.checked) if (c.id !== '') idCounts.set(c.id, (idCounts.get(c.id) ?? 0) + 1);
  const duplicatedIds = new Set([...idCounts].filter(([, n]) => n > 1).map(([id]) => id));
  const ledger = InvitationLedger.load();
  const context = {
    today: dayOf(now),
    now,
    automatic,
    quietMinutes: settings.quietMinutes,
    duplicatedIds,
    invitedIds: ledger.ids(),
    invitedKeys: ledger.keys(),
  };
  const verdicts = run.checked.map((checked) => ({
    checked,
    readiness: readinessOf(
      { id: checked.id, errors: checked.result.errors, booking: checked.result.booking },
      context,
    ),
  }));
  return {
    ready: verdicts
      .filter((v) => v.readiness.ready)
      .map((v) => ({ checked: v.checked, booking: v.checked.result.booking })),
    verdicts,
    notReady: countNotReady(verdicts.map((v) => v.readiness)),
    stuckSending: verdicts
      .filter((v) => !v.readiness.ready && v.readiness.reason === 'sending')
      .map((v) => refOf(v.checked)),
  };
}

export function sendReadyInvitations(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: SendOptions,
): SendSummary {
  const summary = emptySummary();
  // 設定 alone first: an automatic run with 自動送信 off must stay cheap.
  const settings = options.checked?.settings ?? loadSettings(spreadsheet).settings;
  if (options.automatic && !settings.autoSend) return { ...summary, autoSendOff: true };
  const run = options.checked ?? checkAndRecord(spreadsheet, { now: options.now });
  const survey = surveyReadiness(run, settings, options.now, options.automatic);
  const ready = survey.ready.filter((r) => !options.onlyIds || options.onlyIds.has(r.checked.id));
  summary.readyAtStart = ready.length;
  summary.notReady = survey.notReady;
  summary.stuckSending = survey.stuckSending;
  summary.problems = [...new Set(run.problems)];
  if (ready.length === 0) return summary;

  const batch = new InvitationBatch(run.table, settings, options, summary);
  const quota = new QuotaGuard(settings, dayOf(options.now));
  batch.send(ready, quota.allowance());
  if (summary.quota.exhausted && summary.quota.leftUnsent.length > 0) {
    const left = summary.quota.leftUnsent;
    options.log.add({
      action: LOG_ACTION.quotaStop,
      detail: `1日の送信上限のため${left.length}件を送っていません（${left.map((r) => r.id).join('、')}）`,
    });
    summary.quota.alert = quota.alertStaff(left);
  }
  options.log.flush(spreadsheet);
  return summary;
}

function emptySummary(): SendSummary {
  return {
    autoSendOff: false,
    readyAtStart: 0,
    sent: [],
    failed: [],
    changedMeanwhile: [],
    stuckSending: [],
    changedWhileSending: [],
    quota: { exhausted: false, leftUnsent: [], alert: 'none' },
    notReady: {},
    problems: [],
  };
}

function refOf(checked: CheckedRow): RowRef {
  return { id: checked.id, rowNumber: checked.row.rowNumber };
}

// ─── The batch ───────────────────────────────────────────────────────────────────────────────

/** Cells the mail and the check are made of: if any changed since the check, do not send. */
const CONTENT_HEADERS = [
  BOOKING.name,
  BOOKING.seekerNo,
  BOOKING.email,
  BOOKING.date,
  BOOKING.start,
  BOOKING.office,
  BOOKING.officer,
  BOOKING.meetingUrl,
  BOOKING.status,
];

interface Rendered {
  row: ReadyRow;
  ref: RowRef;
  /** Null when the booking could not be made into a mail (it is never marked). */
  mail: RenderedInvitation | null;
  /** What the mail says, as the invitation ledger records it. */
  details: SentDetails | null;
}

/** What happened to one rendered invitation, written to its row at the end of the batch. */
type Outcome =
  | { kind: 'sent'; sentAt: Date }
  /** `quotaSpent`: the mail service refused it for today's quota, which stops the batch. */
  | { kind: 'failed'; failure: Failure; marked: boolean; quotaSpent?: boolean }
  /** Marked, then not sent (the quota ran out, or the run stopped before it): mark taken back. */
  | { kind: 'unmarked' };

type Failure = Pick<FailedSend, 'reason' | 'mail'> & { retry?: boolean };

/**
 * Sends the ready rows in three steps, each one batch of spreadsheet calls whatever the number
 * of mails: mark every row to be sent (`送信中 <time>`, written only where the row and the cells
 * the mail is made of are still as checked) and flush; send the mails; write every outcome
 * (送信日時 and 確定, or why not) in one owned-cell write, and the 操作ログ once.
 */
class InvitationBatch {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;

  constructor(
    private readonly checkedTable: Table,
    private readonly settings: Settings,
    private readonly options: SendOptions,
    private readonly summary: SendSummary,
  ) {
    this.sheet = checkedTable.sheet;
  }

  /** Never throws: a failure is recorded on its row (or in the summary) and the run goes on. */
  send(ready: readonly ReadyRow[], allowance: number): void {
    const outcomes = new Map<Rendered, Outcome>();
    const renderable: Rendered[] = [];
    for (const row of ready) {
      const rendered = this.render(row);
      if (typeof rendered === 'string') {
        const failure: Failure = { reason: rendered, mail: 'notSent' };
        outcomes.set(
          { row, ref: refOf(row.checked), mail: null, details: null },
          { kind: 'failed', failure, marked: false },
        );
      } else {
        renderable.push({ row, ref: refOf(row.checked), ...rendered });
      }
    }
    const toSend = renderable.slice(0, Math.max(0, allowance));
    for (const left of renderable.slice(toSend.length)) {
      this.summary.quota.exhausted = true;
      this.summary.quota.leftUnsent.push(left.ref);
    }

    const mark = `${SENDING_MARK} ${formatInstant(new Date())}`;
    const ledger = InvitationLedger.load();
    const marked = this.enterInLedger(ledger, this.markAll(toSend, mark, outcomes), outcomes);
    for (const [index, item] of marked.entries()) {
      const outcome = this.sendOne(item);
      outcomes.set(item, outcome);
      if (outcome.kind === 'failed' && outcome.quotaSpent) {
        // Today's quota is spent: the rows not yet sent wait for the next run with quota.
        this.summary.quota.exhausted = true;
        for (const rest of marked.slice(index + 1)) {
          outcomes.set(rest, { kind: 'unmarked' });
          this.summary.quota.leftUnsent.push(rest.ref);
        }
        break;
      }
    }
    this.settleLedger(ledger, marked, outcomes);
    this.record(outcomes, mark);
  }

  /**
   * Records every marked booking in the ledger before any mail goes. An id already there (only a
   * run that bypassed the check could see one) is not sent: its mark is taken back. When the
   * ledger cannot be written, nothing is sent and the marks are taken back.
   */
  private enterInLedger(
    ledger: InvitationLedger,
    marked: readonly Rendered[],
    outcomes: Map<Rendered, Outcome>,
  ): Rendered[] {
    const fresh: Rendered[] = [];
    for (const item of marked) {
      // The same invitation under another id (or twice in this batch) is the same booking.
      if (ledger.has(item.ref.id) || ledger.sameInvitationAs(item.ref.id, item.details)) {
        outcomes.set(item, { kind: 'unmarked' });
        this.summary.changedMeanwhile.push(item.ref);
      } else {
        ledger.record(item.ref.id, item.details!, 'sending');
        fresh.push(item);
      }
    }
    if (fresh.length === 0) return [];
    try {
      ledger.save(dayOf(this.options.now));
    } catch (error) {
      const reason = `送信記録を保存できませんでした（${describe(error)}）`;
      console.error(`sendReadyInvitations: ledger not saved: ${describe(error)}`);
      for (const item of fresh) {
        outcomes.set(item, {
          kind: 'failed',
          failure: { reason, mail: 'notSent', retry: true },
          marked: true,
        });
      }
      return [];
    }
    return fresh;
  }

  /** Sent: kept as sent. Surely not sent: taken out, so a later run may send it. Unknown: stays. */
  private settleLedger(
    ledger: InvitationLedger,
    marked: readonly Rendered[],
    outcomes: ReadonlyMap<Rendered, Outcome>,
  ): void {
    if (marked.length === 0) return;
    for (const item of marked) {
      const outcome = outcomes.get(item);
      if (outcome?.kind === 'sent') ledger.setState(item.ref.id, 'sent');
      else if (outcome?.kind === 'unmarked') ledger.restore(item.ref.id, undefined);
      else if (outcome?.kind === 'failed' && outcome.failure.mail === 'notSent') {
        ledger.restore(item.ref.id, undefined);
      }
    }
    try {
      ledger.save(dayOf(this.options.now));
    } catch (error) {
      // The entries stay 'sending': those bookings wait for a person, which is the safe side.
      console.error(`sendReadyInvitations: ledger not updated: ${describe(error)}`);
    }
  }

  private render(row: ReadyRow): { mail: RenderedInvitation; details: SentDetails } | string {
    const input = invitationInputFor(row.checked.id, row.booking, this.settings, this.options.now);
    const details = sentDetailsOf(row.booking);
    if (input === null || details === null) {
      return '相談日・開始時刻・メールアドレスのいずれかが読み取れません';
    }
    const mail = renderInvitation(input);
    return mail.problems.length > 0 ? mail.problems.join(' ') : { mail, details };
  }

  /**
   * Writes the mark on every row still as checked, and flushes: from then on no run sends these
   * rows again. Returns the rows marked. A row a person moved, deleted or edited meanwhile is not
   * marked and waits for a new check.
   */
  private markAll(toSend: readonly Rendered[], mark: string, outcomes: Map<Rendered, Outcome>) {
    if (toSend.length === 0) return [];
    const changes = toSend.map((item): OwnedChange => ({
      key: { id: item.ref.id },
      header: BOOKING.invitedAt,
      expected: '',
      value: mark,
      guards: CONTENT_HEADERS.map((header) => ({
        header,
        expected: cellOf(this.checkedTable, item.row.checked.row, header),
      })),
    }));
    const failAll = (items: readonly Rendered[], error: unknown, marked: boolean): [] => {
      const reason = `台帳の読み書きに失敗しました（${describe(error)}）`;
      console.error(`sendReadyInvitations: marking failed: ${describe(error)}`);
      for (const item of items) {
        outcomes.set(item, {
          kind: 'failed',
          failure: { reason, mail: 'notSent', retry: true },
          marked,
        });
      }
      return [];
    };
    let skipped: ReadonlySet<OwnedChange>;
    try {
      skipped = new Set(writeBookingCells(this.sheet, changes).skipped);
    } catch (error) {
      // Whether the mark reached the sheet is unknown: if it did, 送信中 stays (the safe state).
      return failAll(toSend, error, false);
    }
    const marked: Rendered[] = [];
    toSend.forEach((item, i) => {
      if (skipped.has(changes[i]!)) this.summary.changedMeanwhile.push(item.ref);
      else marked.push(item);
    });
    try {
      SpreadsheetApp.flush();
    } catch (error) {
      // Nothing was handed to the mail service: taking our own marks back is safe.
      return failAll(marked, error, true);
    }
    return marked;
  }

  private sendOne(item: Rendered): Outcome {
    try {
      MailApp.sendEmail(this.message(item.row, item.mail!));
    } catch (error) {
      const { quotaSpent, ...failure } = classifyMailError(error);
      // Today's quota is not the booking's fault: the next run with quota sends it.
      return {
        kind: 'failed',
        failure: { ...failure, retry: quotaSpent },
        marked: true,
        quotaSpent,
      };
    }
    return { kind: 'sent', sentAt: new Date() };
  }

  private message(
    row: ReadyRow,
    mail: RenderedInvitation,
  ): GoogleAppsScript.Mail.MailAdvancedParameters {
    return invitationMessage(row.booking, mail, this.settings);
  }

  /**
   * One owned-cell write for every outcome: sent rows get the send time and 確定; failures an
   * `エラー:` line in チェック結果 and, in 招待メール送信日時, `送信失敗 <time>（reason）` when the
   * mail service refused it (it surely did not go; not retried until a person fixes the row),
   * blank when it may simply be sent again, else 送信中 stays for a person to check.
   */
  private record(outcomes: ReadonlyMap<Rendered, Outcome>, mark: string): void {
    const changes: OwnedChange[] = [];
    const statusChanges = new Map<Rendered, OwnedChange>();
    const sentChanges = new Map<Rendered, OwnedChange>();
    const how = this.options.automatic ? '自動送信' : 'メニューから送信';
    for (const [item, outcome] of outcomes) {
      const key = { id: item.ref.id };
      const cell = (header: string) => cellOf(this.checkedTable, item.row.checked.row, header);
      if (outcome.kind === 'sent') {
        const status: OwnedChange = {
          key,
          header: BOOKING.status,
          expected: cell(BOOKING.status),
          value: STATUS.confirmed,
        };
        // Guarded by what the mail was made of: a change there is flagged (flagChangedWhileSending).
        const sent: OwnedChange = {
          key,
          header: BOOKING.invitedAt,
          expected: mark,
          value: toTheMinute(outcome.sentAt),
          guards: LEDGER_FIELDS.map((header) => ({ header, expected: cell(header) })),
        };
        changes.push(sent, status);
        statusChanges.set(item, status);
        sentChanges.set(item, sent);
        this.options.log.add({
          action: LOG_ACTION.sent,
          bookingId: item.ref.id,
          detail: `${how}。規約版: ${this.settings.termsVersion}`,
        });
      } else if (outcome.kind === 'unmarked') {
        changes.push({ key, header: BOOKING.invitedAt, expected: mark, value: '' });
      } else {
        const { failure, marked } = outcome;
        this.summary.failed.push({ ...item.ref, reason: failure.reason, mail: failure.mail });
        this.options.log.add({
          action: LOG_ACTION.failed,
          bookingId: item.ref.id,
          detail: redactPersonalData(failure.reason),
        });
        // The check wrote its result just before (or kept what a person had typed).
        const checkResult = item.row.checked.result.text;
        changes.push({
          key,
          header: BOOKING.checkResult,
          expected: checkResult,
          value: appendLine(checkResult, failureLine(failure)),
        });
        if (marked && failure.mail === 'notSent') {
          const refused = `${SEND_FAILED_MARK} ${formatInstant(new Date())}（${failure.reason}）`;
          changes.push({
            key,
            header: BOOKING.invitedAt,
            expected: mark,
            value: failure.retry ? '' : refused,
          });
        }
      }
    }
    let skipped: ReadonlySet<OwnedChange> = new Set();
    let writeError: string | null = null;
    try {
      skipped = new Set(writeBookingCells(this.sheet, changes).skipped);
    } catch (error) {
      // The sheet is failing: 送信中 stays on every marked row, which is the safe state.
      writeError = describe(error);
      console.error(`sendReadyInvitations: could not record the outcomes: ${writeError}`);
    }
    if (writeError === null) {
      const unsure = [...sentChanges].filter(([, c]) => skipped.has(c)).map(([item]) => item);
      if (unsure.length > 0) this.flagChangedWhileSending(unsure, mark, outcomes);
    }
    for (const [item, outcome] of outcomes) {
      if (outcome.kind !== 'sent') continue;
      if (writeError !== null) {
        this.summary.failed.push({
          ...item.ref,
          reason: `送信後に台帳へ記録できませんでした: ${writeError}`,
          mail: 'sent',
        });
        continue;
      }
      // The status is skipped only if a person changed it during the send; their word stands.
      const statusWritten = !skipped.has(statusChanges.get(item)!);
      this.summary.sent.push({ ...item.ref, sentAt: outcome.sentAt, statusWritten });
    }
  }

  /**
   * Sent rows whose send time was not written: re-read them (a rare path, 4 calls) and, where the
   * address, day, time or URL now differ from what the mail said, write the send time anyway and
   * an エラー naming the cell and saying to use 招待メールを再送. Where nothing the mail was made
   * of changed, a person edited 招待メール送信日時 itself: their word stands.
   */
  private flagChangedWhileSending(
    items: readonly Rendered[],
    mark: string,
    outcomes: ReadonlyMap<Rendered, Outcome>,
  ): void {
    try {
      const { table, allIds } = readRowsById(
        this.sheet,
        BOOKING.id,
        new Set(items.map((i) => i.ref.id)),
      );
      const idIndex = table.headers.indexOf(BOOKING.id);
      const read = bookingReader(table);
      const today = dayOf(this.options.now);
      const changes: OwnedChange[] = [];
      for (const item of items) {
        const outcome = outcomes.get(item);
        const id = item.ref.id;
        if (outcome?.kind !== 'sent' || allIds.filter((x) => x === id).length !== 1) continue;
        const row = table.rows.find((r) => cellText(r.values[idIndex]) === id);
        if (!row) continue;
        const now = sentDetailsOf(
          normalizeBooking({ rowNumber: row.rowNumber, values: read(row) }, today),
        );
        const fields = now === null ? [BOOKING.email] : changedSince(item.details!, now);
        if (fields.length === 0) continue;
        const key = { id };
        const invitedAt = cellOf(table, row, BOOKING.invitedAt);
        if (sameCell(invitedAt, mark)) {
          changes.push({
            key,
            header: BOOKING.invitedAt,
            expected: mark,
            value: toTheMinute(outcome.sentAt),
          });
        }
        const result = cellOf(table, row, BOOKING.checkResult);
        changes.push({
          key,
          header: BOOKING.checkResult,
          expected: result,
          value: appendLine(result, changedSinceInvitationLine(fields)),
        });
        this.summary.changedWhileSending.push({ ...item.ref, rowNumber: row.rowNumber, fields });
        this.options.log.add({
          action: LOG_ACTION.changedWhileSending,
          bookingId: id,
          detail: `送信中に${quoted(fields)}が変更されました。招待メールは変更前の内容で送られています。「招待メールを再送」で新しい内容を送ってください。`,
        });
      }
      writeBookingCells(this.sheet, changes);
    } catch (error) {
      console.error(
        `sendReadyInvitations: could not flag rows changed while sending: ${describe(error)}`,
      );
    }
  }
}

/** 招待メール送信日時 to the minute (as it is shown): mails of one minute share one write. */
export function toTheMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
}

/** The MailApp message of a rendered invitation (the send and 招待メールを再送). */
export function invitationMessage(
  booking: NormalizedBooking,
  mail: RenderedInvitation,
  settings: Settings,
): GoogleAppsScript.Mail.MailAdvancedParameters {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: booking.email ?? '',
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    // A header value: one line whatever was typed into 設定 (no forged headers).
    name: singleLine(settings.senderNames[booking.office] ?? ''),
  };
  if (settings.replyTo) message.replyTo = settings.replyTo;
  if (mail.ics) {
    message.attachments = [
      Utilities.newBlob(mail.ics.content, ICS_CONTENT_TYPE, mail.ics.fileName),
    ];
  }
  return message;
}

export function appendLine(current: Cell, line: string): string {
  const text = String(current).trim();
  return text === '' || text === 'OK' ? line : `${text}\n${line}`;
}

// ─── Mail errors ─────────────────────────────────────────────────────────────────────────────

/**
 * MailApp rejects these before handing the message over, so the mail surely did not go and the
 * row may be sent again: argument and address validation, size limits, the daily quota and
 * missing authorisation. Anything else (a server error, a timeout) may have happened after
 * Gmail accepted the message, so 送信中 stays and a person checks the account's 送信済み folder.
 */
const REJECTED_BEFORE_SENDING: readonly { pattern: RegExp; reason: string; quota?: true }[] = [
  {
    pattern: /^Invalid email/i,
    reason: 'メールアドレスがメールサービスに受け付けられませんでした',
  },
  { pattern: /no recipient/i, reason: '宛先がありません' },
  {
    pattern: /^(Invalid argument|Argument too large)/i,
    reason: 'メールの内容が受け付けられませんでした',
  },
  { pattern: /^Limit Exceeded/i, reason: 'メールの大きさか宛先の数が上限を超えています' },
  {
    pattern: /Service invoked too many times for one day: email/i,
    reason: '1日の送信上限に達しました',
    quota: true,
  },
  {
    pattern: /(do not have permission|Authorization is required|Required permissions)/i,
    reason: 'メールを送る権限がありません（初期設定を実行したアカウントで承認してください）',
  },
];

export function classifyMailError(
  error: unknown,
): Pick<FailedSend, 'reason' | 'mail'> & { quotaSpent: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const known = REJECTED_BEFORE_SENDING.find((k) => k.pattern.test(message));
  if (known) return { reason: known.reason, mail: 'notSent', quotaSpent: known.quota === true };
  return {
    reason: `メールサービスのエラー: ${redactPersonalData(message).slice(0, 120)}`,
    mail: 'unknown',
    quotaSpent: false,
  };
}

export function failureLine(
  failure: Pick<FailedSend, 'reason' | 'mail'> & { retry?: boolean },
): string {
  const head = `${ERROR_PREFIX} 招待メールを送れませんでした（${failure.reason}）。`;
  switch (failure.mail) {
    case 'notSent':
      return failure.retry
        ? `${head}メールは送られていません。次の自動送信か「招待メールを送信」で送り直せます。`
        : `${head}メールは送られていません。「メールアドレス」など原因の欄を直すと、次のチェックで送信できる状態に戻ります。`;
    case 'unknown':
      return (
        `${head}送られたかどうか分かりません。送信したアカウントの Gmail「送信済み」を確認し、` +
        '送られていれば「招待メール送信日時」に日時を入れて「状態」を「確定」に、送られていなければ「招待メール送信日時」を空にしてください。'
      );
    case 'sent':
      return `${head}メールは送られました。「招待メール送信日時」に送信日時を入れ、「状態」を「確定」にしてください。`;
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactPersonalData(text).slice(0, 200);
}

// ─── Quota ───────────────────────────────────────────────────────────────────────────────────

/**
 * Checks the remaining daily quota before a batch. While staff have not yet been told today,
 * one recipient per 通知先メール address is held back, so the "quota spent" alert can still go
 * out: a job seeker left waiting with nobody knowing is worse than one invitation sent later.
 */
class QuotaGuard {
  private alertedToday: boolean | null = null;

  constructor(
    private readonly settings: Settings,
    private readonly today: string,
  ) {}

  /** How many invitations may go now. */
  allowance(): number {
    return MailApp.getRemainingDailyQuota() - this.reserve();
  }

  private reserve(): number {
    return this.alreadyAlerted() ? 0 : this.settings.alertTo.length;
  }

  private alreadyAlerted(): boolean {
    if (this.alertedToday === null) {
      const day = documentProperties().getProperty(quotaAlertKey());
      this.alertedToday = day === this.today;
    }
    return this.alertedToday;
  }

  /** Once per Tokyo day: a mail to 通知先メール listing the bookings left unsent (ids only). */
  alertStaff(left: readonly RowRef[]): SendSummary['quota']['alert'] {
    if (this.alreadyAlerted()) return 'alreadyToday';
    if (this.settings.alertTo.length === 0) return 'noRecipients';
    try {
      MailApp.sendEmail({
        to: this.settings.alertTo.join(','),
        subject: '【オンライン相談】招待メールの送信上限に達しました',
        body: [
          'Gmail の1日の送信上限に達したため、次の予約の招待メールを送っていません（状態は「受付」のままです）。',
          '',
          ...left.map((r) => `・${r.id}（予約シート ${r.rowNumber}行目）`),
          '',
          '上限は送信開始から24時間ほどで戻り、その後の自動送信またはメニュー「招待メールを送信」で送られます。',
          '相談日が近い予約は、お電話でのご案内もご検討ください。',
          '',
          'このメールは1日に1回だけ送られます。',
        ].join('\n'),
        name: ALERT_SENDER_NAME,
      });
    } catch (error) {
      console.error(`sendReadyInvitations: quota alert failed: ${describe(error)}`);
      return 'failed';
    }
    documentProperties().setProperty(quotaAlertKey(), this.today);
    this.alertedToday = true;
    return 'sent';
  }
}
