// The Apps Script entry points, and nothing else: every name exported here becomes a real
// global function in dist/Code.js (see build.mjs). Menu captions map to these names in
// core/schema.ts; time-driven triggers are bound to them by name.
export { onOpen } from './app/menu';
export { onEdit } from './app/onEdit';
export { menuSetup } from './app/setupCommand';
export { menuCheckSelectedRows, menuCheckAllRows } from './app/checkCommand';
export {
  menuSendInvitations,
  menuPreviewInvitation,
  menuShowFreeSlots,
  menuUpdateMonthlyReport,
  menuArchiveOldBookings,
} from './app/pendingFeatures';
export { onTenMinuteTick, onDailyTick, onMonthlyTick } from './app/ticks';
