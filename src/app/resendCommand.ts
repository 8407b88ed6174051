// 招待メールを再送 (menu): the one way a booking is mailed a second time (SPEC §4 "Reminders,
// changes and cancellations"). On the one selected 確定 row whose invitation went: say what
// changed since (from the invitation ledger), ask, then — under the lock again, after re-reading,
// since a dialog lets the lock go — record the new details in the ledger, send, write
// 招待メール送信日時 and one 操作ログ line (booking id and which fields changed). Once per change:
// with nothing changed since the last mail it refuses. A booking whose first mail may or may not
// have gone (送信中 left by a crash) may also be sent from here, after a person has looked.
import { renderInvitation, type RenderedInvitation } from '../core/invitation';
import {
  alreadyInvitedLine,
  changedSince,
  changedSinceInvitationLine,
  describeChanges,
  type LedgerEntry,
  type SentDetails,
  sentDetailsOf,
} from '../core/invitationLedger';
import { invitationInputFor } from '../core/readiness';
import { BOOKING, CHECK_OK, MENU_ITEMS, SENDING_MARK, SHEET, STATUS } from '../core/schema';
import type { Settings } from '../core/settings';
import { dayOf, isValidInstant } from '../core/time';
import type { OwnedChange } from '../sheet/ownedWrites';
import { cellOf, type Table } from '../sheet/table';
import { actorName, AuditLog } from './auditLog';
import { writeBookingCells } from './bookingWrites';
import { type CheckedRow, checkAndRecord, NeedsPerson, needsPersonOr } from './checkService';
import { InvitationLedger } from './invitationLedger';
import { withScriptLock } from './lock';
import { runMenuAction } from './runAction';
import {
  appendLine,
  classifyMailError,
  failureLine,
  invitationMessage,
  toTheMinute,
} from './sendService';
import { alert, BUSY_MESSAGE, confirm } from './ui';

const CAPTION = MENU_ITEMS[7].caption;
export const RESEND_LOG_ACTION = '招待メール再送';
export const RESEND_FAILED_LOG_ACTION = '招待メール再送失敗';
const DATE_CHANGED_SUBJECT = '【日時変更】';

/** What the person is asked to confirm, and what the second look compares against. */
interface ResendPlan {
  id: string;
  rowNumber: number;
  checked: CheckedRow;
  table: Table;
  settings: Settings;
  /** The ledger entry as read (undefined: sent before the ledger existed). */
  entry: LedgerEntry | undefined;
  details: SentDetails;
  changed: string[];
  mail: RenderedInvitation;
}

type Planned = { ok: true; plan: ResendPlan } | { ok: false; message: string };

export function menuResendInvitation(): void {
  runMenuAction(CAPTION, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const rowNumber = selectedRow(spreadsheet);
    if (typeof rowNumber === 'string') return alert(rowNumber, CAPTION);
    const first = withScriptLock(() => needsPersonOr(() => planResend(spreadsheet, { rowNumber })));
    if (!first.ok) return alert(BUSY_MESSAGE, CAPTION);
    if (first.value instanceof NeedsPerson) return alert(first.value.message, CAPTION);
    if (!first.value.ok) return alert(first.value.message, CAPTION);
    const asked = first.value.plan;
    if (!confirm(question(asked), CAPTION)) {
      return alert('再送を取りやめました。何も送っていません。', CAPTION);
    }
    // The dialog let the lock go: look again, by 予約ID, before sending anything.
    const done = withScriptLock(() =>
      needsPersonOr(() => {
        const again = planResend(spreadsheet, { id: asked.id });
        if (!again.ok) return again.message;
        if (!sameAsAsked(asked, again.plan)) {
          return '確認のあとにこの予約の内容か送信記録が変わりました。何も送っていません。もう一度「招待メールを再送」を実行してください。';
        }
        return resend(spreadsheet, again.plan);
      }),
    );
    if (!done.ok) return alert(BUSY_MESSAGE, CAPTION);
    if (done.value instanceof NeedsPerson) return alert(done.value.message, CAPTION);
    alert(done.value, CAPTION);
  });
}

/** The one selected row of 予約, or why the selection will not do. */
function selectedRow(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number | string {
  const pick = `「${SHEET.bookings}」シートで、再送したい「${STATUS.confirmed}」の予約を1行だけ選んでから実行してください。`;
  if (spreadsheet.getActiveSheet().getName() !== SHEET.bookings) return pick;
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let r = range.getRow(); r <= range.getLastRow(); r++) rows.add(r);
  }
  if (rows.size !== 1) return `${pick}（いま${rows.size}行が選ばれています）`;
  const [row] = [...rows];
  if (row === undefined || row < 2) return `見出し行ではなく、予約の行を選んでください。${pick}`;
  return row;
}

