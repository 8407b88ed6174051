// 自己診断 (menu): read everything the health report needs, show it in one dialog, then offer a
// sample invitation to the person's own address (sampleInvitation.ts). Changes nothing in the
// sheet. No lock is held while a dialog is open: Google releases the script's locks while a
// dialog waits for an answer.
import { selfCheck, selfCheckReport } from '../core/selfCheck';
import type { Settings } from '../core/settings';
import { readStructure } from '../sheet/health';
import { runCommand } from './command';
import { loadSettings } from './context';
import { documentProperties, PROPERTY } from './properties';
import { offerSampleInvitation } from './sampleInvitation';
import { readHeartbeat } from './tickService';
import { EXPECTED_TRIGGERS } from './triggers';
import { alert } from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function menuSelfCheck(): void {
  runCommand('menuSelfCheck', (command) => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { report, settings } = diagnose(spreadsheet, new Date());
    alert(report, command.caption);
    offerSampleInvitation(command, spreadsheet, settings);
  });
}

function diagnose(spreadsheet: Spreadsheet, now: Date): { report: string; settings: Settings } {
  const { settings, problems } = loadSettings(spreadsheet);
  const structure = readStructure(spreadsheet);
  const clock = ScriptApp.EventType.CLOCK;
  const findings = selfCheck({
    now,
    spreadsheetTimeZone: spreadsheet.getSpreadsheetTimeZone(),
    scriptTimeZone: Session.getScriptTimeZone(),
    expectedTriggers: EXPECTED_TRIGGERS,
    // Only this account's triggers: Google shows nobody the triggers of another account.
    triggersSeen: ScriptApp.getProjectTriggers()
      .filter((t) => t.getEventType() === clock)
      .map((t) => t.getHandlerFunction()),
    triggerOwner: documentProperties().getProperty(PROPERTY.triggerOwner),
    me: Session.getEffectiveUser().getEmail(),
    heartbeat: readHeartbeat(),
    mailQuota: MailApp.getRemainingDailyQuota(),
    dailyInvitations: settings.slots.length * settings.offices.length * settings.capacity,
    settingsProblems: problems,
    sheets: structure.sheets,
    protections: structure.protections,
  });
  return { report: selfCheckReport(findings), settings };
}
