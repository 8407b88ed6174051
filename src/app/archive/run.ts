// 過去の予約を保管, the service (the caller holds the script lock): read → plan → copy and read
// back (copy.ts) → delete and settle: restore, take back (settle.ts) → mark (editedMeanwhile.ts)
// → recount (recount.ts). See index.ts for the steps and what each guarantees.
import { type ArchiveRun, summarise } from '../../core/archiveRun';
import { dayOf } from '../../core/time';
import { copy } from './copy';
import { flagCopiesEditedMeanwhile } from './editedMeanwhile';
import { planRun, readSheets } from './read';
import { recount } from './recount';
import { deleteMoved, takeBackCopies } from './settle';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function archiveOldBookings(spreadsheet: Spreadsheet, now: Date): ArchiveRun {
  const today = dayOf(now);
  const sheets = readSheets(spreadsheet);
  const planned = planRun(sheets, today);
  const { plan } = planned;
  const copied = copy(sheets, planned);
  const { deletion, deletionStart, liveNow, settled, restored } = deleteMoved(
    sheets,
    planned,
    copied,
  );
  const back = takeBackCopies(sheets, planned, copied, settled);
  const editedMeanwhile = flagCopiesEditedMeanwhile(
    sheets.archive.sheet,
    deletion,
    deletionStart,
    back.removed,
  );
  const noShows = recount(planned, copied.readBack, back.removed, liveNow, today);
  return summarise(plan, {
    months: sheets.months,
    appended: plan.toAppend.length,
    deleted: settled.moved.length,
    notVerified: copied.notVerified.filter((id) => back.removed.has(id)),
    left: [...settled.left, ...settled.displacedOnce]
      .map((r) => r.id)
      .filter((id) => back.removed.has(id) && !copied.notVerified.includes(id)),
    inBoth: back.inBoth,
    displaced: settled.displaced.map((r) => r.id),
    restored,
    editedMeanwhile,
    addedHeaders: copied.addedHeaders,
    archivedNoShowSeekers: noShows.seekers,
    noShowsRecorded: noShows.recorded,
    settingProblems: sheets.settingProblems,
  });
}
