// Issue 13's "Done when" sweep, first half: a person acts before any spreadsheet call of the send
// menu, the tick or the archive (see ./interleavingsSweep.ts; the sidebar add and 初期設定 are in
// interleavings-more.test.ts). Standalone, both halves:
//   npx vitest run test/reliability/interleavings
import { sweep } from './interleavingsSweep';

sweep(['send', 'tick', 'archive'], { harnessTests: true });
