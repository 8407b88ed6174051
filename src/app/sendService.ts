// Sending invitations (SPEC §4 "Sending invitations"): at most one invitation per booking, ever,
// whatever runs overlap or crash. The caller holds the script lock. For each ready row:
//   1. render the mail (pure) — a booking that cannot be rendered is never marked;
//   2. write 招待メール送信日時 = `送信中 <time>` (owned-cell write: skipped if the row moved away or
//      a person changed the cell) and flush — from here on no run will send this row again;
//   3. re-read the sheet and find the row by 予約ID: the mark must be ours and the cells the mail
//      is made of must be as checked, else the mark is taken back and nothing is sent;
//   4. MailApp.sendEmail;
//   5. write the send time and 状態 確定; 操作ログ (booking id and terms version only).
// A crash between 2 and 5 leaves `送信中`: reported, and never resent automatically.
//
// Spreadsheet calls: a constant per run (the check: a few sheet reads and one batch of writes;
// 設定 once more) plus 20 per mail actually attempted (mark 4, flush 1, re-read 2, result 6,
// 操作ログ 7 — flushed per mail so a later crash cannot lose the record of a send). Nothing is
// done per row that is not ready. test/bundle/invitations.test.ts measures both.
import type { NormalizedBooking } from '../core/booking';
import { renderInvitation, singleLine, type RenderedInvitation } from '../core/invitation';
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
import { BOOKING_WRITE_PLAN } from '../sheet/bookings';
import { type OwnedChange, readRowsById, sameCell, writeOwnedCells } from '../sheet/ownedWrites';
import type { Cell, Table, TableRow } from '../sheet/table';
import type { AuditLog } from './auditLog';
import { checkAndRecord, type CheckedRow, type CheckRun } from './checkService';
import { loadSettings } from './context';

/** Document property: the Tokyo day on which staff were last told the mail quota was spent. */
export const QUOTA_ALERT_DAY_PROPERTY = 'quotaAlertDay';
export const LOG_ACTION = {
  sent: '招待メール送信',
  failed: '招待メール送信失敗',
  quotaStop: '招待メール送信停止（送信上限）',
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
  const context = {
    today: dayOf(now),
    now,
    automatic,
    quietMinutes: settings.quietMinutes,
    duplicatedIds,
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

  const sender = new InvitationSender(spreadsheet, run.table, settings, options, summary);
  const quota = new QuotaGuard(settings, dayOf(options.now));
  for (const row of ready) {
    if (summary.quota.exhausted || !quota.allowsOne()) {
      summary.quota.exhausted = true;
      summary.quota.leftUnsent.push(refOf(row.checked));
      continue;
    }
    if (sender.send(row) === 'quotaSpent') summary.quota.exhausted = true;
  }
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
    quota: { exhausted: false, leftUnsent: [], alert: 'none' },
    notReady: {},
    problems: [],
  };
}

function refOf(checked: CheckedRow): RowRef {
  return { id: checked.id, rowNumber: checked.row.rowNumber };
}

// ─── One invitation ──────────────────────────────────────────────────────────────────────────

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

