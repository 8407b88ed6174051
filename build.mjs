// Builds the Apps Script project into dist/: Code.js, appsscript.json and the HtmlService pages.
//
// Apps Script has no modules: it runs every file as a classic script and calls entry points
// (onOpen, menu handlers, triggers, google.script.run targets) by their global name. So the
// bundle is an IIFE assigned to one global, and for every name exported from src/main.ts we
// append a real top-level `function` that forwards to it. Real functions (not `var x = ...`)
// are what the Apps Script editor lists and what triggers can be bound to.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GLOBAL_NAME = 'OnlineSoudan';
const ENTRY = 'src/main.ts';
const OUT_DIR = 'dist';

/** The names src/main.ts exports, read from esbuild's metafile rather than parsed by hand. */
async function exportedNames() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: OUT_DIR,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === ENTRY);
  if (!output) throw new Error(`build.mjs: no output for ${ENTRY} in the metafile`);
  return output.exports;
}

/**
 * Writes through a temporary file and a rename, so a reader (a test run, a second build) sees the
 * old file or the new one, never none or half of one.
 */
function writeAtomically(path, content) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}

function wrapper(name) {
  return `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`;
}

/** Client scripts of HtmlService pages, inlined into their .html (Apps Script serves one file). */
async function buildPages() {
  const pagesDir = 'src/ui/pages';
  let pages = [];
  try {
    pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html'));
  } catch {
    return [];
  }
  for (const page of pages) {
    let html = readFileSync(join(pagesDir, page), 'utf8');
    const clientEntry = join('src/ui/client', page.replace(/\.html$/, '.ts'));
    try {
      readFileSync(clientEntry);
    } catch {
      writeAtomically(join(OUT_DIR, page), html);
      continue;
    }
    const client = await build({
      entryPoints: [clientEntry],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      minify: false,
      logLevel: 'warning',
    });
    const script = client.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    html = html.replace('<!-- CLIENT_SCRIPT -->', `<script>\n${script}</script>`);
    writeAtomically(join(OUT_DIR, page), html);
  }
  return pages;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });

  const names = await exportedNames();
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['main', 'module'],
    minify: false,
    write: false,
    legalComments: 'inline',
    // Japanese stays readable in the Apps Script editor (and takes 3 bytes, not a 6-byte \u escape).
    charset: 'utf8',
    logLevel: 'warning',
  });
  const code = [
    '// Built by build.mjs from src/ — do not edit; edit the TypeScript sources instead.',
    result.outputFiles[0].text,
    '// Entry points: real global functions, so Apps Script menus, triggers and google.script.run find them.',
    ...names.sort().map(wrapper),
  ].join('\n');
  writeAtomically(join(OUT_DIR, 'Code.js'), code);
  writeAtomically(join(OUT_DIR, 'appsscript.json'), readFileSync('appsscript.json'));
  const pages = await buildPages();
  // dist/ is exactly what clasp pushes: remove whatever an earlier build left that this one did not make.
  const made = new Set(['Code.js', 'appsscript.json', ...pages]);
  for (const file of readdirSync(OUT_DIR)) {
    if (!made.has(file) && !file.endsWith('.tmp'))
      rmSync(join(OUT_DIR, file), { recursive: true, force: true });
  }
  console.log(
    `build: dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, ${names.length} entry points` +
      (pages.length ? `, pages: ${pages.join(', ')}` : ''),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
