// An .xlsx laid out the way openpyxl (Python) writes one, for tests on machines without openpyxl:
// what openpyxl's load_workbook + save would give for a workbook, built from its cells with JSZip
// (ExcelJS's own zip library). openpyxl's choices that matter to a reader, kept here:
// - notes in xl/comments/commentN.xml and their boxes in xl/drawings/commentsDrawingN.vml,
//   referenced by absolute targets ("/xl/comments/comment1.xml"), not ExcelJS's xl/commentsN.xml;
// - absolute targets for worksheets in xl/_rels/workbook.xml.rels;
// - no docProps/custom.xml, no theme the reader needs, no calcChain;
// - strings in the shared-string table (t="s"), rich text as inline strings (t="inlineStr", used
//   here for the hidden sheet's cells), booleans as t="b", dates as serial numbers with a style.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const t = (s: string) =>
  /^\s|\s$|\n/.test(s) ? `<t xml:space="preserve">${esc(s)}</t>` : `<t>${esc(s)}</t>`;

function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Excel serial of an ExcelJS date (ExcelJS dates carry the wall time as UTC). */
const serial = (d: Date) => 25569 + d.getTime() / 86_400_000;

interface Styles {
  index(numFmt: string | undefined): number;
  xml(): string;
}

function styles(): Styles {
  const formats = new Map<string, number>();
  const xfs: number[] = [0];
  const xfOf = new Map<number, number>([[0, 0]]);
  return {
    index(numFmt) {
      if (!numFmt || numFmt === 'General') return 0;
      let id = formats.get(numFmt);
      if (id === undefined) formats.set(numFmt, (id = 164 + formats.size));
      let xf = xfOf.get(id);
      if (xf === undefined) {
        xfOf.set(id, (xf = xfs.length));
        xfs.push(id);
      }
      return xf;
    },
    xml() {
      const fmts = [...formats]
        .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
        .join('');
      const cellXfs = xfs
        .map((id) =>
          id === 0
            ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" pivotButton="0" quotePrefix="0"/>'
            : `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" xfId="0" pivotButton="0" quotePrefix="0"/>`,
        )
        .join('');
      return (
        `<styleSheet xmlns="${MAIN}">` +
        (formats.size ? `<numFmts count="${formats.size}">${fmts}</numFmts>` : '') +
        '<fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts>' +
        '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${xfs.length}">${cellXfs}</cellXfs>` +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>' +
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>' +
        '</styleSheet>'
      );
    },
  };
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((r) => r.text).join('');
}

function commentsXml(notes: { ref: string; text: string }[]): string {
  const list = notes
    .map(
      (n) => `<comment ref="${n.ref}" authorId="0" shapeId="0"><text>${t(n.text)}</text></comment>`,
    )
    .join('');
  return `<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList>${list}</commentList></comments>`;
}

