import { readWorkbookFile } from './runner/workbookFile';
const a = (await readWorkbookFile(process.argv[2]!))!;
const s = a.sheets.find((x) => x.name === '操作ログ')!;
for (const r of s.values.slice(0, 4).concat(s.values.slice(-25))) console.log(JSON.stringify(r));
