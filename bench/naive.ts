// The comparison: the obvious per-cell approach typical Apps Script booking scripts take, for the
// check and the 10-minute tick, as a plain Apps Script file run in the same emulator on the same
// workbook. It is deliberately not a straw man: columns are found by header once, the roster is
// read in one getValues (a per-cell roster scan would be far slower still), and cells are written
// only when their value changes. What makes it "naive" is the loop over rows with one
// getRange().getValue() per cell read and one setValue() per cell written.
//
// It implements a subset of the rules (required fields, roster, 求職番号 format, business day as
// Mon–Fri, slot, https URL; the tick's no-shows, overdue flags and no-show counts), so its CPU
// and call counts are a lower bound of what a per-cell script doing all of our checks would use.

export const NAIVE_FILENAME = 'naive.js';

export const NAIVE_CODE = String.raw`
var SLOTS = ['10:00', '11:00', '14:00', '15:00'];

function naiveColumns(sheet) {
  var headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  var col = {};
  for (var i = 0; i < headers.length; i++) col[String(headers[i])] = i + 1;
  return col;
}

function naiveTokyoDay(d) {
  if (!(d instanceof Date)) return '';
  var t = new Date(d.getTime() + 9 * 3600000);
  return t.getUTCFullYear() + '-' + ('0' + (t.getUTCMonth() + 1)).slice(-2) + '-' + ('0' + t.getUTCDate()).slice(-2);
}

function naiveTime(v) {
  if (v instanceof Date) {
    var t = new Date(v.getTime() + 9 * 3600000);
    return ('0' + t.getUTCHours()).slice(-2) + ':' + ('0' + t.getUTCMinutes()).slice(-2);
  }
  return String(v).trim();
}

function naiveCheckAll() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('予約');
  var col = naiveColumns(sheet);
  var rosterValues = ss.getSheetByName('対象者').getDataRange().getValues();
  var roster = {};
  for (var r = 1; r < rosterValues.length; r++) roster[String(rosterValues[r][0])] = rosterValues[r];
  var today = naiveTokyoDay(new Date());
  var last = sheet.getLastRow();
  for (var row = 2; row <= last; row++) {
    var name = sheet.getRange(row, col['氏名']).getValue();
    var no = String(sheet.getRange(row, col['求職番号']).getValue()).trim();
    var email = String(sheet.getRange(row, col['メールアドレス']).getValue()).trim();
    var date = sheet.getRange(row, col['相談日']).getValue();
    var start = naiveTime(sheet.getRange(row, col['開始時刻']).getValue());
    var office = sheet.getRange(row, col['窓口']).getValue();
    var url = String(sheet.getRange(row, col['会議URL']).getValue());
    var status = sheet.getRange(row, col['状態']).getValue() || '受付';
    var errors = [];
    if (!name || !no || !email || !date || !office) errors.push('エラー: 必須項目が空です');
    if (!/^\d{5}-\d{1,8}$/.test(no)) errors.push('エラー: 求職番号の形式が違います');
    else if (!roster[no]) errors.push('エラー: 対象者にいません');
    if (date instanceof Date) {
      var wd = new Date(date.getTime() + 9 * 3600000).getUTCDay();
      if (wd === 0 || wd === 6) errors.push('エラー: 土日です');
      if (status === '受付' && naiveTokyoDay(date) <= today) errors.push('エラー: 相談日が過ぎています');
    }
    if (SLOTS.indexOf(start) < 0) errors.push('エラー: 開始時刻が枠にありません');
    if (!/^https:\/\//.test(url)) errors.push('エラー: 会議URLがありません');
    var text = errors.length ? errors.join('\n') : 'OK';
    var month = naiveTokyoDay(date).slice(0, 7);
    var resultCell = sheet.getRange(row, col['チェック結果']);
    if (resultCell.getValue() !== text) resultCell.setValue(text);
    var monthCell = sheet.getRange(row, col['相談月']);
    if (String(monthCell.getValue()) !== month) monthCell.setValue(month);
  }
}

function naiveTick() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('予約');
  var col = naiveColumns(sheet);
  var now = new Date();
  var today = naiveTokyoDay(now);
  var last = sheet.getLastRow();
  var noShows = {};
  for (var row = 2; row <= last; row++) {
    var status = sheet.getRange(row, col['状態']).getValue();
    var no = String(sheet.getRange(row, col['求職番号']).getValue()).trim();
    if (status === '無断キャンセル') noShows[no] = (noShows[no] || 0) + 1;
    if (status === '確定') {
      var date = sheet.getRange(row, col['相談日']).getValue();
      if (naiveTokyoDay(date) !== today) continue;
      var start = naiveTime(sheet.getRange(row, col['開始時刻']).getValue()).split(':');
      var startMs = date.getTime() + (Number(start[0]) * 60 + Number(start[1])) * 60000;
      var joined = sheet.getRange(row, col['参加']).getValue() === true;
      if (!joined && now.getTime() >= startMs + 10 * 60000) {
        sheet.getRange(row, col['状態']).setValue('無断キャンセル');
        noShows[no] = (noShows[no] || 0) + 1;
      } else if (joined && now.getTime() >= startMs + 30 * 60000) {
        sheet.getRange(row, col['状態']).setValue('実施');
      }
    } else if (status === '受付' || status === '') {
      var invited = sheet.getRange(row, col['招待メール送信日時']).getValue();
      var taken = sheet.getRange(row, col['受付日時']).getValue();
      if (invited === '' && taken instanceof Date && now.getTime() - taken.getTime() > 86400000) {
        var cell = sheet.getRange(row, col['チェック結果']);
        var flagged = String(cell.getValue());
        if (flagged.indexOf('送信漏れ') < 0) cell.setValue(flagged + '\n注意: 招待メールの送信漏れ');
      }
    }
  }
  var roster = ss.getSheetByName('対象者');
  var rcol = naiveColumns(roster);
  var rlast = roster.getLastRow();
  for (var r = 2; r <= rlast; r++) {
    var seeker = String(roster.getRange(r, rcol['求職番号']).getValue()).trim();
    var countCell = roster.getRange(r, rcol['無断キャンセル回数']);
    var count = noShows[seeker] || 0;
    if (Number(countCell.getValue() || 0) !== count) countCell.setValue(count);
  }
}
`;
