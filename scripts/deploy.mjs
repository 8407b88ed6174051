// npm run deploy [-- --target <name> | --all] [-- --dry-run] [-- --no-build]
//
// Builds once, then pushes dist/ to one or more Apps Script projects:
//   (no option)       the project in .clasp.json (the developer's own);
//   --target <name>   the project in .clasp-<name>.json (repeatable: --target a --target b);
//   --all             every .clasp-<name>.json in this directory, in name order.
// Each target file is handed to clasp with `-P <file>`, so .clasp.json is never read or
// overwritten for a target. clasp is this repository's (node_modules), run in the current
// directory, which holds the target files (npm run: the repository root; the tests: a temp dir). A target whose file is missing, unreadable, has no real scriptId or
// a rootDir other than "dist" is stopped with its reason; the others still go. The summary at
// the end has one line per target; the exit code is 1 if any target did not go.
//   --dry-run         run `clasp show-file-status` (offline, no login) instead of `clasp push`
//                     and list the files each target would receive;
//   --no-build        push dist/ as it stands (the tests use it; dist/ must already be built).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_FILE = /^\.clasp-(.+)\.json$/;
const CLASP_PACKAGE = join(REPO_ROOT, 'node_modules', '@google', 'clasp');

main();

function main() {
  const options = parseArgs(process.argv.slice(2));
  const root = process.cwd();
  const targets = options.all ? allTargets(root) : options.targets;
  if (targets.length === 0) {
    stop(
      options.all
        ? "no .clasp-<name>.json here. Create one per office, like .clasp.json with that script's id."
        : 'nothing to deploy.',
    );
  }
  const checked = targets.map((name) => ({ name, ...check(root, name) }));
  if (checked.some((t) => t.ok) && options.build) {
    try {
      execFileSync('node', ['build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    } catch {
      for (const t of checked.filter((c) => c.ok)) Object.assign(t, notGone('the build failed'));
    }
  }
  for (const t of checked.filter((c) => c.ok)) {
    console.log(
      `deploy: ${label(t.name)} → ${options.dryRun ? 'clasp show-file-status' : 'clasp push'}`,
    );
    Object.assign(t, options.dryRun ? status(t.file) : push(t.file));
  }
  printSummary(checked, options.dryRun);
  process.exit(checked.every((t) => t.ok) ? 0 : 1);
}

function parseArgs(args) {
  const options = { targets: [], all: false, dryRun: false, build: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--all') options.all = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--target') {
      const name = args[++i];
      if (name === undefined || name.startsWith('--')) stop('--target needs a name: --target prod');
      const bad = badName(name);
      if (bad) stop(`--target "${name}" ${bad}`);
      options.targets.push(name);
    } else stop(`unknown option "${arg}". Use --target <name>, --all, --dry-run, --no-build.`);
  }
  if (options.all && options.targets.length > 0) stop('use either --all or --target, not both.');
  if (!options.all && options.targets.length === 0) options.targets.push(null);
  return options;
}

/** Why a target name cannot name a file in this directory, or undefined when it can. */
function badName(name) {
  if (name === '') return 'is empty.';
  if (/[/\\:\0]/.test(name) || name.includes('..') || name === '.') {
    return 'may not contain path characters (/ \\ : ..): it names .clasp-<name>.json in this directory.';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'may not contain control characters.';
  return undefined;
}

function allTargets(root) {
  return readdirSync(root)
    .map((f) => TARGET_FILE.exec(f)?.[1])
    .filter((name) => name !== undefined && !badName(name))
    .sort();
}

function fileOf(name) {
  return name === null ? '.clasp.json' : `.clasp-${name}.json`;
}

function label(name) {
  return name === null ? '.clasp.json' : name;
}

/** Reads and checks one target's project file; the messages are those deploy has always given. */
function check(root, name) {
  const file = fileOf(name);
  const path = join(root, file);
  if (!existsSync(path)) {
    return notGone(
      name === null
        ? 'No .clasp.json. Create it with "scriptId" and "rootDir": "dist".'
        : `No ${file}. Create it like .clasp.json with that script's id.`,
    );
  }
  let config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return notGone(`${file} is not valid JSON (${error.message}).`);
  }
  const { scriptId, rootDir } = config ?? {};
  if (
    typeof scriptId !== 'string' ||
    !/^[A-Za-z0-9_-]{20,}$/.test(scriptId) ||
    scriptId.startsWith('REPLACE')
  ) {
    return notGone(
      [
        `${file} has no real scriptId (found "${scriptId ?? ''}").`,
        "Either bind to the spreadsheet's existing script: open the sheet → Extensions → Apps Script →",
        `  Project Settings → copy the Script ID into ${file} "scriptId";`,
        'or create a new spreadsheet with a bound script:',
        '  npx clasp login && npx clasp create --type sheets --title "オンライン職業相談 予約台帳" --rootDir dist',
        `  (then keep "rootDir": "dist" in ${file}).`,
      ].join('\n'),
    );
  }
  if (rootDir !== 'dist') return notGone(`${file} rootDir must be "dist" (found "${rootDir}").`);
  return { ok: true, file: path };
}

function push(file) {
  try {
    clasp(['-P', file, 'push', '--force'], { stdio: 'inherit' });
    return { ok: true, result: 'pushed' };
  } catch (error) {
    return notGone(`clasp push failed (exit code ${error.status ?? '?'}); its output is above.`);
  }
}

function status(file) {
  let out;
  try {
    out = clasp(['-P', file, 'show-file-status', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    return notGone(`clasp show-file-status failed (exit code ${error.status ?? '?'}).`);
  }
  const { filesToPush } = JSON.parse(out.trim().split('\n').pop());
  for (const f of filesToPush) console.log(`  would push ${f}`);
  return { ok: true, result: `would push ${filesToPush.length} files (dry run)` };
}

/** This repository's clasp (package.json pins it), run in the directory of the target files. */
function clasp(args, options) {
  const { bin } = JSON.parse(readFileSync(join(CLASP_PACKAGE, 'package.json'), 'utf8'));
  return execFileSync(process.execPath, [join(CLASP_PACKAGE, bin.clasp), ...args], options);
}

function notGone(reason) {
  return { ok: false, result: `stopped: ${reason}` };
}

function printSummary(targets, dryRun) {
  console.log(`\ndeploy summary${dryRun ? ' (dry run, nothing pushed)' : ''}:`);
  for (const t of targets) {
    const [first, ...rest] = t.result.split('\n');
    console.log(`  ${label(t.name)}: ${t.ok ? (dryRun ? first : 'pushed') : first}`);
    for (const line of rest) console.log(`    ${line}`);
  }
  const failed = targets.filter((t) => !t.ok).length;
  console.log(
    failed === 0 ? `all ${targets.length} done.` : `${failed} of ${targets.length} stopped.`,
  );
}

function stop(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}
