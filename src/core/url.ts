// The one rule for a meeting URL, shared by the check and the invitation: an absolute https URL
// made only of URL characters, so what the check accepts the mail can link to (and it cannot
// break out of an href in the HTML part).

const HTTPS_URL_BODY = String.raw`[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*)?`;
const HTTPS_URL = new RegExp(`^https://${HTTPS_URL_BODY}$`);

export function isHttpsUrl(text: string): boolean {
  return HTTPS_URL.test(text);
}

/** A fresh global RegExp finding https URLs inside a text. */
export function httpsUrlsInText(): RegExp {
  return new RegExp(`https://${HTTPS_URL_BODY}`, 'g');
}
