// `clasp show-file-status` works offline and lists exactly what `npm run deploy` would push.
// The deploy script is run here in --dry-run (show-file-status instead of push), with no clasp
// login and every network connection refused, in a temp directory of several offices' targets.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DEPLOY = resolve('scripts/deploy.mjs');
const BUILT = readdirSync('dist').sort();
const REAL_ID_A = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopq';
const REAL_ID_B = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvutsrqponmlk';
const DEVELOPER_CLASP = '{ "scriptId": "REPLACE_WITH_YOUR_SCRIPT_ID", "rootDir": "dist" }\n';

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
    const built = BUILT.map((f) => `dist/${f}`);
    expect(status.filesToPush.sort()).toEqual(built.sort());
    expect(status.filesToPush).toEqual(
      expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json']),
    );
    expect(status.untrackedFiles).toEqual([]);
  });
});

describe('npm run deploy to several offices (dry run, offline)', () => {
  let dir: string;
  const blocked = () => join(dir, 'network-attempts.log');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    cpSync('dist', join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, '.clasp.json'), DEVELOPER_CLASP);
    const target = (name: string, body: string) =>
      writeFileSync(join(dir, `.clasp-${name}.json`), body);
    target('kurashiki', JSON.stringify({ scriptId: REAL_ID_A, rootDir: 'dist' }));
    target('okayama', JSON.stringify({ scriptId: REAL_ID_B, rootDir: 'dist' }));
    target('tsuyama', JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }));
    target('niimi', JSON.stringify({ scriptId: REAL_ID_B }));
    target('kasaoka', JSON.stringify({ rootDir: 'dist' }));
    // Not a target: --all takes only .clasp-<name>.json.
    writeFileSync(join(dir, '.clasp-dev.json.local'), '{}');
    // Every socket or DNS lookup in clasp (or anything it starts) is refused and written down.
    writeFileSync(
      join(dir, 'no-network.mjs'),
      [
        "import dns from 'node:dns';",
        "import net from 'node:net';",
        "import { appendFileSync } from 'node:fs';",
        `const log = ${JSON.stringify(blocked())};`,
        'const refuse = (what) => { appendFileSync(log, what + "\\n"); throw new Error("network refused: " + what); };',
        "net.Socket.prototype.connect = function () { refuse('connect'); };",
        "dns.lookup = () => refuse('dns.lookup');",
        "dns.promises.lookup = async () => refuse('dns.promises.lookup');",
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function deploy(...args: string[]) {
    const run = spawnSync(process.execPath, [DEPLOY, '--no-build', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        // No login: an auth file that does not exist, so clasp has no credentials at all.
        clasp_config_auth: join(dir, 'no-such-clasprc.json'),
        NODE_OPTIONS: `--import ${join(dir, 'no-network.mjs')}`,
      },
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  }
  /** The summary lines after "deploy summary", first line of each target only. */
  function summary(out: string) {
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('deploy summary'));
    expect(start).toBeGreaterThanOrEqual(0);
    return lines.slice(start + 1).filter((l) => /^ {2}\S/.test(l) || /^(all|\d+ of)/.test(l));
  }
  /** The files the dry run listed under one target. */
  function wouldPush(out: string, name: string) {
    const lines = out.split('\n');
    const start = lines.indexOf(`deploy: ${name} → clasp show-file-status`);
    expect(start).toBeGreaterThanOrEqual(0);
    const files: string[] = [];
    for (const line of lines.slice(start + 1)) {
      const m = /^ {2}would push (.+)$/.exec(line);
      if (!m) break;
      files.push(m[1]!);
    }
    return files.sort();
  }

  it('--all goes through every .clasp-<name>.json, past the failing ones, with a summary', () => {
    const { code, out } = deploy('--all', '--dry-run');
    expect(code).toBe(1);
    expect(summary(out)).toEqual([
      '  kasaoka: stopped: .clasp-kasaoka.json has no real scriptId (found "").',
      `  kurashiki: would push ${BUILT.length} files (dry run)`,
      '  niimi: stopped: .clasp-niimi.json rootDir must be "dist" (found "undefined").',
      `  okayama: would push ${BUILT.length} files (dry run)`,
      '  tsuyama: stopped: .clasp-tsuyama.json has no real scriptId (found "REPLACE_WITH_YOUR_SCRIPT_ID").',
      '3 of 5 stopped.',
    ]);
    // The placeholder message still says how to get a script id, naming the target's file.
    expect(out).toContain('copy the Script ID into .clasp-tsuyama.json "scriptId"');
    expect(out).toContain('npx clasp create --type sheets');
    expect(out).not.toContain('dev.json.local');
    for (const name of ['kurashiki', 'okayama']) {
      const files = wouldPush(out, name);
      expect(files).toEqual(BUILT.map((f) => `dist/${f}`).sort());
      expect(files).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json']));
      expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    }
  });

  it('--target <name> deploys one office and exits 0 when it goes', () => {
    const { code, out } = deploy('--target', 'okayama', '--dry-run');
    expect(summary(out)).toEqual([
      `  okayama: would push ${BUILT.length} files (dry run)`,
      'all 1 done.',
    ]);
    expect(code).toBe(0);
    expect(wouldPush(out, 'okayama')).toEqual(BUILT.map((f) => `dist/${f}`).sort());
  });

  it('--target stops a placeholder id, a missing file, and refuses path characters', () => {
    const placeholder = deploy('--target', 'tsuyama', '--dry-run');
    expect(placeholder.code).toBe(1);
    expect(summary(placeholder.out)[0]).toBe(
      '  tsuyama: stopped: .clasp-tsuyama.json has no real scriptId (found "REPLACE_WITH_YOUR_SCRIPT_ID").',
    );
    expect(placeholder.out).not.toContain('clasp show-file-status\n');
    const missing = deploy('--target', 'hiroshima', '--dry-run');
    expect(missing.code).toBe(1);
    expect(summary(missing.out)[0]).toBe(
      "  hiroshima: stopped: No .clasp-hiroshima.json. Create it like .clasp.json with that script's id.",
    );
    for (const name of ['../kurashiki', 'a/b', 'a\\b', '..']) {
      const bad = deploy('--target', name, '--dry-run');
      expect(bad.code).toBe(1);
      expect(bad.err).toContain(`--target "${name}" may not contain path characters`);
      expect(bad.out).not.toContain('deploy summary');
    }
  });

  it("never touches the developer's .clasp.json and never reaches the network", () => {
    deploy('--all', '--dry-run');
    expect(readFileSync(join(dir, '.clasp.json'), 'utf8')).toBe(DEVELOPER_CLASP);
    // The guard is live (a connect attempt is written down), and clasp made none.
    const probe = spawnSync(
      process.execPath,
      ['-e', "require('node:net').connect(443, 'script.google.com').on('error', () => {})"],
      { env: { ...process.env, NODE_OPTIONS: `--import ${join(dir, 'no-network.mjs')}` } },
    );
    expect(probe.status).not.toBe(0);
    expect(readFileSync(blocked(), 'utf8').trim().split('\n')).toEqual(['connect']);
  });
});
