// The operations the bench measures, each as: prepare a fresh emulator (not measured), then run.
import type { Emulator, RunResult } from '../emulator/index';
import { TRIGGER_HANDLERS } from '../src/core/schema';

export interface Operation {
  key: string;
  label: string;
  /** Uncounted set-up on the fresh copy (menus, dialog answers, an earlier run). */
  prepare: (emu: Emulator) => void;
  run: (emu: Emulator) => RunResult;
}

const TICK = TRIGGER_HANDLERS.everyTenMinutes;

function menuReady(emu: Emulator): void {
  emu.open();
  // YES to the confirmations (招待メールを送信's count, 過去の予約を保管), OK to the reports.
  emu.ui.setDefault('accept');
}

export const OPERATIONS: readonly Operation[] = [
  {
    key: 'checkAll',
    label: 'すべての予約をチェック',
    prepare: menuReady,
    run: (emu) => emu.menu('すべての予約をチェック'),
  },
  {
    key: 'send',
    label: '招待メールを送信 (20)',
    prepare: menuReady,
    run: (emu) => emu.menu('招待メールを送信'),
  },
  {
    key: 'tick',
    label: '10分ごとの処理 (busy)',
    prepare: () => undefined,
    run: (emu) => emu.run(TICK, [], { kind: 'time' }),
  },
  {
    // The common case, 140-odd times a day: the tick right after another, nothing new to do.
    key: 'tickQuiet',
    label: '10分ごとの処理 (quiet)',
    prepare: (emu) => {
      const first = emu.run(TICK, [], { kind: 'time' });
      if (first.error) throw first.error;
      emu.advance({ minutes: 10 });
    },
    run: (emu) => emu.run(TICK, [], { kind: 'time' }),
  },
  {
    key: 'monthly',
    label: '月次集計を更新',
    prepare: menuReady,
    run: (emu) => emu.menu('月次集計を更新'),
  },
  {
    key: 'archive',
    label: '過去の予約を保管',
    prepare: menuReady,
    run: (emu) => emu.menu('過去の予約を保管'),
  },
  {
    key: 'freeSlots',
    label: '空き枠 (sidebarGetFreeSlots)',
    prepare: () => undefined,
    run: (emu) => emu.callServer('sidebarGetFreeSlots', { office: '', days: 10 }),
  },
];

export const NAIVE_OPERATIONS: readonly Operation[] = [
  {
    key: 'checkAll',
    label: 'per-cell check',
    prepare: () => undefined,
    run: (emu) => emu.run('naiveCheckAll', [], { kind: 'run' }),
  },
  {
    key: 'tick',
    label: 'per-cell tick',
    prepare: () => undefined,
    run: (emu) => emu.run('naiveTick', [], { kind: 'time' }),
  },
];