class InvitationSender {
  private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;

  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly checkedTable: Table,
    private readonly settings: Settings,
    private readonly options: SendOptions,
    private readonly summary: SendSummary,
  ) {
    this.sheet = checkedTable.sheet;
  }

  /** Never throws: one row's failure is recorded on that row and the run goes on. */
  send(row: ReadyRow): 'done' | 'quotaSpent' {
    const ref = refOf(row.checked);
    const rendered = this.render(row);
    if (typeof rendered === 'string') {
      this.fail(ref, { reason: rendered, mail: 'notSent' }, null);
      return 'done';
    }
    let stage: 'marking' | 'marked' | 'sending' | 'sent' = 'marking';
    let mark = '';
    try {
      mark = `${SENDING_MARK} ${formatInstant(new Date())}`;
      if (!this.writeMark(ref, mark)) return 'done';
      stage = 'marked';
      SpreadsheetApp.flush();
      const fresh = this.reread(ref, row, mark);
      if (fresh === null) return 'done';
      stage = 'sending';
      try {
        MailApp.sendEmail(this.message(row, rendered.mail));
      } catch (error) {
        const failure = classifyMailError(error);
        // Today's quota is not the booking's fault: the next run with quota sends it.
        this.fail(ref, { ...failure, retry: failure.quotaSpent }, { fresh, mark });
        return failure.quotaSpent ? 'quotaSpent' : 'done';
      }
      stage = 'sent';
      this.recordSent(ref, fresh, mark);
      return 'done';
    } catch (error) {
      // A spreadsheet (or other service) failure around the send, not the send itself.
      const detail = describe(error);
      console.error(`sendReadyInvitations: ${ref.id} failed at ${stage}: ${detail}`);
      if (stage === 'sent') {
        this.fail(ref, { reason: recordFailedAfterSend(detail), mail: 'sent' }, null);
      } else if (stage === 'marked' || stage === 'sending') {
        // Nothing was handed to the mail service: taking our own mark back is safe.
        this.fail(
          ref,
          { reason: `台帳の読み書きに失敗しました（${detail}）`, mail: 'notSent', retry: true },
          {
            fresh: null,
            mark,
          },
        );
      } else {
        this.fail(
          ref,
          { reason: `台帳の読み書きに失敗しました（${detail}）`, mail: 'notSent', retry: true },
          null,
        );
      }
      return 'done';
    }
  }

  private render(row: ReadyRow): { mail: RenderedInvitation } | string {
    const input = invitationInputFor(row.checked.id, row.booking, this.settings, this.options.now);
    if (input === null || row.booking.email === null) {
      return '相談日・開始時刻・メールアドレスのいずれかが読み取れません';
    }
    const mail = renderInvitation(input);
    return mail.problems.length > 0 ? mail.problems.join(' ') : { mail };
  }

  /** Writes `送信中 <time>`; false (and reported) when the row moved away or a person changed it. */
  private writeMark(ref: RowRef, mark: string): boolean {
    const outcome = writeOwnedCells(this.sheet, BOOKING_WRITE_PLAN, [
      { key: { id: ref.id }, header: BOOKING.invitedAt, expected: '', value: mark },
    ]);
    if (outcome.written === 1) return true;
    this.summary.changedMeanwhile.push(ref);
    return false;
  }

  /**
   * The row as it is now, found by 予約ID. It must carry our mark and the values the check saw;
   * otherwise the mark is taken back (only if it is still ours) and the row waits for a new check.
   */
  private reread(ref: RowRef, row: ReadyRow, mark: string): FreshRow | null {
    const fresh = this.find(ref.id);
    if (
      fresh &&
      cellOf(fresh, BOOKING.invitedAt) === mark &&
      this.unchanged(row.checked.row, fresh)
    ) {
      return fresh;
    }
    if (fresh && cellOf(fresh, BOOKING.invitedAt) === mark) {
      writeOwnedCells(this.sheet, BOOKING_WRITE_PLAN, [
        { key: { id: ref.id }, header: BOOKING.invitedAt, expected: mark, value: '' },
      ]);
    }
    this.summary.changedMeanwhile.push(ref);
    return null;
  }

  private unchanged(checkedRow: TableRow, fresh: FreshRow): boolean {
    const before = { table: this.checkedTable, row: checkedRow };
    return CONTENT_HEADERS.every((h) => sameCell(cellOf(before, h), cellOf(fresh, h)));
  }

  private message(
    row: ReadyRow,
    mail: RenderedInvitation,
  ): GoogleAppsScript.Mail.MailAdvancedParameters {
    const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: row.booking.email ?? '',
      subject: mail.subject,
      body: mail.body,
      htmlBody: mail.htmlBody,
      // A header value: one line whatever was typed into 設定 (no forged headers).
      name: singleLine(this.settings.senderNames[row.booking.office] ?? ''),
    };
    if (this.settings.replyTo) message.replyTo = this.settings.replyTo;
    if (mail.ics) {
      message.attachments = [
        Utilities.newBlob(mail.ics.content, ICS_CONTENT_TYPE, mail.ics.fileName),
      ];
    }
    return message;
  }

  private recordSent(ref: RowRef, fresh: FreshRow, mark: string): void {
    const sentAt = new Date();
    const status = cellOf(fresh, BOOKING.status);
    const outcome = writeOwnedCells(this.sheet, BOOKING_WRITE_PLAN, [
      { key: { id: ref.id }, header: BOOKING.invitedAt, expected: mark, value: sentAt },
      { key: { id: ref.id }, header: BOOKING.status, expected: status, value: STATUS.confirmed },
    ]);
    // The status is skipped only if a person changed it during the send; their word stands.
    const statusWritten = outcome.editedMeanwhile === 0 && outcome.rowsNotFound === 0;
    this.summary.sent.push({ ...ref, sentAt, statusWritten });
    const how = this.options.automatic ? '自動送信' : 'メニューから送信';
    this.options.log.add({
      action: LOG_ACTION.sent,
      bookingId: ref.id,
      detail: `${how}。規約版: ${this.settings.termsVersion}`,
    });
    // Flushed per mail so the record of a send survives a later crash in the same run.
    this.options.log.flush(this.spreadsheet);
  }

  /**
   * Records a failure on the row: an `エラー:` line in チェック結果, and in 招待メール送信日時
   * `送信失敗 <time>（reason）` when the mail service refused it (it surely did not go; not
   * retried until a person fixes the row), blank when only today's quota stopped it (the next
   * run may send it), else 送信中 stays for a person to check.
   */
  private fail(
    ref: RowRef,
    failure: Pick<FailedSend, 'reason' | 'mail'> & { retry?: boolean },
    marked: { fresh: FreshRow | null; mark: string } | null,
  ): void {
    this.summary.failed.push({ ...ref, ...failure });
    this.options.log.add({
      action: LOG_ACTION.failed,
      bookingId: ref.id,
      detail: redactPersonalData(failure.reason),
    });
    try {
      const fresh = marked?.fresh ?? this.find(ref.id);
      const changes: OwnedChange[] = [];
      if (fresh) {
        const current = cellOf(fresh, BOOKING.checkResult);
        const line = failureLine(failure);
        const text = String(current).trim();
        const next = text === '' || text === 'OK' ? line : `${text}\n${line}`;
        changes.push({
          key: { id: ref.id },
          header: BOOKING.checkResult,
          expected: current,
          value: next,
        });
      }
      if (marked && failure.mail === 'notSent') {
        const refused = `${SEND_FAILED_MARK} ${formatInstant(new Date())}（${failure.reason}）`;
        changes.push({
          key: { id: ref.id },
          header: BOOKING.invitedAt,
          expected: marked.mark,
          value: failure.retry ? '' : refused,
        });
      }
      writeOwnedCells(this.sheet, BOOKING_WRITE_PLAN, changes);
    } catch (error) {
      // The sheet is failing too: 送信中 (if written) stays, which is the safe state.
      console.error(
        `sendReadyInvitations: could not record the failure of ${ref.id}: ${describe(error)}`,
      );
    }
  }

  /** The row holding `id` now (only that row is read), or null when it is gone or copied. */
  private find(id: string): FreshRow | null {
    const { table, allIds } = readRowsById(this.sheet, BOOKING.id, new Set([id]));
    if (allIds.filter((other) => other === id).length !== 1) return null;
    const idIndex = table.headers.indexOf(BOOKING.id);
    const row = table.rows.find((r) => String(r.values[idIndex] ?? '').trim() === id);
    return row ? { table, row } : null;
  }
}

