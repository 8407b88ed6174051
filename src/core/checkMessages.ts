// The Japanese wording of the check (SPEC §4). Every message names the field in 「」 and says how
// to fix it. Messages never repeat another person's data: other bookings are named by 予約ID (or
// row number), never by name, address or 求職番号. What staff typed is shown only through
// quote(), which keeps it on one short line.

import { bookingIdNumber } from './bookingId';
import type { ClosedReason } from './calendar';
import { DURING_CONSULTATION } from './consultationBooking';
import { deadlineDaysWords } from './deadlines';
import type { Failure } from './normalize';
import { quote } from './quote';
import { BOOKING, ERROR_PREFIX, SHEET, STATUSES, WARNING_PREFIX } from './schema';
import {
  formatDay,
  formatDayWithYear,
  formatInstant,
  formatTime,
  type LocalDate,
  type TimeOfDay,
} from './time';

export const SEEKER_NO_EXAMPLE = '33010-12345678';

export function error(text: string): string {
  return `${ERROR_PREFIX} ${text}`;
}

export function warning(text: string): string {
  return `${WARNING_PREFIX} ${text}`;
}

function field(name: string): string {
  return `「${name}」`;
}

/** 「…」 around what staff typed, safe for a one-line message. */
function shown(input: string): string {
  return quote(input);
}

/** The same, without the brackets, for text that sits inside other brackets. */
function inline(input: string): string {
  return quote(input).slice(1, -1);
}

// ---------------------------------------------------------------------------------------------
// Missing and unreadable values

const MISSING_HINT: Record<string, string> = {
  [BOOKING.name]: 'ご本人の氏名を入力してください。',
  [BOOKING.seekerNo]: `ご本人の求職番号（例: ${SEEKER_NO_EXAMPLE}）を入力してください。`,
  [BOOKING.email]: '招待メールを送るメールアドレスを1つ入力してください。',
  [BOOKING.date]: '相談日を 2026/12/1 のように入力してください。',
  [BOOKING.start]: '開始時刻を一覧から選んでください。',
  [BOOKING.office]: '窓口を一覧から選んでください。',
  [BOOKING.meetingUrl]: 'TeleOfficeで作成した会議の招待URL（https://…）を貼り付けてください。',
};

export function missing(header: string): string {
  return error(`${field(header)}が空です。${MISSING_HINT[header] ?? '入力してください。'}`);
}

export function seekerNoProblem(failure: Failure): string {
  const f = field(BOOKING.seekerNo);
  switch (failure.kind) {
    case 'missing':
      return missing(BOOKING.seekerNo);
    case 'dateInTextCell':
      return error(
        `${f}が日付として読み込まれています。セルの表示形式を「書式なしテキスト」にしてから、求職番号を入力し直してください。`,
      );
    case 'seekerNoHyphen':
      return error(
        `${f}にハイフンがありません（例: ${SEEKER_NO_EXAMPLE}）。先頭の5桁の後にハイフン「-」を入れてください。`,
      );
    default:
      return error(
        `${f}の形が正しくありません（例: ${SEEKER_NO_EXAMPLE}）。ハイフンの前は5桁、後は1～8桁の数字で入力してください。`,
      );
  }
}

export function dateProblem(failure: Failure, header: string = BOOKING.date): string {
  return failure.kind === 'missing' ? missing(header) : error(dateProblemText(failure, header));
}

/** A date that cannot be read, without the エラー: prefix (the roster and 休業日 use it too). */
export function dateProblemText(failure: Failure, header: string): string {
  const f = field(header);
  switch (failure.kind) {
    case 'missing':
      return `${f}が空です。2026/12/1 のように入力してください。`;
    case 'noSuchDay':
      return `${f}の${shown(failure.input)}はカレンダーにない日付です。月と日を確かめて、2026/12/1 のように入力してください。`;
    case 'weekdayMismatch':
      return `${f}の${shown(failure.input)}は日付と曜日が合いません（${formatDayWithYear(failure.day)}です）。日付と曜日を確かめてください。`;
    case 'noYear':
      return `${f}に年がありません。2026/12/1 のように年から入力してください。`;
    default: {
      const input = 'input' in failure && failure.input !== '' ? shown(failure.input) : '';
      return `${f}${input === '' ? '' : `の${input}`}を日付として読めません。2026/12/1 や 令和8年12月1日 のように入力してください。`;
    }
  }
}

