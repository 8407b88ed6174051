// What the steps of one batch of invitations share (app/send/batch.ts runs them in order).
import type { RenderedInvitation } from '../../core/invitation';
import type { SentDetails } from '../../core/invitationLedger';
import type { Outcome } from '../../core/sendPlan';
import type { Settings } from '../../core/settings';
import type { RowRef, SendSummary } from '../../core/sendSummary';
import type { Table } from '../../sheet/table';
import type { AuditLog } from '../auditLog';
import type { CheckRun } from '../checkService';
import type { ReadyRow } from './survey';

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

export interface Rendered {
  row: ReadyRow;
  ref: RowRef;
  /** Null when the booking could not be made into a mail (it is never marked). */
  mail: RenderedInvitation | null;
  /** What the mail says, as the invitation ledger records it. */
  details: SentDetails | null;
}

export interface BatchRun {
  /** The 予約 sheet as the check read it. */
  table: Table;
  settings: Settings;
  options: SendOptions;
  summary: SendSummary;
  /** In the order the rows met their fate: the outcomes' write and the log follow it. */
  outcomes: Map<Rendered, Outcome>;
}