/** Checks the row (recording nothing) and decides whether it may be sent again. */
function planResend(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  where: { rowNumber: number } | { id: string },
): Planned {
  const now = new Date();
  const run = checkAndRecord(spreadsheet, { now, onlyRows: new Set<number>() });
  const refuse = (message: string): Planned => ({ ok: false, message });
  const matches = run.checked.filter((c) =>
    'id' in where ? c.id === where.id : c.row.rowNumber === where.rowNumber,
  );
  if ('id' in where && matches.length === 0) {
    return refuse(
      `予約ID ${where.id} の行が見つかりません（削除されたか、予約IDが変わりました）。何も送っていません。`,
    );
  }
  const checked = matches[0];
  if (!checked) return refuse('選んだ行には予約が入力されていません。');
  const label = `${checked.id || '予約IDなし'}（${checked.row.rowNumber}行目）`;
  if (checked.id === '')
    return refuse(`${label} にはまだ予約IDがありません。「選択行をチェック」を実行してください。`);
  if (run.checked.filter((c) => c.id === checked.id).length > 1) {
    return refuse(
      `予約ID ${checked.id} が複数の行にあるため、どの予約か決められません。コピーで作った行の「予約ID」を空にしてから、もう一度お試しください。`,
    );
  }
  const { booking, errors } = checked.result;
  const entry = InvitationLedger.load().get(checked.id);
  const sentBefore =
    entry !== undefined || isValidInstant(cellOf(run.table, checked.row, BOOKING.invitedAt));
  const unsure = entry?.state === 'sending' && booking.status === STATUS.taken;
  if (!(booking.status === STATUS.confirmed && sentBefore) && !unsure) {
    return refuse(
      `${label} は再送できません。再送できるのは、「状態」が「${STATUS.confirmed}」で招待メールを送信済みの予約です` +
        `（この行の「状態」: ${booking.status}）。まだ送っていない予約は「招待メールを送信」で送ってください。`,
    );
  }
  const details = sentDetailsOf(booking);
  const ledgerLines = new Set(entry ? [alreadyInvitedLine(entry)] : []);
  const changed = entry && details ? changedSince(entry, details) : [];
  if (changed.length > 0) ledgerLines.add(changedSinceInvitationLine(changed));
  // A first mail of unknown fate is what this resolves: its 送信中 line is not in the way.
  const stuckLine = `「${BOOKING.invitedAt}」が「${SENDING_MARK}」のまま`;
  const otherErrors = errors.filter(
    (e) => !ledgerLines.has(e) && !(unsure && e.includes(stuckLine)),
  );
  if (otherErrors.length > 0 || details === null) {
    return refuse(
      [
        `${label} にはエラーがあるため再送できません。直してからもう一度お試しください。`,
        '',
        ...otherErrors,
      ].join('\n'),
    );
  }
  if (booking.date === null || booking.date <= dayOf(now)) {
    return refuse(`${label} の相談日が今日以前のため、再送しません。`);
  }
  if (entry?.state === 'sent' && changed.length === 0) {
    return refuse(
      `${label} は、送信済みの招待メールから「${BOOKING.date}」「${BOOKING.start}」「${BOOKING.meetingUrl}」「${BOOKING.email}」のどれも変わっていないため、再送しません（再送は内容が変わったときに1回だけです）。`,
    );
  }
  const input = invitationInputFor(checked.id, booking, run.settings, now);
  if (input === null) return refuse(`${label} の相談日か開始時刻が読み取れません。`);
  const rendered = renderInvitation(input);
  if (rendered.problems.length > 0) {
    return refuse(
      [`${label} の招待メールを作れません。次を直してください。`, '', ...rendered.problems].join(
        '\n',
      ),
    );
  }
  const dateChanged = changed.includes(BOOKING.date) || changed.includes(BOOKING.start);
  const mail = dateChanged
    ? { ...rendered, subject: `${DATE_CHANGED_SUBJECT}${rendered.subject}` }
    : rendered;
  return {
    ok: true,
    plan: {
      id: checked.id,
      rowNumber: checked.row.rowNumber,
      checked,
      table: run.table,
      settings: run.settings,
      entry,
      details,
      changed,
      mail,
    },
  };
}

