// The local runner: the built bundle (dist/Code.js) running in the emulator over a real .xlsx.
//   npx tsx runner/cli.ts                      the demo on synthetic data (out/demo.xlsx and
//                                              its mails in out/demo.xlsx.outbox/)
//   npx tsx runner/cli.ts --profile <name>     the same week for another office (runner/profiles/)
//   npx tsx runner/cli.ts <command> --workbook <file.xlsx> [--outbox <dir>] [--at <ISO time>]
// Commands: setup, check, send, tick, report, archive. Each opens the workbook, runs the same
// menu item or trigger staff and Apps Script would, prints the dialogs and what the run did
// (its 操作ログ rows and mails), and writes everything back. Only setup may create the workbook.
import { parseArgs } from 'node:util';
import { MENU_ITEMS, TRIGGER_HANDLERS } from '../src/core/schema';
import { runDemo } from './demo';
import { PROFILES, profileByName } from './profiles/index';
import { checkWorkbookPath } from './paths';
import { describeActivity } from './report';
import { openSession, outboxFor, type Activity, type Session } from './session';
import { parseIsoInstant } from './tokyoTime';

const caption = (handler: string) => {
  const item = MENU_ITEMS.find((m) => m.handler === handler);
  if (!item) throw new Error(`cli: no menu item for ${handler}`);
  return item.caption;
};

const COMMANDS: Record<string, { describe: string; run: (s: Session) => Activity }> = {
  setup: { describe: '初期設定', run: (s) => s.menu(caption('menuSetup')) },
  check: { describe: 'すべての予約をチェック', run: (s) => s.menu(caption('menuCheckAllRows')) },
  send: { describe: '招待メールを送信', run: (s) => s.menu(caption('menuSendInvitations')) },
  tick: {
    describe: '10分ごとの自動実行を1回',
    run: (s) => s.trigger(TRIGGER_HANDLERS.everyTenMinutes),
  },
  report: { describe: '月次集計を更新', run: (s) => s.menu(caption('menuUpdateMonthlyReport')) },
  archive: { describe: '過去の予約を保管', run: (s) => s.menu(caption('menuArchiveOldBookings')) },
};

function usage(): string {
  return [
    'usage: npx tsx runner/cli.ts                 (demo: out/demo.xlsx, out/demo.xlsx.outbox/)',
    `       npx tsx runner/cli.ts --profile <name>  (the demo for another office: ${Object.keys(PROFILES).join(', ')})`,
    '       npx tsx runner/cli.ts <command> --workbook <file.xlsx> [--outbox <dir>] [--at 2026-12-01T10:15:00+09:00]',
    '       mails go to <file.xlsx>.outbox/ unless --outbox names another folder.',
    '       only setup creates a workbook that does not exist yet.',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.describe}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workbook: { type: 'string' },
      outbox: { type: 'string' },
      at: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(usage());
  const [name, ...extra] = positionals;
  if (name === undefined) {
    const profile = values.profile === undefined ? undefined : profileByName(values.profile);
    await runDemo({ outDir: values.out ?? 'out', ...(profile ? { profile } : {}) });
    return;
  }
  if (values.profile !== undefined)
    throw new Error(`--profile is for the demo only (no command)\n${usage()}`);
  const command = COMMANDS[name];
  if (!command || extra.length > 0)
    throw new Error(`unknown command: ${positionals.join(' ')}\n${usage()}`);
  if (!values.workbook) throw new Error(`--workbook <file.xlsx> is required\n${usage()}`);
  const workbook = values.workbook;
  const exists = await checkWorkbookPath(workbook, { mayCreate: name === 'setup' });
  const now = values.at ? parseIsoInstant(values.at) : new Date();
  const outbox = values.outbox ?? outboxFor(workbook);
  const session = await openSession({ workbook, outbox, now });
  console.log(`${command.describe}: ${workbook}${exists ? '' : '（新しいブックを作ります）'}`);
  const activity = command.run(session);
  const saved = await session.save();
  for (const line of describeActivity(activity, saved.mails)) console.log(line);
  console.log(
    `保存しました: ${saved.workbook}` +
      (saved.mails.length ? `、メール ${saved.mails.length} 通 → ${outbox}` : ''),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
