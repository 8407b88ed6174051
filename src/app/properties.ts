// Every document property the script keeps, in one place. The keys' text is stored in real
// spreadsheets: never change a value here (a renamed key forgets the office's state).
// Long values are split over KEY, KEY.1, KEY.2 … (see chunkedProperty.ts).

export const PROPERTY = {
  /** Last 予約ID number issued (digits only); numbers only go up (bookingIds.ts). */
  lastBookingNumber: 'lastBookingNumber',
  /** The invitation ledger: what each 予約ID was mailed, and when (invitationLedger.ts; chunked). */
  invitationLedger: 'invitationLedger',
  /** No-show counts of archived bookings per 求職番号, JSON (archiveCommand.ts writes, context.ts reads; chunked). */
  archivedNoShowCounts: 'archivedNoShowCounts',
  /** The (予約ID, level) pairs already alerted about (app/tick/alertedProperty.ts; chunked). */
  overdueAlerted: 'overdueAlerted',
  /** When the last 10-minute run finished and whether a step failed (app/tick/heartbeat.ts; 自己診断, onOpen). */
  lastTenMinuteRun: 'lastTenMinuteRun',
  /** The account that owns the time-driven triggers (triggers.ts; 自己診断). */
  triggerOwner: 'triggerOwner',
  /**
   * Prefix: `quotaAlertDay:<e-mail>` holds the Tokyo day staff were last told that account's
   * mail quota was spent (app/send/quota.ts).
   */
  quotaAlertDay: 'quotaAlertDay',
  /**
   * `{"at": ms, "ids": [...]}`: when staff last edited 予約 and the 予約ID of the rows edited
   * (onEdit/index.ts writes; archiveCommand.ts reads, to flag a copy whose row was edited in the one
   * call before its deleteRows).
   */
  lastStaffEdit: 'lastStaffEdit',
} as const;

export function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}