function question(plan: ResendPlan): string {
  const head = `予約ID ${plan.id}（${plan.rowNumber}行目）に招待メールを再送します。よろしいですか？`;
  const what =
    plan.entry === undefined
      ? ['', 'この予約には送信の記録（送った内容）がないため、何が変わったかは分かりません。']
      : plan.entry.state === 'sending'
        ? [
            '',
            '前回の招待メールは、送られたかどうか分からないままです。送信したアカウントの Gmail「送信済み」で、送られていないことを確かめてから「はい」を押してください。',
            ...(plan.changed.length > 0
              ? [
                  '',
                  '前回から変わった項目:',
                  ...describeChanges(plan.entry, plan.details, plan.changed),
                ]
              : []),
          ]
        : [
            '',
            '送信済みの招待メールから変わった項目:',
            ...describeChanges(plan.entry, plan.details, plan.changed),
          ];
  return [
    head,
    ...what,
    '',
    `宛先: ${plan.checked.result.booking.email ?? ''}`,
    `件名: ${plan.mail.subject}`,
  ].join('\n');
}

/** The same booking, the same ledger entry and the same changes as the person confirmed. */
function sameAsAsked(asked: ResendPlan, now: ResendPlan): boolean {
  return (
    asked.entry?.at === now.entry?.at &&
    asked.entry?.state === now.entry?.state &&
    JSON.stringify(asked.details) === JSON.stringify(now.details) &&
    asked.mail.subject === now.mail.subject
  );
}

/** Ledger first, then the mail, then the row and the log. Returns the report for the dialog. */
function resend(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, plan: ResendPlan): string {
  const today = dayOf(new Date());
  const ledger = InvitationLedger.load();
  const previous = ledger.get(plan.id);
  ledger.record(plan.id, plan.details, 'sending');
  try {
    ledger.save(today);
  } catch (error) {
    console.error(`menuResendInvitation: ledger not saved: ${String(error)}`);
    return '送信記録を保存できなかったため、何も送っていません。しばらくしてからもう一度お試しください。';
  }
  const log = new AuditLog(actorName('menu'));
  const fields = plan.changed.length > 0 ? plan.changed.join('・') : '不明（送信記録なし）';
  const booking = plan.checked.result.booking;
  const label = `予約ID ${plan.id}（${plan.rowNumber}行目）`;
  try {
    MailApp.sendEmail(invitationMessage(booking, plan.mail, plan.settings));
  } catch (error) {
    const failure = classifyMailError(error);
    if (failure.mail === 'notSent') ledger.restore(plan.id, previous);
    saveQuietly(ledger, today);
    log.add({ action: RESEND_FAILED_LOG_ACTION, bookingId: plan.id, detail: failure.reason });
    writeRow(plan, [failureLine(failure)]);
    log.flush(spreadsheet);
    return `${label} の招待メールを再送できませんでした（${failure.reason}）。「チェック結果」に、次にすることを書きました。`;
  }
  const sentAt = new Date();
  ledger.setState(plan.id, 'sent');
  saveQuietly(ledger, today);
  writeRow(plan, [], sentAt);
  log.add({ action: RESEND_LOG_ACTION, bookingId: plan.id, detail: `変更: ${fields}` });
  log.flush(spreadsheet);
  return `${label} に招待メールを再送しました（件名: ${plan.mail.subject}）。`;
}

/**
 * The row after a resend: 招待メール送信日時 (and 確定, when a first mail of unknown fate was
 * replaced), チェック結果 without the ledger's lines, plus any `lines` to add.
 */
function writeRow(plan: ResendPlan, lines: readonly string[], sentAt?: Date): void {
  const { checked } = plan;
  const key = { id: plan.id };
  const current = (header: string) => cellOf(plan.table, checked.row, header);
  const stale = new Set(
    plan.entry ? [alreadyInvitedLine(plan.entry), changedSinceInvitationLine(plan.changed)] : [],
  );
  const kept = checked.result.text.split('\n').filter((l) => l !== '' && !stale.has(l));
  let text = kept.length === 0 ? CHECK_OK : kept.join('\n');
  for (const line of lines) text = appendLine(text, line);
  const changes: OwnedChange[] = [
    { key, header: BOOKING.checkResult, expected: current(BOOKING.checkResult), value: text },
  ];
  if (sentAt) {
    changes.push({
      key,
      header: BOOKING.invitedAt,
      expected: current(BOOKING.invitedAt),
      value: toTheMinute(sentAt),
    });
    if (checked.result.booking.status !== STATUS.confirmed) {
      changes.push({
        key,
        header: BOOKING.status,
        expected: current(BOOKING.status),
        value: STATUS.confirmed,
      });
    }
  }
  writeBookingCells(plan.table.sheet, changes);
}

function saveQuietly(ledger: InvitationLedger, today: ReturnType<typeof dayOf>): void {
  try {
    ledger.save(today);
  } catch (error) {
    console.error(`menuResendInvitation: ledger not updated: ${String(error)}`);
  }
}
