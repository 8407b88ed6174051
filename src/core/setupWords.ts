// What 初期設定 asks and tells the person.

/** Asked before the lock is taken (a dialog releases the script's locks). */
export function takeOverQuestion(owner: string): string {
  return `自動実行（トリガー）は ${owner} のアカウントで動いています。所有者を、このアカウントに変更しますか？\n前の所有者のトリガーは、そのアカウントで削除してください。`;
}

export function timeZoneWarning(zone: string): string {
  return `スプレッドシートのタイムゾーンが「${zone}」です。「ファイル」→「設定」で「(GMT+09:00) 東京」に変更してください（日時がずれます）。`;
}

/** The 操作ログ detail. */
export function setupLogLine(changes: number): string {
  return `${changes}件の変更`;
}

export function setupSummary(report: {
  changes: readonly string[];
  warnings: readonly string[];
}): string {
  return [
    report.changes.length > 0
      ? '次の設定をしました。'
      : '変更はありませんでした（すでに設定済みです）。',
    ...report.changes.map((c) => `・${c}`),
    ...(report.warnings.length > 0
      ? ['', '確認してください:', ...report.warnings.map((w) => `・${w}`)]
      : []),
  ].join('\n');
}
