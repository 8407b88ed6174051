// The invitation e-mail as shipped. 初期設定 writes these into 設定 (メール件名 / メール本文) so the
// office can reword them without a code change. The wording follows the office's leaflet: joining
// steps ①–⑤, 留意事項 and 規約 (seed/000_83ff4a65331d281b.txt), because this mail is what the job
// seeker has in hand at the start of the consultation.

/**
 * Names usable as `{名前}` in メール件名 / メール本文; each is filled from the booking or 設定
 * (無断キャンセル判定 is 設定「無断キャンセル判定（分）」 as '10分', 受付終了時刻 is '17:15', 受付時間
 * is the 窓口's 設定「受付時間（窓口）」 in brackets, or nothing when it is blank), so the
 * text never says a number the settings do not.
 */
export const PLACEHOLDERS = [
  '氏名',
  '相談日',
  '開始時刻',
  '終了時刻',
  '窓口',
  '担当者',
  '電話番号',
  '会議URL',
  '規約版',
  '差出人名',
  '予約ID',
  '無断キャンセル判定',
  '受付終了時刻',
  '受付時間',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Without these the mail cannot confirm a booking (SPEC R5: the invitation carries date and URL). */
export const REQUIRED_BODY_PLACEHOLDERS: readonly Placeholder[] = ['相談日', '開始時刻', '会議URL'];

/** The office's signature every shipped mail ends with (the invitation, reminder, cancellation). */
export const SIGNATURE_LINES: readonly string[] = [
  '────────────────────',
  '{差出人名}',
  'オンライン職業相談 窓口：{窓口}',
  '電話：{電話番号}{受付時間}',
  '────────────────────',
];

export const DEFAULT_SUBJECT = '【{差出人名}】オンライン職業相談のご案内（{相談日} {開始時刻}～）';

export const DEFAULT_BODY = [
  '{氏名} 様',
  '',
  '{差出人名}です。',
  'オンライン職業相談のご予約について、ご案内いたします。',
  'このメールの送信をもって、ご予約が確定しました。',
  '',
  '■ご予約内容',
  '・相談日：{相談日}',
  '・時間：{開始時刻}～{終了時刻}',
  '・窓口：{窓口}（担当：{担当者}）',
  '・予約番号：{予約ID}',
  '・会議URL（会議への参加／アプリケーションのダウンロード）：',
  '{会議URL}',
  '',
  '■参加方法（TeleOffice）',
  '①相談時間になりましたら、このメールに記載の「会議への参加／アプリケーションのダウンロード」のURL（上記の会議URL）にアクセスしてください。',
  '②「参加」をクリックすると「TeleOffice」が起動します。',
  '　※ブラウザで会議に参加できますので、アプリのインストールは不要です。',
  '③「ログイン」をクリックし、メールアドレスを入力して「ログイン」をクリックしてください。',
  '④ハローワークが参加を承諾しましたら、「ビデオ会議」又は画面右側の「参加する」をクリックしてください。相談が始まります。',
  '　※予約時間（{開始時刻}）より前に参加することはできません。',
  '⑤相談が終わりましたら、「退出」をクリックしてください。',
  '',
  '■留意事項',
  '・キャンセルの場合は、{窓口}（電話 {電話番号}）までお電話でご連絡ください。',
  '・ご連絡がないまま予約時間を{無断キャンセル判定}経過した場合は、キャンセルとみなします。ご連絡のないキャンセルが重なった場合は、今後のご利用をお断りすることがあります。',
  '・オンライン職業相談の録画・録音は、その方法を問わず禁止です。',
  '・通信料（パケット代）など、ご利用にかかる費用はご本人のご負担となります。従量制の料金プランの場合は特にご注意ください。',
  '・秘密保持のため、個室又は周囲に他人がいない環境でご参加ください。通訳・介助者等の同席が必要な場合は、事前にお知らせください。',
  '・TeleOfficeの設定・操作方法のご案内は行っておりません。Webカメラで通信できるパソコン・タブレット等で参加できることを、事前にご確認ください。',
  '・各種トラブルに係る免責事項等は、「オンライン職業相談等利用規約」でご確認ください。',
  '',
  '■利用規約',
  '本サービスは「オンライン職業相談等利用規約」に基づいて実施します。予約のお申込みにより、規約に同意いただいたものとみなします。',
  '・適用する規約：{規約版}',
  '',
  'このメールにお心当たりのない場合は、お手数ですが下記までお電話でお知らせください。',
  '',
  ...SIGNATURE_LINES,
  '',
].join('\n');
