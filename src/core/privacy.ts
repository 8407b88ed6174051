// Logs must never carry job seekers' personal data (SPEC §5 Security). Service errors can quote
// an address (e.g. "Invalid email: …"), so everything written to a log passes through here.

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g;
// 求職番号 as typed: 5 digits, a dash of any kind, 1–8 digits (also full-width digits).
const SEEKER_NUMBER = /[0-9０-９]{5}\s*[-‐‑‒–—―−ー一─－]\s*[0-9０-９]{1,8}/g;

export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, '<メールアドレス>').replace(SEEKER_NUMBER, '<求職番号>');
}
