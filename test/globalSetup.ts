// Integration tests load dist/Code.js, so the bundle is rebuilt once before any test runs:
// a test can never pass against a stale build. SKIP_BUILD=1 skips it for runs that load no
// bundle (a developer iterating on emulator or core tests while the sources are mid-change).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('node', ['build.mjs'], { stdio: 'inherit' });
}