interface FreshRow {
  table: Pick<Table, 'headers'>;
  row: TableRow;
}

function cellOf(at: FreshRow, header: string): Cell {
  const index = at.table.headers.indexOf(header);
  return index < 0 ? '' : (at.row.values[index] ?? '');
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

function classifyMailError(
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

function failureLine(failure: Pick<FailedSend, 'reason' | 'mail'> & { retry?: boolean }): string {
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

function recordFailedAfterSend(detail: string): string {
  return `送信後に台帳へ記録できませんでした: ${detail}`;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactPersonalData(text).slice(0, 200);
}

// ─── Quota ───────────────────────────────────────────────────────────────────────────────────

/**
 * Checks the remaining daily quota before each send. While staff have not yet been told today,
 * one recipient per 通知先メール address is held back, so the "quota spent" alert can still go
 * out: a job seeker left waiting with nobody knowing is worse than one invitation sent later.
 */
class QuotaGuard {
  private alertedToday: boolean | null = null;

  constructor(
    private readonly settings: Settings,
    private readonly today: string,
  ) {}

  allowsOne(): boolean {
    return MailApp.getRemainingDailyQuota() - this.reserve() >= 1;
  }

  private reserve(): number {
    return this.alreadyAlerted() ? 0 : this.settings.alertTo.length;
  }

  private alreadyAlerted(): boolean {
    if (this.alertedToday === null) {
      const day = PropertiesService.getDocumentProperties().getProperty(QUOTA_ALERT_DAY_PROPERTY);
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
    PropertiesService.getDocumentProperties().setProperty(QUOTA_ALERT_DAY_PROPERTY, this.today);
    this.alertedToday = true;
    return 'sent';
  }
}
