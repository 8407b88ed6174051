// 過去の予約を保管 (menu): confirm, run under the lock, log the counts, tell the person.
import { ARCHIVE_CANCELLED, confirmText, countsLine, reportOf } from '../../core/archiveWords';
import { captionOf, runCommand } from '../command';
import { alert, confirm, toast } from '../ui';
import { previewArchive } from './preview';
import { archiveOldBookings } from './run';

const CAPTION = captionOf('menuArchiveOldBookings');

export function menuArchiveOldBookings(): void {
  runCommand('menuArchiveOldBookings', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const preview = previewArchive(spreadsheet, new Date());
    if (preview.count > 0 && !confirm(confirmText(preview), CAPTION)) {
      return toast(ARCHIVE_CANCELLED, CAPTION);
    }
    const run = command.locked(() => {
      const run = archiveOldBookings(spreadsheet, new Date());
      command.log(spreadsheet, { detail: countsLine(run) });
      return run;
    });
    const report = reportOf(run, CAPTION);
    if (report.kind === 'toast') toast(report.text, CAPTION);
    else alert(report.text, CAPTION);
  });
}
