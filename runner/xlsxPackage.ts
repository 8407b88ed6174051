// The parts of an .xlsx as ExcelJS expects to find them. The format lets a writer name and place
// parts freely (relationships say where each one is), but ExcelJS reads a sheet's notes only from
// xl/commentsN.xml and their boxes only from xl/drawings/vmlDrawingN.vml, referenced relative to
// the sheet. openpyxl writes xl/comments/comment1.xml and xl/drawings/commentsDrawing1.vml with
// absolute targets, and ExcelJS then fails with "Cannot read properties of undefined (reading
// 'comments')". Such parts are moved where ExcelJS looks before it reads the file; a file already
// laid out that way (Excel, LibreOffice, ExcelJS itself) is returned untouched.
// JSZip is the zip library ExcelJS itself reads with (one of its dependencies).
import JSZip from 'jszip';
import { posix } from 'node:path';

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const COMMENTS = `${REL_TYPE}comments`;
const VML = `${REL_TYPE}vmlDrawing`;
const SHEET_RELS = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/;
const RELATIONSHIP = /<Relationship\b[^>]*>/g;

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Where a relationship target points, as a path inside the zip. */
function resolveTarget(sourceDir: string, target: string): string {
  const decoded = target.replace(/&amp;/g, '&');
  return decoded.startsWith('/')
    ? decoded.slice(1)
    : posix.normalize(posix.join(sourceDir, decoded));
}

/** True when ZIP magic opens the file (an .xlsx is a zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 compound file: an old .xls, or an .xlsx encrypted with a password. */
export function looksLikeCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

/** What kind of zip it is when it is not an .xlsx: an OpenDocument file or something else. */
export class NotSpreadsheetMl extends Error {
  constructor(readonly openDocument: boolean) {
    super(openDocument ? 'OpenDocument package' : 'no xl/workbook.xml in the zip');
  }
}

/**
 * The package with notes and their drawings where ExcelJS reads them. Throws NotSpreadsheetMl
 * for a zip that holds no Excel workbook (an .ods renamed .xlsx, a zip of something else).
 */
export async function normalisePackage(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  if (!zip.file('xl/workbook.xml')) {
    const mimetype = (await zip.file('mimetype')?.async('string')) ?? '';
    throw new NotSpreadsheetMl(mimetype.includes('opendocument'));
  }
  const names = Object.keys(zip.files);
  const used = new Set(names);
  const free = (make: (n: number) => string) => {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  let changed = false;
  for (const relsName of names.filter((n) => SHEET_RELS.test(n))) {
    const file = zip.file(relsName);
    if (!file) continue;
    const xml = await file.async('string');
    const rewritten = await rewriteSheetRels(zip, xml, free);
    if (rewritten !== xml) {
      zip.file(relsName, rewritten);
      changed = true;
    }
  }
  if (!changed) return bytes;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rewriteSheetRels(
  zip: JSZip,
  xml: string,
  free: (make: (n: number) => string) => string,
): Promise<string> {
  let out = xml;
  for (const tag of xml.match(RELATIONSHIP) ?? []) {
    const type = attribute(tag, 'Type');
    const target = attribute(tag, 'Target');
    if (target === undefined || (type !== COMMENTS && type !== VML)) continue;
    const path = resolveTarget('xl/worksheets', target);
    const expected =
      type === COMMENTS ? /^xl\/comments\d+\.xml$/ : /^xl\/drawings\/vmlDrawing\d+\.vml$/;
    if (expected.test(path) && target.startsWith('../')) continue;
    const part = zip.file(path);
    if (!part) continue;
    const moved =
      expected.test(path) && !target.startsWith('../')
        ? path
        : free((n) =>
            type === COMMENTS ? `xl/comments${n}.xml` : `xl/drawings/vmlDrawing${n}.vml`,
          );
    if (moved !== path) {
      zip.file(moved, await part.async('uint8array'));
      zip.remove(path);
    }
    const relative = `../${moved.slice('xl/'.length)}`;
    out = out.replace(tag, tag.replace(/\bTarget="[^"]*"/, `Target="${relative}"`));
  }
  return out;
}
