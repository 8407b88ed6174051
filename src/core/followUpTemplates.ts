// The mails after the invitation, as shipped (issue 15): the reminder on the last business day
// before the consultation and the note confirming a cancellation. 初期設定 writes these into 設定
// (リマインダー件名・本文, キャンセル通知件名・本文) so the office can reword them; they take the
// same {名前} placeholders as the invitation (core/invitationTemplate.ts).
import { SIGNATURE_LINES } from './invitationTemplate';

export const DEFAULT_REMINDER_SUBJECT =
  '【{差出人名}】オンライン職業相談のご予約が近づきました（{相談日} {開始時刻}～）';

export const DEFAULT_REMINDER_BODY = [
  '{氏名} 様',
  '',
  '{差出人名}です。',
  'ご予約のオンライン職業相談が近づきましたので、お知らせします。',
  '',
  '■ご予約内容',
  '・相談日：{相談日}',
  '・時間：{開始時刻}～{終了時刻}',
  '・窓口：{窓口}（担当：{担当者}）',
  '・予約番号：{予約ID}',
  '・会議URL（招待メールと同じです）：',
  '{会議URL}',
  '',
  '■ご都合が悪くなったとき',
  '・キャンセルの場合は、{窓口}（電話 {電話番号}{受付時間}）までお電話でご連絡ください。',
  '・ご連絡がないまま予約時間を{無断キャンセル判定}過ぎると、無断キャンセルとなります。',
  '',
  '参加方法は、先にお送りした招待メールをご覧ください。',
  '',
  ...SIGNATURE_LINES,
  '',
].join('\n');

export const DEFAULT_CANCEL_SUBJECT =
  '【{差出人名}】オンライン職業相談のキャンセルを承りました（{相談日} {開始時刻}～）';

export const DEFAULT_CANCEL_BODY = [
  '{氏名} 様',
  '',
  '{差出人名}です。',
  'お電話でご連絡いただいた、次のオンライン職業相談のキャンセルを承りました。',
  '',
  '■キャンセルしたご予約',
  '・相談日：{相談日}',
  '・時間：{開始時刻}～{終了時刻}',
  '・窓口：{窓口}',
  '・予約番号：{予約ID}',
  '',
  'お送りした会議URLは使えなくなります。',
  'あらためてご予約いただく場合や、このキャンセルにお心当たりのない場合は、{窓口}（電話 {電話番号}{受付時間}）までお電話ください。',
  '',
  ...SIGNATURE_LINES,
  '',
].join('\n');

/**
 * The 利用規約 第5条 device and network requirements (seed 000_83ff4a65331d281b.txt), printed
 * at the end of every mail when 設定「端末・通信環境の案内」 is はい. Worded as the terms are:
 * a change of the terms is a change of 規約版 and of this text together.
 */
export const DEVICE_REQUIREMENTS = [
  '■ご利用の端末・通信環境（利用規約 第5条）',
  '・ウイルス感染等のセキュリティ侵害が発生していない安全な端末をお使いください。',
  '・インターネットに接続された端末をお使いください。秘匿性や安全性が不明な無料のインターネット接続サービス等は使えません。',
  '・サポート期間中のOSに最新のセキュリティ対策パッチを適用してお使いください。',
  '・パーソナルファイアウォール（Windows ファイアウォール等）を有効にし、必要なサービスの許可だけを最小限に設定してください。',
  '・ファイル共有ソフト（Winny、Share 等）がインストールされていないこと。ご利用中は不要なソフトを起動しないでください。',
  '・ウイルス対策ソフト（有償版相当）をインストールし、パターンファイルを最新にしてください。',
];