export function timeProblem(failure: Failure): string {
  const f = field(BOOKING.start);
  switch (failure.kind) {
    case 'missing':
      return missing(BOOKING.start);
    case 'ambiguousNoon':
      return error(
        `${f}の${shown(failure.input)}は昼の12時とも夜の12時とも読めます。一覧から選ぶか、14:00 のように24時間表記で入力してください。`,
      );
    case 'noSuchTime':
      return error(`${f}の${shown(failure.input)}はありえない時刻です。一覧から選んでください。`);
    default: {
      const input = 'input' in failure && failure.input !== '' ? shown(failure.input) : '';
      return error(
        `${f}${input === '' ? '' : `の${input}`}を時刻として読めません。一覧から選ぶか、10:00 のように入力してください。`,
      );
    }
  }
}

export function emailProblem(failure: Failure): string {
  const f = field(BOOKING.email);
  const fix = 'ご本人に確かめて、1つのアドレスだけを入力してください。';
  switch (failure.kind) {
    case 'missing':
      return missing(BOOKING.email);
    case 'emailLineBreak':
      return error(`${f}に改行が入っています。改行を消して、1つのアドレスだけにしてください。`);
    case 'emailSeveral':
      return error(`${f}にカンマなどの区切りがあり、複数のアドレスに見えます。${fix}`);
    case 'emailSpace':
      return error(
        `${f}に空白が入っています。空白を消してください（名前などは書かずにアドレスだけ）。`,
      );
    case 'emailNoAt':
      return error(`${f}に「@」がありません。${fix}`);
    case 'emailNonAscii':
      return error(`${f}に半角英数字・記号以外の文字があります。${fix}`);
    case 'emailTooLong':
      return error(`${f}が長すぎます。${fix}`);
    case 'emailLocalPart':
      return error(
        `${f}の「@」より前の形が正しくありません（「.」の連続や先頭・末尾の「.」は送信できません）。別のアドレスがないかご本人に確かめてください。`,
      );
    case 'emailDomain':
      return error(`${f}の「@」より後（ドメイン）が正しくありません。${fix}`);
    default:
      return error(`${f}が正しい形ではありません。${fix}`);
  }
}

export function urlProblem(failure: Failure): string {
  const f = field(BOOKING.meetingUrl);
  switch (failure.kind) {
    case 'missing':
      return missing(BOOKING.meetingUrl);
    case 'urlSeveral':
      return error(
        `${f}に空白や複数のURLが入っています。この会議の招待URLを1つだけ貼り付けてください。`,
      );
    case 'urlNotHttps':
      return error(
        `${f}が「https://」で始まっていません。TeleOfficeの招待URL（https://…）を貼り付け直してください。`,
      );
    default:
      return error(
        `${f}がURLの形ではありません。TeleOfficeの招待URL（https://…）を貼り付け直してください。`,
      );
  }
}

export function unknownStatus(input: string): string {
  return error(
    `${field(BOOKING.status)}の${shown(input)}は使えない言葉です。${STATUSES.join('・')}のいずれかを一覧から選んでください。`,
  );
}

// ---------------------------------------------------------------------------------------------
// Rules

export function notASlot(start: TimeOfDay, slotLabels: readonly string[]): string {
  return error(
    `${field(BOOKING.start)}の${formatTime(start)}は予約枠ではありません。${slotLabels.join('、')}のいずれかにしてください。`,
  );
}

export function unknownOffice(office: string, offices: readonly string[]): string {
  const choices = offices.map((o) => `「${o}」`).join('か');
  return error(
    `${field(BOOKING.office)}の${shown(office)}は設定にない窓口です。${choices}を一覧から選んでください。`,
  );
}

