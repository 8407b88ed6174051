// Menu items whose features have not landed yet. They exist so every caption of the contract
// points at a real function; each says plainly that the feature is not available yet, and
// does nothing else (no data is read or changed).
import { alert } from './ui';

function notYet(caption: string): void {
  alert(`「${caption}」はまだ使えません（準備中です）。使えるようになるまでは、これまでどおり手作業でお願いします。`);
}

export function menuSendInvitations(): void {
  notYet('招待メールを送信');
}
export function menuPreviewInvitation(): void {
  notYet('招待メールをプレビュー');
}
export function menuShowFreeSlots(): void {
  notYet('空き枠を表示');
}
export function menuUpdateMonthlyReport(): void {
  notYet('月次集計を更新');
}
export function menuArchiveOldBookings(): void {
  notYet('過去の予約を保管');
}
