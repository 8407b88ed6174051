// The 前日リマインダー and キャンセル通知 of one booking, rendered from 設定 (issue 15 §1, §3, §6):
// the invitation's input with the kind's own templates. Pure: the tick and the preview use it.
import type { NormalizedBooking } from './booking';
import { renderMail, type RenderedInvitation } from './invitation';
import { invitationInputFor } from './readiness';
import type { Settings } from './settings';

export type FollowUpKind = 'reminder' | 'cancellation';

/** The follow-up mail of `kind` for a booking; null when its day or start is unreadable. */
export function renderFollowUp(
  kind: FollowUpKind,
  id: string,
  booking: NormalizedBooking,
  settings: Settings,
  now: Date,
): RenderedInvitation | null {
  const input = invitationInputFor(id, booking, settings, now);
  if (input === null) return null;
  const reminder = kind === 'reminder';
  return renderMail(kind, {
    ...input,
    subjectTemplate: reminder ? settings.reminderSubject : settings.cancelSubject,
    bodyTemplate: reminder ? settings.reminderBody : settings.cancelBody,
  });
}
