// The invitation ledger's document property (the pure part is core/invitationLedger.ts). Written
// under the script lock, before each mail goes: no run ever mails an id found here, whatever the
// cells of its row say; only 招待メールを再送, a person's explicit act, mails such an id again.
import {
  type FollowUpState,
  type Ledger,
  type LedgerEntry,
  type LedgerState,
  invitationKeyOf,
  parseLedger,
  pruneLedger,
  sameInvitationAs,
  sameInvitationIndex,
  type SentDetails,
  serializeLedger,
} from '../core/invitationLedger';
import type { LocalDate } from '../core/time';
import { readChunked, type StoredText, writeChunked } from './chunkedProperty';
import { documentProperties, PROPERTY } from './properties';

export class InvitationLedger {
  private constructor(
    private entries: Ledger,
    private readonly stored: StoredText,
  ) {}

  /** The ledger as stored now. Read it again after any dialog (the lock was let go). */
  static load(): InvitationLedger {
    const stored = readChunked(documentProperties(), PROPERTY.invitationLedger);
    return new InvitationLedger(parseLedger(stored.text), stored);
  }

  get(id: string): LedgerEntry | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): ReadonlySet<string> {
    return new Set(this.entries.keys());
  }

  /** Another 予約ID under which this same invitation (address, day, time, URL) was mailed. */
  sameInvitationAs(id: string, details: SentDetails | null): string | undefined {
    return sameInvitationAs(this.entries, id, details);
  }

  /** sameInvitationAs for a whole check: the ledger indexed once (see core). */
  sameInvitationIndex(): (id: string, details: SentDetails | null) => string | undefined {
    return sameInvitationIndex(this.entries);
  }

  /** invitationKeyOf → 予約ID, for the readiness rule. */
  keys(): ReadonlyMap<string, string> {
    return new Map([...this.entries].map(([id, entry]) => [invitationKeyOf(entry), id]));
  }

  /**
   * The invitation of `id` (a first send, or 招待メールを再送). What is known of its reminder and
   * cancellation notice stays: at most one of each per booking, however often it is re-sent.
   */
  record(id: string, details: SentDetails, state: LedgerState): void {
    const previous = this.entries.get(id);
    const entry: LedgerEntry = { ...details, state, at: Date.now() };
    if (previous?.reminder !== undefined) entry.reminder = previous.reminder;
    if (previous?.cancelNotice !== undefined) entry.cancelNotice = previous.cancelNotice;
    this.entries.set(id, entry);
  }

  /** The reminder's or cancellation notice's state; undefined takes it out (surely not sent). */
  setFollowUp(
    id: string,
    kind: 'reminder' | 'cancelNotice',
    state: FollowUpState | undefined,
  ): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const next: LedgerEntry = { ...entry };
    if (state === undefined) delete next[kind];
    else next[kind] = state;
    this.entries.set(id, next);
  }

  setState(id: string, state: LedgerState): void {
    const entry = this.entries.get(id);
    if (entry) this.entries.set(id, { ...entry, state });
  }

  /** Back to what it was (a resend that surely did not go), or gone (a first mail that did not). */
  restore(id: string, previous: LedgerEntry | undefined): void {
    if (previous) this.entries.set(id, previous);
    else this.entries.delete(id);
  }

  /** Writes the ledger, without the bookings whose 相談日 has passed. Throws if it cannot. */
  save(today: LocalDate): void {
    this.entries = pruneLedger(this.entries, today);
    const text = serializeLedger(this.entries);
    writeChunked(documentProperties(), PROPERTY.invitationLedger, text, this.stored);
    this.stored.text = text;
    this.stored.keys = Object.keys(documentProperties().getProperties()).filter(
      (k) => k === PROPERTY.invitationLedger || k.startsWith(`${PROPERTY.invitationLedger}.`),
    );
  }
}