export function closedDay(day: LocalDate, reason: ClosedReason, today: LocalDate): string {
  const f = `${field(BOOKING.date)}の${showDay(day, today)}は`;
  const fix = '別の平日にしてください。';
  switch (reason.kind) {
    case '土日':
      return error(
        `${f}${reason.weekday}曜日で、相談を行っていません。平日（月～金）の日付にしてください。`,
      );
    case '祝日':
      return error(`${f}祝日（${reason.name}）で、相談を行っていません。${fix}`);
    case '年末年始':
      return error(`${f}年末年始（12月29日～1月3日）の休みです。${fix}`);
    case '休業日': {
      const where = reason.office === null ? '' : `${reason.office}の`;
      const why = reason.reason === '' ? '' : `（${inline(reason.reason)}）`;
      return error(`${f}${where}休業日${why}です（休業日シート）。${fix}`);
    }
  }
}

export function notAfterToday(
  day: LocalDate,
  today: LocalDate,
  deadlineDays: number,
  earliest: LocalDate,
): string {
  const f = field(BOOKING.date);
  if (day === today) {
    const from = deadlineDays <= 1 ? '明日' : showDay(earliest, today);
    return error(
      `${f}が今日です。予約は${deadlineDaysWords(deadlineDays)}までに招待メールで確定する決まりのため（規約第6条）、${from}以降の日にしてください。`,
    );
  }
  return error(
    `${f}（${showDay(day, today)}）が過ぎていますが、「状態」が受付のままです。日付を確かめるか、行われなかった予約なら「状態」をキャンセルにしてください。`,
  );
}

/** A 確定 booking whose day has passed without 実施 / 無断キャンセル: the 10-minute runs may have stopped. */
export function confirmedDayPassed(day: LocalDate, today: LocalDate): string {
  return warning(
    `${field(BOOKING.date)}（${showDay(day, today)}）が過ぎても「状態」が確定のままです。自動処理が止まっている可能性があります（参加のチェックから実施・無断キャンセルを自動で付けます）。メニュー「自己診断」で自動実行を確かめ、止まっていれば「初期設定」を実行してください。この予約の「状態」は、実施・無断キャンセル・キャンセルのいずれかに直してください。`,
  );
}

export function pastDeadline(
  day: LocalDate,
  today: LocalDate,
  deadlineDays: number,
  earliest: LocalDate,
): string {
  return error(
    `${field(BOOKING.date)}（${showDay(day, today)}）が近すぎます。予約は${deadlineDaysWords(deadlineDays)}までに招待メールで確定する決まりです（設定「予約締切」）。${showDay(earliest, today)}以降の日にしてください。`,
  );
}

/**
 * Not in 対象者: the roster is the 担当者's record of who receives 個別支援, so the fix is never
 * "add them"; first the number, then the 担当者, then what to say to someone not eligible.
 */
export function notInRoster(): string {
  return error(
    `${field(BOOKING.seekerNo)}が対象者シートにありません。オンライン相談は個別支援を受けている方だけが利用できます。` +
      'まず求職番号をご本人に確かめてください。合っていれば、個別支援を受けているかを担当者に確認してください（対象者シートへの追加は担当者が確認してからです）。' +
      '個別支援の対象でない方には「オンライン相談は個別支援を受けている方のためのものです。窓口でのご相談をご利用ください」とお伝えし、この行の「状態」をキャンセルにしてください。',
  );
}

export function suspended(rosterRow: number): string {
  return error(
    `${field(BOOKING.seekerNo)}の方は対象者シート（${rosterRow}行目）で「利用停止」になっています。予約を受ける前に担当者に確認してください。`,
  );
}

export function beforeSupport(day: LocalDate, start: LocalDate, rosterRow: number): string {
  return error(
    `${field(BOOKING.date)}（${formatDayWithYear(day)}）は支援開始日（${formatDayWithYear(start)}、対象者シート${rosterRow}行目）より前です。支援開始日以降の日にするか、対象者シートを確かめてください。`,
  );
}

