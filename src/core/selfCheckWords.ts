// What 自己診断 asks and tells the person about the sample invitation (the health report's own
// words are in core/selfCheck).
import { SAMPLE_SUBJECT_PREFIX } from './selfCheck';

export const SAMPLE_LOG_DETAIL = '見本の招待メールを自分あてに送信しました';

export function sampleQuestion(address: string): string {
  return (
    `見本の招待メールを、あなたのアドレス（${address}）に1通送りますか？\n` +
    'いまの設定（件名・本文・電話番号・差出人名・返信先）で、見本の氏名・日時・会議URLを使って作ります。予約シートは変わりません（操作ログに1行記録します）。'
  );
}

export const SAMPLE_START_UNREADABLE =
  '設定「開始時刻」が読み取れないため、見本を作れません。設定を直してください。';

export function sampleCannotBeMade(problems: readonly string[]): string {
  return [
    'いまの設定では招待メールを作れません。次を直してください（本番の招待メールも送れません）。',
    '',
    ...problems,
  ].join('\n');
}

export const SAMPLE_NOT_SENT =
  '見本の招待メールを送れませんでした（今日の送信上限に達したか、メールサービスが受け付けませんでした）。時間をおいてもう一度お試しください。';

export function sampleSent(address: string): string {
  return `見本の招待メールを ${address} に送りました。件名は「${SAMPLE_SUBJECT_PREFIX}」で始まります。届いた文面・差出人名・返信先・添付の予定（.ics）を確かめてください。`;
}
