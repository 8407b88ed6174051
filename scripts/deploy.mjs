// npm run deploy [-- --target prod]: build, then push dist/ to the bound Apps Script project.
// clasp reads .clasp.json; a target file (.clasp-dev.json / .clasp-prod.json) is copied over it
// first, so development and production scripts cannot be confused.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';

const targetIndex = process.argv.indexOf('--target');
const target = targetIndex > 0 ? process.argv[targetIndex + 1] : undefined;
if (target) {
  const file = `.clasp-${target}.json`;
  if (!existsSync(file)) fail(`No ${file}. Create it like .clasp.json with that script's id.`);
  copyFileSync(file, '.clasp.json');
}

const { scriptId, rootDir } = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!scriptId || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId) || scriptId.startsWith('REPLACE')) {
  fail(
    [
      `.clasp.json has no real scriptId (found "${scriptId ?? ''}").`,
      "Either bind to the spreadsheet's existing script: open the sheet → Extensions → Apps Script →",
      '  Project Settings → copy the Script ID into .clasp.json "scriptId";',
      'or create a new spreadsheet with a bound script:',
      '  npx clasp login && npx clasp create --type sheets --title "オンライン職業相談 予約台帳" --rootDir dist',
      '  (then keep "rootDir": "dist" in .clasp.json).',
    ].join('\n'),
  );
}
if (rootDir !== 'dist') fail(`.clasp.json rootDir must be "dist" (found "${rootDir}").`);

execFileSync('node', ['build.mjs'], { stdio: 'inherit' });
execFileSync('npx', ['clasp', 'push', '--force'], { stdio: 'inherit' });

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}
