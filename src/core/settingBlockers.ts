// 設定 values that stop every invitation of a 窓口 (issue 16 §3): the 窓口's 電話番号 or 差出人名
// empty, 規約版 empty, a メール件名 / メール本文 the renderer refuses. The check shows them as
// エラー on the 受付 rows they block, so the send dialog counts only mails that can go and staff
// are sent to 設定, not to the row. The renderer itself decides (a sample booking of the 窓口 is
// rendered exactly as a send would), so the check and the send cannot disagree.
import { blankBooking, type NormalizedBooking } from './booking';
import { renderInvitation } from './invitation';
import { invitationInputFor } from './readiness';
import { blockingSetting, settingBlocksMail } from './checkMessages';
import { officePhoneKey, officeSenderKey, SETTING } from './schema';
import type { Settings } from './settings';
import { makeDay, type LocalDate } from './time';

/** Any real weekday: the sample's day only has to be a valid date. */
const SAMPLE_DAY = makeDay(2030, 1, 7) as LocalDate;
const SAMPLE_NOW = new Date(Date.UTC(2030, 0, 1));

/**
 * A line of settingBlockers: the sidebar still takes such a booking (the caller is on the phone
 * and the row is right); it is sent once 設定 is fixed.
 */
export function isSettingBlocker(line: string): boolean {
  return /^エラー: 設定(?:「|の問題で)/.test(line);
}

const cache = new WeakMap<Settings, Map<string, readonly string[]>>();

/** The エラー lines for a 受付 row of `office` that 設定 alone would stop; [] when none. */
export function settingBlockers(settings: Settings, office: string): readonly string[] {
  let byOffice = cache.get(settings);
  if (byOffice === undefined) {
    byOffice = new Map();
    cache.set(settings, byOffice);
  }
  const cached = byOffice.get(office);
  if (cached !== undefined) return cached;
  const found = findBlockers(settings, office);
  byOffice.set(office, found);
  return found;
}

function findBlockers(settings: Settings, office: string): string[] {
  const empty: [string, boolean][] = [
    [officePhoneKey(office), (settings.phones[office] ?? '').trim() === ''],
    [officeSenderKey(office), (settings.senderNames[office] ?? '').trim() === ''],
    [SETTING.termsVersion, settings.termsVersion.trim() === ''],
  ];
  const lines = empty.filter(([, blank]) => blank).map(([key]) => blockingSetting(key, office));
  // The rest (templates, 相談時間, sizes) as the renderer words them, with the values above
  // filled in so that they are not reported twice.
  const filled: Settings = {
    ...settings,
    phones: { ...settings.phones, [office]: settings.phones[office] || '000-000-0000' },
    senderNames: { ...settings.senderNames, [office]: settings.senderNames[office] || office },
    termsVersion: settings.termsVersion || '-',
  };
  const input = invitationInputFor('Y000001', sampleBooking(settings, office), filled, SAMPLE_NOW);
  if (input === null) return lines;
  for (const problem of renderInvitation(input).problems)
    lines.push(settingBlocksMail(problem, office));
  return lines;
}

function sampleBooking(settings: Settings, office: string): NormalizedBooking {
  return {
    ...blankBooking(0),
    id: 'Y000001',
    name: '見本 太郎',
    date: SAMPLE_DAY,
    start: settings.slots[0] ?? 600,
    office,
    meetingUrl: 'https://example.com/meeting',
  };
}
