// `clasp show-file-status` works offline and lists exactly what `npm run deploy` would push.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('clasp push', () => {
  it('would push exactly the built files from dist/', () => {
    const out = execFileSync('npx', ['clasp', 'show-file-status', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const status = JSON.parse(out.trim().split('\n').pop()!) as {
      filesToPush: string[];
      untrackedFiles: string[];
    };
    const built = readdirSync('dist').map((f) => `dist/${f}`);
    expect(status.filesToPush.sort()).toEqual(built.sort());
    expect(status.filesToPush).toEqual(
      expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json']),
    );
    expect(status.untrackedFiles).toEqual([]);
  });
});
