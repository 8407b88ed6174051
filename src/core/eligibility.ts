// Eligibility (R3): only job seekers in continuous individual support at the office may book.
// 対象者 (parsed by roster.ts) is the source of truth: listed, not 利用停止, support running on the
// 相談日; a 氏名 or 窓口 other than the roster's is worth a warning.

import type { NormalizedBooking } from './booking';
import * as say from './checkMessages';
import { groupBy } from './groupBy';
import { personKey } from './normalize';
import type { RosterEntry } from './roster';
import type { LocalDate } from './time';

export type RosterIndex = ReadonlyMap<string, readonly RosterEntry[]>;

export function indexRoster(entries: readonly RosterEntry[]): RosterIndex {
  return groupBy(entries, (entry) => entry.seekerNo);
}

/** R3: in 対象者, not 利用停止, support running on 相談日; name and 窓口 as in the roster. */
export function eligibilityFindings(
  b: Pick<NormalizedBooking, 'date' | 'name' | 'office'>,
  seekerNo: string,
  roster: RosterIndex,
): { errors: string[]; warnings: string[] } {
  const found = { errors: [] as string[], warnings: [] as string[] };
  const entries = roster.get(seekerNo);
  if (entries === undefined || entries.length === 0) {
    found.errors.push(say.notInRoster());
    return found;
  }
  const stopped = entries.find((e) => e.suspended);
  if (stopped) found.errors.push(say.suspended(stopped.rowNumber));
  // With duplicate rows (reported by parseRoster), the one whose period covers the day decides.
  const entry = (b.date !== null && entries.find((e) => supportCovers(e, b.date))) || entries[0];
  if (!entry) return found;
  if (b.date !== null && entry.supportStart !== null && b.date < entry.supportStart) {
    found.errors.push(say.beforeSupport(b.date, entry.supportStart, entry.rowNumber));
  }
  if (b.date !== null && entry.supportEnd !== null && b.date > entry.supportEnd) {
    found.errors.push(say.afterSupport(b.date, entry.supportEnd, entry.rowNumber));
  }
  const name = personKey(b.name);
  if (name !== '' && entry.name !== '' && name !== personKey(entry.name)) {
    found.warnings.push(say.nameDiffers(entry.rowNumber, entry.name));
  }
  if (b.office !== '' && entry.office !== '' && b.office !== entry.office) {
    found.warnings.push(say.officeDiffers(entry.rowNumber));
  }
  return found;
}

function supportCovers(entry: RosterEntry, day: LocalDate | null): boolean {
  return (
    day !== null &&
    (entry.supportStart === null || entry.supportStart <= day) &&
    (entry.supportEnd === null || day <= entry.supportEnd)
  );
}
