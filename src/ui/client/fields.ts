// The server's messages in the form: shown in its live region (#messages, role=status), each
// tied to the input it is about (aria-describedby; aria-invalid for an エラー:), so a screen
// reader says the problem when the field gets focus and the red border marks it for the eye.
import type { FormField } from '../shared/sidebarApi';
import { byId, el } from './dom';

/** The input of each form field the server can name. */
const INPUT_IDS: Record<FormField, string> = {
  channel: 'channel',
  seekerNo: 'seeker-no',
  name: 'name',
  email: 'email',
  meetingUrl: 'meeting-url',
};

/** What each input is described by when no message is tied to it (its hint, the lookup). */
const BASE_DESCRIPTIONS: Partial<Record<FormField, string>> = {
  seekerNo: 'seeker-no-hint seeker-info',
  meetingUrl: 'meeting-url-hint',
};

export type MessageKind = 'error' | 'warning' | 'info';

export function kindOf(message: string): MessageKind {
  return message.startsWith('エラー') ? 'error' : message.startsWith('注意') ? 'warning' : 'info';
}

export function messageLine(message: string, id?: string): HTMLElement {
  return el('div', {
    className: `message ${kindOf(message)}`,
    text: message,
    ...(id ? { attrs: { id } } : {}),
  });
}

function inputOf(field: FormField): HTMLElement {
  return byId(INPUT_IDS[field]);
}

/** Every input back to its hint only, no field marked invalid. */
export function untieMessages(): void {
  for (const field of Object.keys(INPUT_IDS) as FormField[]) {
    const input = inputOf(field);
    input.removeAttribute('aria-invalid');
    const base = BASE_DESCRIPTIONS[field];
    if (base) input.setAttribute('aria-describedby', base);
    else input.removeAttribute('aria-describedby');
  }
}

/**
 * Shows the messages in `target` and ties each to its field. Returns the first input (in the
 * form's order) with an エラー:, for the caller to move focus to; null when none.
 */
export function showTiedMessages(
  target: HTMLElement,
  messages: readonly string[],
  fields: readonly (FormField | null)[],
  tie: boolean,
): HTMLElement | null {
  untieMessages();
  const lines = messages.map((message, i) => messageLine(message, `message-${i}`));
  target.replaceChildren(...lines);
  if (!tie) return null;
  const invalid = new Set<FormField>();
  messages.forEach((message, i) => {
    const field = fields[i];
    if (!field) return;
    const input = inputOf(field);
    const ids = [input.getAttribute('aria-describedby'), `message-${i}`].filter(Boolean);
    input.setAttribute('aria-describedby', ids.join(' '));
    if (kindOf(message) === 'error') {
      input.setAttribute('aria-invalid', 'true');
      invalid.add(field);
    }
  });
  const order = Object.keys(INPUT_IDS) as FormField[];
  const first = order.find((field) => invalid.has(field));
  return first ? inputOf(first) : null;
}
