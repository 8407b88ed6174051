// Error text for logs. Menu commands run through app/command.ts (runCommand).
import { redactPersonalData } from '../core/privacy';

/** For logs: the message and stack, with addresses and 求職番号 masked. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return redactPersonalData(text);
}
