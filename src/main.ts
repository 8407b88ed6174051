// The Apps Script entry points, and nothing else: every name exported here becomes a real
// global function in dist/Code.js (see build.mjs). Menu captions map to these names in
// core/schema.ts; time-driven triggers are bound to them by name.
export { onOpen } from './app/menu';
export { onEdit } from './app/onEdit';
export { menuSetup } from './app/setupCommand';
export { menuSelfCheck } from './app/selfCheckCommand';
export { menuCheckSelectedRows, menuCheckAllRows } from './app/checkCommand';
// One line per feature, so each moves to its own module when it lands.
export { menuSendInvitations } from './app/invitationCommands';
export { menuPreviewInvitation } from './app/previewCommand';
export { menuResendInvitation } from './app/resendCommand';
export {
  menuShowFreeSlots,
  sidebarGetFreeSlots,
  sidebarLookupSeeker,
  sidebarAddBooking,
} from './app/sidebar';
export { menuUpdateMonthlyReport } from './app/monthlyReport';
export { menuArchiveOldBookings } from './app/archive';
export { menuErasePersonalData } from './app/erasureCommand';
export { onTenMinuteTick, onDailyTick, onMonthlyTick } from './app/ticks';
