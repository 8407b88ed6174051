// What one command did, told from the run's own record: the rows it added to 操作ログ (states it
// set, alerts it sent, checks it ran) and the mails it wrote to the outbox. A run that did nothing
// says so, so "保存しました" alone never leaves a person guessing.
import { basename } from 'node:path';
import { LOG } from '../src/core/schema';
import type { Activity } from './session';

const text = (value: unknown) => String(value ?? '').trim();

export function describeActivity(activity: Activity, mailPaths: readonly string[]): string[] {
  const { log, mails } = activity;
  if (log.length === 0 && mails.length === 0) {
    return ['  実行結果: 操作ログへの記録もメールの送信もありませんでした。'];
  }
  const lines = [`  実行結果: 操作ログ ${log.length}行、メール ${mails.length}通`];
  const byAction = new Map<string, number>();
  for (const row of log) {
    const action = text(row[LOG.action]);
    byAction.set(action, (byAction.get(action) ?? 0) + 1);
  }
  if (byAction.size > 0) {
    lines.push(`  ・${[...byAction].map(([action, n]) => `${action} ${n}件`).join('、')}`);
  }
  for (const row of log) {
    const id = text(row[LOG.bookingId]);
    lines.push(`    ${text(row[LOG.action])}${id ? `（${id}）` : ''}: ${text(row[LOG.detail])}`);
  }
  mails.forEach((mail, i) => {
    const file = mailPaths[i] ? ` → ${basename(mailPaths[i])}` : '';
    lines.push(`    メール「${mail.subject}」${file}`);
  });
  return lines;
}
