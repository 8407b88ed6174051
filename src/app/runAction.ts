// Every menu handler runs through here, so nothing ever throws at a person: an unexpected error
// becomes a plain Japanese dialog and a log line without personal data.
import { redactPersonalData } from '../core/privacy';
import { alert } from './ui';

export function runMenuAction(caption: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`menu ${caption} failed: ${describeError(error)}`);
    alert(
      `「${caption}」の途中で予期しないエラーが起きました。もう一度実行しても解決しない場合は、` +
        '管理者に連絡してください（詳細は実行ログにあります）。',
    );
  }
}

/** For logs: the message and stack, with addresses and 求職番号 masked. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return redactPersonalData(text);
}
