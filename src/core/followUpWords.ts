// What the mails after the invitation (前日リマインダー, キャンセル通知) write for people: their
// 操作ログ actions. 月次集計 counts the reminders from these lines (リマインダー送信数), so the
// words are stored in real spreadsheets: never change them.
export const FOLLOW_UP_LOG_ACTION = {
  reminder: 'リマインダー送信',
  reminderFailed: 'リマインダー送信失敗',
  cancelNotice: 'キャンセル通知送信',
  cancelNoticeFailed: 'キャンセル通知送信失敗',
} as const;
