// 空き枠を表示: the sidebar staff keep open while on the phone, and the server functions it calls
// through google.script.run. The page is a convenience, not a gate: every request is read again
// here, and a booking is added only after the same check the menus run finds no error in it.
//   page.ts       the menu that opens the sidebar
//   freeSlots.ts  the read of free slots
//   lookup.ts     a job seeker looked up in 対象者
//   addBooking.ts the booking from the form, checked under the lock, then added
//   candidate.ts  the row the form describes and its check with every other row
//   form.ts       what the page sent, and the replies (messages tied to form fields)
//   freeRow.ts    the row it becomes and the write into a free row
//   findAdded.ts  the re-read that finds it by 予約ID (and a row the write took)
//   afterAppend.ts / collision.ts  check and record it, or rebuild the row it took
import type { SidebarServer } from '../../ui/shared/sidebarApi';
import { sidebarAddBooking } from './addBooking';
import { sidebarGetFreeSlots } from './freeSlots';
import { sidebarLookupSeeker } from './lookup';

export { menuShowFreeSlots } from './page';
export { sidebarAddBooking, sidebarGetFreeSlots, sidebarLookupSeeker };

/** Checked by the compiler: these functions have the signatures the page calls them with. */
const _server: SidebarServer = { sidebarGetFreeSlots, sidebarLookupSeeker, sidebarAddBooking };
