// 初期設定 (menu): sheets, settings, formatting, protections and triggers, then one summary.

import { defaultSettings, SETTING_DEFAULTS } from '../core/settings';
import { ensureAllSheets, ensureSheet, type SetupReport } from '../sheet/setup';
import { SETTINGS_SHEET } from '../sheet/sheetSpecs';
import { appendMissingSettings } from '../sheet/settingsSheet';
import { AuditLog, actorName } from './auditLog';
import { withScriptLock } from './lock';
import { loadSettings } from './context';
import { installTriggers, otherTriggerOwner } from './triggers';
import { alert, BUSY_MESSAGE, confirm } from './ui';

const TIME_ZONE = 'Asia/Tokyo';

export function runSetup(): SetupReport | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report: SetupReport = { changes: [], warnings: [] };
  // Asked before the lock: a dialog suspends the run and releases every lock it holds. Under
  // the lock the owner is read again, and only the account the person agreed to replace is.
  const asked = otherTriggerOwner();
  const agreed =
    asked !== null &&
    confirm(
      `自動実行（トリガー）は ${asked} のアカウントで動いています。所有者を、このアカウントに変更しますか？\n前の所有者のトリガーは、そのアカウントで削除してください。`,
    );
  const locked = withScriptLock(() => {
    // 設定 first: the dropdowns and notes on the other sheets are built from it (its own
    // columns have neither a dropdown nor a note that mentions a setting).
    const settingsSheet = ensureSheet(
      spreadsheet,
      SETTINGS_SHEET,
      { slots: [], offices: [], notes: defaultSettings() },
      report,
    );
    appendMissingSettings(settingsSheet, SETTING_DEFAULTS, report);
    const { settings, problems } = loadSettings(spreadsheet);
    report.warnings.push(...problems);
    ensureAllSheets(spreadsheet, dropdownChoices(settings), report);
    installTriggers(report, (owner) => agreed && owner === asked);
    const zone = spreadsheet.getSpreadsheetTimeZone();
    if (zone !== TIME_ZONE) {
      report.warnings.push(
        `スプレッドシートのタイムゾーンが「${zone}」です。「ファイル」→「設定」で「(GMT+09:00) 東京」に変更してください（日時がずれます）。`,
      );
    }
    if (report.changes.length > 0) {
      const log = new AuditLog(actorName('menu'));
      log.add({ action: '初期設定', detail: `${report.changes.length}件の変更` });
      log.flush(spreadsheet);
    }
  });
  return locked.ok ? report : null;
}

function dropdownChoices(settings: ReturnType<typeof loadSettings>['settings']) {
  return { slots: settings.slotLabels, offices: settings.offices, notes: settings };
}

export function menuSetup(): void {
  const report = runSetup();
  if (!report) return alert(BUSY_MESSAGE);
  const lines = [
    report.changes.length > 0
      ? '次の設定をしました。'
      : '変更はありませんでした（すでに設定済みです）。',
    ...report.changes.map((c) => `・${c}`),
    ...(report.warnings.length > 0
      ? ['', '確認してください:', ...report.warnings.map((w) => `・${w}`)]
      : []),
  ];
  alert(lines.join('\n'), '初期設定');
}
