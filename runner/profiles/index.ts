// The office profiles `npm start -- --profile <name>` knows. The default is the shipped office.
import { kurashiki } from './kurashiki';
import { mihon } from './mihon';
import type { OfficeProfile } from './types';

export type { OfficeProfile } from './types';

export const PROFILES: Readonly<Record<string, OfficeProfile>> = { kurashiki, mihon };

export const DEFAULT_PROFILE = kurashiki;

export function profileByName(name: string): OfficeProfile {
  const profile = PROFILES[name];
  if (!profile) {
    throw new Error(
      `unknown profile: ${name} (profiles: ${Object.keys(PROFILES).join(', ')}; runner/profiles/)`,
    );
  }
  return profile;
}
