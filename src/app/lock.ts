// Every run that writes takes the script lock, so two runs (a menu and a trigger, or two
// triggers) never interleave their writes. People are not stopped by it; see sheet/ownedWrites.

const WAIT_FOR_LOCK_MS = 30_000;

export type LockedResult<T> = { ok: true; value: T } | { ok: false };

/** Runs `work` holding the script lock; gives `{ ok: false }` when the lock cannot be had. */
export function withScriptLock<T>(work: () => T, waitMs = WAIT_FOR_LOCK_MS): LockedResult<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: work() };
  } finally {
    // Written cells must reach the sheet before another run can read them.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
