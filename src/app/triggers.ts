// Time-driven triggers: installed once, by one owner account, by 初期設定.
import { TRIGGER_HANDLERS } from '../core/schema';
import type { ExpectedTrigger } from '../core/selfCheck';
import type { SetupReport } from '../sheet/setup';
import { documentProperties, PROPERTY } from './properties';

/** Document property: the account whose time-driven triggers run the jobs (set by 初期設定). */

interface TriggerSpec {
  handler: string;
  describe: string;
  create: (
    builder: GoogleAppsScript.Script.ClockTriggerBuilder,
  ) => GoogleAppsScript.Script.ClockTriggerBuilder;
}

const TRIGGERS: TriggerSpec[] = [
  {
    handler: TRIGGER_HANDLERS.everyTenMinutes,
    describe: '10分ごと（招待メール送信・無断キャンセル・未送信の確認）',
    create: (b) => b.everyMinutes(10),
  },
  {
    handler: TRIGGER_HANDLERS.daily,
    describe: '毎日 6時台（休業日の再確認）',
    create: (b) => b.everyDays(1).atHour(6),
  },
  {
    handler: TRIGGER_HANDLERS.monthly,
    describe: '毎月1日 5時台（自動保管・月次集計）',
    create: (b) => b.onMonthDay(1).atHour(5),
  },
];

/** The time-driven triggers 初期設定 installs, for 自己診断. */
export const EXPECTED_TRIGGERS: readonly ExpectedTrigger[] = TRIGGERS.map(
  ({ handler, describe }) => ({
    handler,
    describe,
  }),
);

/**
 * The account recorded as owning the triggers when it is not the current one, else null: read
 * before 初期設定 takes the lock, so that its question is asked without holding it (a dialog
 * releases every lock; see setupCommand.ts).
 */
export function otherTriggerOwner(): string | null {
  const owner = documentProperties().getProperty(PROPERTY.triggerOwner);
  return owner && owner !== Session.getEffectiveUser().getEmail() ? owner : null;
}

/**
 * Installs missing triggers under the current account. Triggers belong to the account that
 * created them and are invisible to others, so the owner is recorded: a second account running
 * 初期設定 must not install a second set (every job would then run twice).
 */
export function installTriggers(report: SetupReport, takeOver: (owner: string) => boolean): void {
  const properties = documentProperties();
  const me = Session.getEffectiveUser().getEmail();
  const owner = properties.getProperty(PROPERTY.triggerOwner);
  if (owner && owner !== me && !takeOver(owner)) {
    report.warnings.push(
      `自動実行（トリガー）は ${owner} のアカウントで動いています。このアカウントでは設定しませんでした。`,
    );
    return;
  }
  const present = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  for (const spec of TRIGGERS) {
    if (present.has(spec.handler)) continue;
    spec.create(ScriptApp.newTrigger(spec.handler).timeBased()).inTimezone('Asia/Tokyo').create();
    report.changes.push(`自動実行を設定しました: ${spec.describe}`);
  }
  if (owner !== me) properties.setProperty(PROPERTY.triggerOwner, me);
}
