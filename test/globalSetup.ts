// Integration tests load dist/Code.js, so the bundle is rebuilt once before any test runs:
// a test can never pass against a stale build. SKIP_BUILD=1 skips it for runs that load no
// bundle (a developer iterating on emulator or core tests while the sources are mid-change).
// Every vitest project (one per emulator world) runs this setup; the build happens once.
import { execFileSync } from 'node:child_process';

const BUILT = Symbol.for('online-soudan.bundleBuilt');

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const state = globalThis as { [BUILT]?: boolean };
  if (state[BUILT]) return;
  execFileSync('node', ['build.mjs'], { stdio: 'inherit' });
  state[BUILT] = true;
}
