// What every mail to a job seeker ends with when 設定 asks for it (issue 15 §5, 合理的配慮 and the
// terms): a way to reach the office for people who cannot phone, the link to the full terms, and
// the 第5条 device requirements. Appended after the template by the renderer, so a template the
// office reworded still carries them; the values come from 設定, never from a booking.
import { DEVICE_REQUIREMENTS } from './followUpTemplates';

export interface FooterSettings {
  /** 設定「電話以外の連絡先」: '' = not printed. */
  alternativeContact: string;
  /** 設定「規約URL」 (https, checked when 設定 is read): '' = not printed. */
  termsUrl: string;
  /** 設定「端末・通信環境の案内」. */
  deviceNotice: boolean;
}

/**
 * The footer's text, or '' when nothing is set. It opens with its own line break and a blank
 * line: 設定 hands the templates over trimmed (a typed template never ends with a line break),
 * so without them the footer's first heading would stick to the template's last line.
 */
export function mailFooter(settings: FooterSettings): string {
  const blocks: string[][] = [];
  if (settings.alternativeContact !== '') {
    blocks.push([
      '■お電話が難しい方へ',
      `お電話でのご連絡が難しい場合は、こちらへご連絡ください：${settings.alternativeContact}`,
    ]);
  }
  if (settings.termsUrl !== '') {
    blocks.push(['■オンライン職業相談等利用規約（全文）', settings.termsUrl]);
  }
  if (settings.deviceNotice) blocks.push(DEVICE_REQUIREMENTS);
  if (blocks.length === 0) return '';
  return `\n\n${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