export function afterSupport(day: LocalDate, end: LocalDate, rosterRow: number): string {
  return error(
    `${field(BOOKING.date)}（${formatDayWithYear(day)}）は支援終了日（${formatDayWithYear(end)}、対象者シート${rosterRow}行目）より後です。支援が続いているなら対象者シートの支援終了日を直してください。`,
  );
}

export function slotFull(
  day: LocalDate,
  start: TimeOfDay,
  office: string,
  capacity: number,
  holders: readonly string[],
  today: LocalDate,
): string {
  return error(
    `この枠（${showDay(day, today)} ${formatTime(start)}、${office}）は定員${capacity}件に達しています（${listRefs(holders)}）。${field(BOOKING.start)}か${field(BOOKING.date)}を空いている枠に変えてください。`,
  );
}

export function officerClash(others: readonly string[]): string {
  return error(
    `${field(BOOKING.officer)}が同じ時刻の別の予約（${listRefs(others)}）も担当しています。${field(BOOKING.officer)}か時刻を変えてください。`,
  );
}

export function seekerClash(others: readonly string[]): string {
  return error(
    `同じ${field(BOOKING.seekerNo)}の方の予約が同じ時刻にもあります（${listRefs(others)}）。二重に入力したものなら、片方の「状態」をキャンセルにしてください。`,
  );
}

/** The roster's 氏名 is shown: it is what staff compare with, and the fix is one of the two. */
export function nameDiffers(rosterRow: number, rosterName: string): string {
  return warning(
    `${field(BOOKING.name)}が対象者シート（${rosterRow}行目）の氏名${shown(rosterName)}と違います。ご本人に氏名と求職番号を確かめ、打ち間違いならどちらかを直してください。`,
  );
}

export function officeDiffers(rosterRow: number): string {
  return warning(
    `${field(BOOKING.office)}が対象者シート（${rosterRow}行目）の窓口と違います。どちらの窓口で相談するか確かめてください。`,
  );
}

export function manyNoShows(count: number, threshold: number): string {
  return warning(
    `${field(BOOKING.seekerNo)}の方は無断キャンセルが${count}回あります（目安${threshold}回）。規約第6条(5)により利用をお断りすることがあります。予約を受ける前に担当者に確認してください。`,
  );
}

export function otherUpcoming(
  others: readonly { ref: string; day: LocalDate; start: TimeOfDay }[],
  today: LocalDate,
  more: boolean,
): string {
  const list = others
    .map((o) => `${o.ref}：${showDay(o.day, today)} ${formatTime(o.start)}`)
    .join('、');
  return warning(
    `同じ${field(BOOKING.seekerNo)}の方には別の予約もあります（${list}${more ? ' ほか' : ''}）。重複して受けたものでなければ、このままで構いません。`,
  );
}

export function carrierDomain(domain: string): string {
  return warning(
    `${field(BOOKING.email)}は携帯電話会社のアドレス（${domain}）です。迷惑メール設定で招待メールが届かないことがあるため、パソコンからのメール（送信元のアドレス）を受け取れるよう、ご本人に受信設定をお願いしてください。`,
  );
}

/** A likely typo of a common domain: such an address never works, so it is an error. */
export function typoDomain(domain: string, suggestion: string): string {
  return error(
    `${field(BOOKING.email)}のドメイン「${inline(domain)}」は「${suggestion}」の打ち間違いと思われます（このままでは届かないため送信しません）。ご本人にアドレスを確かめて直してください。`,
  );
}

export function farFuture(day: LocalDate): string {
  return warning(
    `${field(BOOKING.date)}が1年以上先（${formatDayWithYear(day)}）です。年の入力を確かめてください。`,
  );
}

