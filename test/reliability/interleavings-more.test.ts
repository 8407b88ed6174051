// Issue 13's "Done when" sweep, second half: a person acts before any spreadsheet call of the
// sidebar add and of 初期設定 (see ./interleavingsSweep.ts and interleavings.test.ts).
import { sweep } from './interleavingsSweep';

sweep(['sidebar', 'setup'], { harnessTests: false });
