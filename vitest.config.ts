import { defineConfig } from 'vitest/config';
import { WORLD_NAMES } from './emulator/variants.js';

// Tests run in a time zone far from Tokyo (and with daylight saving) on purpose: any code that
// relies on the machine's local zone instead of naming Asia/Tokyo gets the wrong day and fails.
process.env.TZ = 'America/Los_Angeles';

// The bundle in the emulator runs once per world (emulator/variants.ts): every alternative of
// Google's undocumented answers is taken by at least one world. The default world (strict) runs
// every bundle and reliability test; the others skip the files that never touch a spreadsheet
// (clasp, the bundle's structure, scopes) and the slow fault sweep, whose faults do not depend
// on the answers a variant changes.
const WORLD_FILES = ['test/bundle/**/*.test.ts', 'test/reliability/**/*.test.ts'];
const WORLD_INDEPENDENT = [
  'test/bundle/clasp.test.ts',
  'test/bundle/structure.test.ts',
  'test/bundle/scopes.test.ts',
  'test/reliability/faults.test.ts',
  // The interleavings sweep (issue 13) perturbs the person's acts, not Google's undocumented
  // answers: it runs once, in the strict world.
  'test/reliability/interleavings.test.ts',
  'test/reliability/interleavings-more.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: WORLD_FILES },
      },
      ...WORLD_NAMES.map((world) => ({
        extends: true as const,
        test: {
          name: `world:${world}`,
          include: WORLD_FILES,
          exclude: world === 'strict' ? [] : WORLD_INDEPENDENT,
          env: { EMU_VARIANTS: world },
          // Independent of the env var: test/bundle/world.test.ts checks the two agree.
          provide: { world },
        },
      })),
    ],
  },
});
