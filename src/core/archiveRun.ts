// What a run of 過去の予約を保管 did, and the pure decisions between its sheet steps: after the
// deletion, which rows moved, which stayed (their copies come back out of 予約_保管) and which
// were displaced (their block was deleted but their 予約ID is still in 予約).
import type { ArchivePlan, LiveRow } from './archive';
import type { LocalDate } from './time';

export interface ArchiveRun {
  cutoff: LocalDate;
  months: number;
  /** Rows appended to 予約_保管 by this run. */
  appended: number;
  /** Rows deleted from 予約 (appended now or by an earlier run that stopped). */
  deleted: number;
  /** Appended rows that did not read back as written: kept in 予約. */
  notVerified: string[];
  /**
   * Rows not deleted from 予約 (a person edited, moved, copied or deleted them during the run):
   * their copies were taken back out of 予約_保管, so each is in one sheet at most.
   */
  left: string[];
  /** Rows in both sheets: their copies could not be taken back; marked エラー: in 予約_保管. */
  inBoth: string[];
  /**
   * Rows whose block was deleted but which are still in 予約: rows moved in the one call before
   * deleteRows, so another row was deleted in their place (a person must check 予約).
   */
  displaced: string[];
  /**
   * Rows of 予約 that were not meant to go but are gone after the deletion (deleted in place of
   * a moved block, or by a person in that call): rebuilt from the re-read before the deletion at
   * the bottom of 予約, flagged エラー: (書き込みの確認) for a person.
   */
  restored: string[];
  /** Rows deleted just after staff edited them (onEdit's note): their copy is flagged. */
  editedMeanwhile: string[];
  /** Headers added to the end of 予約_保管. */
  addedHeaders: string[];
  /** What stayed in 予約 for a person, from the plan. */
  conflicting: string[];
  duplicatedId: string[];
  unmatchedValues: string[];
  withoutId: number;
  deferred: number;
  /** Job seekers with archived no-shows, as written to the document property. */
  archivedNoShowSeekers: number;
  /** false when the document property could not be written (see recordArchivedNoShows). */
  noShowsRecorded: boolean;
  settingProblems: string[];
}

/** 予約IDs left in 予約 after the deletion: with their count, or just the ids (each once). */
export type LiveIds = ReadonlyMap<string, number> | ReadonlySet<string>;

export interface Settled {
  /** Meant to go, block not deleted: still in 予約. */
  left: LiveRow[];
  /** Block deleted, 予約ID still in 予約 (moved or copied in the call before deleteRows). */
  displaced: LiveRow[];
  /** Displaced and in 予約 exactly once: that row holds the booking, so its copy comes back. */
  displacedOnce: LiveRow[];
  /** Deleted and gone from 予約: moved. */
  moved: LiveRow[];
}

/**
 * Every row meant to go whose block was not deleted stays in 予約 (refused: edited, moved,
 * copied or its 予約ID changed during the run; or its copy did not read back right). A row whose
 * block was deleted but whose 予約ID is still in 予約 was moved or copied in the one call before
 * deleteRows; in 予約 exactly once, that row holds the booking (moved there, or a pasted copy
 * with the same 予約ID); held by several rows, which one is the booking cannot be told.
 */
export function settleDeletion(
  meant: readonly LiveRow[],
  deleted: ReadonlySet<string>,
  liveNow: LiveIds,
): Settled {
  const liveCount = (id: string): number =>
    liveNow instanceof Map ? (liveNow.get(id) ?? 0) : liveNow.has(id) ? 1 : 0;
  const displaced = meant.filter((row) => deleted.has(row.id) && liveNow.has(row.id));
  return {
    left: meant.filter((row) => !deleted.has(row.id)),
    displaced,
    displacedOnce: displaced.filter((row) => liveCount(row.id) === 1),
    moved: meant.filter((row) => deleted.has(row.id) && !liveNow.has(row.id)),
  };
}

/** The run's outcome with what the plan left in 予約 for a person. */
export function summarise(
  plan: ArchivePlan,
  done: Omit<
    ArchiveRun,
    'cutoff' | 'conflicting' | 'duplicatedId' | 'unmatchedValues' | 'withoutId' | 'deferred'
  >,
): ArchiveRun {
  const ids = (rows: readonly LiveRow[]): string[] => rows.map((r) => r.id);
  return {
    ...done,
    cutoff: plan.cutoff,
    conflicting: ids(plan.conflicting),
    duplicatedId: [...new Set(ids(plan.duplicatedId))],
    unmatchedValues: ids(plan.unmatchedValues),
    withoutId: plan.withoutId,
    deferred: plan.deferred.length,
  };
}
