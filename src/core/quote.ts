// Echoing what staff typed back to them, safely: one short line in 「」.

// Matching control characters is the point here.
const INVISIBLE_OR_BREAKING =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
const MAX_SHOWN = 40;

/**
 * 「value」, cut to a readable length, with control and bidi characters blanked so a pasted
 * string cannot break the one-message-per-line チェック結果 or reorder the sentence around it.
 */
export function quote(text: string): string {
  // Only the head matters, so a pasted megabyte costs no more than a name.
  const head = text.slice(0, MAX_SHOWN * 4);
  const chars = Array.from(head.replace(INVISIBLE_OR_BREAKING, ' ').trim());
  const cut = chars.length > MAX_SHOWN || head.length < text.length;
  return `「${chars.slice(0, MAX_SHOWN).join('')}${cut ? '…' : ''}」`;
}