function vmlXml(notes: { row: number; column: number }[]): string {
  const shapes = notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${n.row - 1}</x:Row><x:Column>${n.column - 1}</x:Column></x:ClientData></v:shape>`,
    )
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

/** The workbook's cells, notes, number formats, frozen rows and hidden states, as openpyxl saves them. */
export async function openpyxlStyleXlsx(source: ExcelJS.Workbook): Promise<Buffer> {
  const zip = new JSZip();
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sst = (s: string) => {
    let i = sharedIndex.get(s);
    if (i === undefined) {
      sharedIndex.set(s, (i = shared.length));
      shared.push(s);
    }
    return i;
  };
  const style = styles();
  const overrides: string[] = [];
  const sheetsXml: string[] = [];
  const workbookRels: string[] = [];
  let commentsCount = 0;

  source.worksheets.forEach((ws, i) => {
    const n = i + 1;
    const inline = ws.state === 'veryHidden';
    const notes: { ref: string; row: number; column: number; text: string }[] = [];
    const rows: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const ref = `${columnLetters(c)}${r}`;
        if (cell.note) notes.push({ ref, row: r, column: c, text: noteText(cell.note) });
        const s = style.index(cell.numFmt);
        const sAttr = s ? ` s="${s}"` : '';
        let value: unknown = cell.value;
        if (value && typeof value === 'object' && 'richText' in value) {
          value = (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('');
        }
        if (value === null || value === undefined) {
          if (s) cells.push(`<c r="${ref}"${sAttr}/>`);
        } else if (typeof value === 'string') {
          cells.push(
            inline
              ? `<c r="${ref}"${sAttr} t="inlineStr"><is>${t(value)}</is></c>`
              : `<c r="${ref}"${sAttr} t="s"><v>${sst(value)}</v></c>`,
          );
        } else if (typeof value === 'boolean') {
          cells.push(`<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`);
        } else if (typeof value === 'number') {
          cells.push(`<c r="${ref}"${sAttr} t="n"><v>${value}</v></c>`);
        } else if (value instanceof Date) {
          cells.push(`<c r="${ref}"${sAttr} t="n"><v>${serial(value)}</v></c>`);
        } else {
          throw new Error(`openpyxlStyleXlsx: ${ws.name}!${ref} holds ${JSON.stringify(value)}`);
        }
      });
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    });
    const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as
      { ySplit?: number } | undefined;
    const view = frozen?.ySplit
      ? `<sheetView workbookViewId="0"><pane ySplit="${frozen.ySplit}" topLeftCell="A${frozen.ySplit + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView>`
      : '<sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>';
    const legacy = notes.length ? '<legacyDrawing r:id="anysvml"/>' : '';
    zip.file(
      `xl/worksheets/sheet${n}.xml`,
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr>` +
        `<dimension ref="A1:${columnLetters(Math.max(1, ws.columnCount))}${Math.max(1, ws.rowCount)}"/>` +
        `<sheetViews>${view}</sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>` +
        (rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>') +
        `<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>${legacy}</worksheet>`,
    );
    overrides.push(`/xl/worksheets/sheet${n}.xml|${CT}.spreadsheetml.worksheet+xml`);
    if (notes.length) {
      const k = ++commentsCount;
      zip.file(`xl/comments/comment${k}.xml`, commentsXml(notes));
      zip.file(`xl/drawings/commentsDrawing${k}.vml`, vmlXml(notes));
      overrides.push(`/xl/comments/comment${k}.xml|${CT}.spreadsheetml.comments+xml`);
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/comments" Target="/xl/comments/comment${k}.xml" Id="comments"/>` +
          `<Relationship Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing${k}.vml" Id="anysvml"/></Relationships>`,
      );
    }
    const state = ws.state === 'visible' ? 'visible' : ws.state;
    sheetsXml.push(
      `<sheet xmlns:r="${REL}" name="${esc(ws.name)}" sheetId="${n}" state="${state}" r:id="rId${n}"/>`,
    );
    workbookRels.push(
      `<Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet${n}.xml" Id="rId${n}"/>`,
    );
  });

  const next = source.worksheets.length + 1;
  workbookRels.push(
    `<Relationship Type="${REL}/styles" Target="styles.xml" Id="rId${next}"/>`,
    `<Relationship Type="${REL}/sharedStrings" Target="sharedStrings.xml" Id="rId${next + 1}"/>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>` +
      `<sheets>${sheetsXml.join('')}</sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG_REL}">${workbookRels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<sst xmlns="${MAIN}" uniqueCount="${shared.length}">${shared.map((s) => `<si>${t(s)}</si>`).join('')}</sst>`,
  );
  zip.file('xl/styles.xml', style.xml());
  zip.file(
    'docProps/app.xml',
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>',
  );
  zip.file(
    'docProps/core.xml',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-05T00:00:00Z</dcterms:created></cp:coreProperties>',
  );
  zip.file(
    '_rels/.rels',
    `<Relationships xmlns="${PKG_REL}"><Relationship Type="${REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/>` +
      `<Relationship Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/>` +
      `<Relationship Type="${REL}/extended-properties" Target="docProps/app.xml" Id="rId3"/></Relationships>`,
  );
  overrides.push(
    `/xl/workbook.xml|${CT}.spreadsheetml.sheet.main+xml`,
    `/xl/styles.xml|${CT}.spreadsheetml.styles+xml`,
    `/xl/sharedStrings.xml|${CT}.spreadsheetml.sharedStrings+xml`,
    `/docProps/core.xml|application/vnd.openxmlformats-package.core-properties+xml`,
    `/docProps/app.xml|${CT}.extended-properties+xml`,
  );
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` +
      overrides
        .map((o) => {
          const [part, type] = o.split('|');
          return `<Override PartName="${part}" ContentType="${type}"/>`;
        })
        .join('') +
      '</Types>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
