// What one run of sending invitations did, as plain data: the dialog (core/invitationWords) and
// the triggers read it.
import type { RowRef } from './invitationWords';
import type { MailFailure } from './mailPolicy';
import type { NotReadyReason } from './readiness';

export type { RowRef } from './invitationWords';

export interface FailedSend extends RowRef, Pick<MailFailure, 'reason' | 'mail'> {}

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

export function emptySummary(): SendSummary {
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
