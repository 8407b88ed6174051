// 初期設定 (menu): sheets, settings, formatting, protections and triggers, then one summary.
import { defaultSettings, settingDefaultsFor } from '../core/settings';
import { setupLogLine, setupSummary, takeOverQuestion, timeZoneWarning } from '../core/setupWords';
import { ensureAllSheets, ensureSheet, type SetupReport } from '../sheet/setup';
import { SETTINGS_SHEET } from '../sheet/sheetSpecs';
import { appendMissingSettings } from '../sheet/settingsSheet';
import { type Command, runCommand } from './command';
import { loadSettings } from './context';
import { installTriggers, otherTriggerOwner } from './triggers';
import { alert, confirm } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TIME_ZONE = 'Asia/Tokyo';

export function menuSetup(): void {
  runCommand('menuSetup', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    // Asked before the lock: a dialog suspends the run and releases every lock it holds. Under
    // the lock the owner is read again, and only the account the person agreed to replace is.
    const asked = otherTriggerOwner();
    const agreed = asked !== null && confirm(takeOverQuestion(asked));
    const report = command.locked(() =>
      setUp(spreadsheet, (owner) => agreed && owner === asked, command),
    );
    alert(setupSummary(report), command.caption);
  });
}

/** The work, under the lock: 設定 first, since the dropdowns on the other sheets are built from it. */
function setUp(
  spreadsheet: Spreadsheet,
  takeOver: (owner: string) => boolean,
  command: Command,
): SetupReport {
  const report: SetupReport = { changes: [], warnings: [] };
  const settingsSheet = ensureSheet(
    spreadsheet,
    SETTINGS_SHEET,
    // Its own columns have neither a dropdown nor a note that mentions a setting.
    { slots: [], offices: [], notes: defaultSettings() },
    report,
  );
  appendMissingSettings(settingsSheet, settingDefaultsFor, report);
  const { settings, problems } = loadSettings(spreadsheet);
  report.warnings.push(...problems);
  // The dropdowns and the header notes (無断キャンセル判定, 予約締切 …) are built from 設定.
  ensureAllSheets(
    spreadsheet,
    { slots: settings.slotLabels, offices: settings.offices, notes: settings },
    report,
  );
  installTriggers(report, takeOver);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  if (zone !== TIME_ZONE) report.warnings.push(timeZoneWarning(zone));
  if (report.changes.length > 0) {
    command.log(spreadsheet, { detail: setupLogLine(report.changes.length) });
  }
  return report;
}
