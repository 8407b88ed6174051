// Time-driven entry points installed by 初期設定. The work they do (sending, no-shows, missing
// invitations, monthly counts) lands with its own feature; until then they take the lock so a
// slow run can never overlap the next one, and return.
import { describeError } from './runAction';
import { withScriptLock } from './lock';

function runTick(name: string, work: () => void): void {
  try {
    const locked = withScriptLock(work, 5_000);
    if (!locked.ok) console.log(`${name}: another run holds the lock; skipped`);
  } catch (error) {
    console.error(`${name} failed: ${describeError(error)}`);
    throw error; // reaches Apps Script's failure notification e-mail to the trigger owner
  }
}

export function onTenMinuteTick(): void {
  runTick('onTenMinuteTick', () => {});
}

export function onDailyTick(): void {
  runTick('onDailyTick', () => {});
}

export function onMonthlyTick(): void {
  runTick('onMonthlyTick', () => {});
}
