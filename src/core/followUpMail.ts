// The 前日リマインダー and キャンセル通知 of one booking, rendered from 設定 (issue 15 §1, §3, §6):
// the invitation's input with the kind's own templates. Pure: the tick and the preview use it.
import type { NormalizedBooking } from './booking';
import { renderMail, type RenderedInvitation, validateTemplate } from './invitation';
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

/**
 * What is wrong with the kind's 設定 templates (件名・本文), worded as the renderer words it; []
 * when usable. The tick sends none of that kind while there is a problem, leaving each booking's
 * one mail for when the template is fixed; 設定's reading reports it (settings.ts).
 */
export function followUpTemplateProblems(
  kind: FollowUpKind,
  settings: Pick<Settings, 'reminderSubject' | 'reminderBody' | 'cancelSubject' | 'cancelBody'>,
): string[] {
  const reminder = kind === 'reminder';
  const subject = reminder ? settings.reminderSubject : settings.cancelSubject;
  const body = reminder ? settings.reminderBody : settings.cancelBody;
  return [...validateTemplate(subject, 'subject', kind), ...validateTemplate(body, 'body', kind)];
}