/** A cell holding a spreadsheet error value (#REF! …) instead of what staff meant to type. */
export function sheetErrorValue(header: string, shown: string): string {
  return error(
    `「${header}」が ${shown} になっています（数式のエラーです）。` +
      `「${header}」を数式ではなく文字で入力し直してください。`,
  );
}

/** The mail service refused the invitation (送信失敗 in 招待メール送信日時): it did not go. */
export function sendFailed(reason: string, at: Date | null): string {
  const what = [reason, at === null ? '' : formatInstant(at)].filter((t) => t !== '').join('、');
  return error(
    `招待メールを送れませんでした${what === '' ? '' : `（${what}）`}。メールは送られていません。` +
      '「メールアドレス」など原因の欄を直すと、次のチェックで「招待メール送信日時」の「送信失敗」が消え、送信できるようになります。',
  );
}

/** A 設定 value without which no invitation of `office` can go (issue 16 §3). */
export function blockingSetting(key: string, office: string): string {
  return error(
    `設定「${key}」が空か、使えない値です。このままでは${office}の招待メールを送れません。` +
      `「${SHEET.settings}」シートの「${key}」に入力してください（予約の行を直す必要はありません）。`,
  );
}

/** Another 設定 problem the invitation renderer refuses (a template, 相談時間 …). */
export function settingBlocksMail(problem: string, office: string): string {
  return error(
    `設定の問題で${office}の招待メールを送れません: ${problem}` +
      `「${SHEET.settings}」シートを直してください（予約の行を直す必要はありません）。`,
  );
}

export function internalFailure(): string {
  return error(
    'この行のチェック中に予期しない問題が起きました。入力を確かめ、直らなければ管理者に連絡してください。',
  );
}

// ---------------------------------------------------------------------------------------------

/** 12月1日(火), with the year when it is not this year's. */
function showDay(day: LocalDate, today: LocalDate): string {
  return day.slice(0, 4) === today.slice(0, 4) ? formatDay(day) : formatDayWithYear(day);
}

const MAX_REFS = 3;

function listRefs(refs: readonly string[]): string {
  const head = refs.slice(0, MAX_REFS).join('、');
  return refs.length > MAX_REFS ? `${head} ほか${refs.length - MAX_REFS}件` : head;
}

/**
 * How a message names another booking: by 予約ID, or by row until the ID is assigned — and for
 * an id that is not the script's own form (it may be a 求職番号 or an address typed there).
 */
export function bookingRef(id: string, rowNumber: number): string {
  return bookingIdNumber(id) !== null ? `予約ID ${inline(id)}` : `${rowNumber}行目`;
}

/** Not repeated: what was typed in 予約ID may be personal data (a 求職番号, an address). */
export function foreignBookingId(): string {
  return error(
    `${field(BOOKING.id)}がこのスクリプトの付ける形（Y と6桁の数字、例: Y000123）ではありません。` +
      `${field(BOOKING.id)}のセルを空にしてください。次のチェックで新しい予約IDが付きます（他の列の内容はそのままです）。`,
  );
}

/** The same 予約ID on several rows (a copied row): neither can be sent until one is cleared. */
export function duplicatedBookingId(otherRows: readonly number[]): string {
  return error(
    `${field(BOOKING.id)}が ${otherRows.map((r) => `${r}行目`).join('・')} と同じです（行をコピーした場合など）。` +
      `このままではどちらにも招待メールを送りません。コピーして作った行の${field(BOOKING.id)}を空にして、もう一度チェックしてください（次のチェックで新しい予約IDが付きます）。`,
  );
}

/** 第6条(4): 確定 during the consultation, its invitation (the meeting URL) still to be sent. */
export function confirmedDuringConsultation(): string {
  return warning(
    `${field(BOOKING.channel)}が「${DURING_CONSULTATION}」の、相談中に確定した予約です。招待メール（会議URL）はまだ送っていません。` +
      `受付の予約と同じように送信されます（${field(BOOKING.status)}は「確定」のまま、${field(BOOKING.invitedAt)}に送信日時が入ります）。`,
  );
}
