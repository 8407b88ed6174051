import { defineConfig } from 'vitest/config';

// Tests run in a time zone far from Tokyo (and with daylight saving) on purpose: any code that
// relies on the machine's local zone instead of naming Asia/Tokyo gets the wrong day and fails.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
