// The shipped office: ハローワーク倉敷中央 and 倉敷わかものハローワーク. Every value but the demo's
// phone number for 倉敷中央 (blank as shipped) is the default 初期設定 writes (SETTING_DEFAULTS).
import { OFFICE, SETTING } from '../../src/core/schema';
import type { OfficeProfile } from './types';

export const kurashiki: OfficeProfile = {
  name: 'kurashiki',
  title: 'ハローワーク倉敷中央・倉敷わかものハローワーク（出荷時の設定）',
  layout: [],
  settings: [[SETTING.phoneCentral, '086-000-0000']],
  closedDays: [],
  rosterOffices: [
    OFFICE.wakamono,
    OFFICE.wakamono,
    OFFICE.central,
    OFFICE.central,
    OFFICE.wakamono,
    OFFICE.central,
    OFFICE.wakamono,
    OFFICE.central,
  ],
  notASlot: '13:00',
  extraBookings: [],
};
