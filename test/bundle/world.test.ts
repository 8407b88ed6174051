// The matrix runs the bundle tests once per emulator world (vitest.config.ts). This file proves,
// in each project, that the world named by the project is the one the emulator actually gives:
// a matrix that silently ran one world three times would fail here.
import { describe, expect, inject, it } from 'vitest';
import { WORLDS, type Variants } from '../../emulator/variants';
import { createEmulator, WORLD } from '../world';

declare module 'vitest' {
  export interface ProvidedContext {
    world: string;
  }
}

/** A tiny script that asks each undocumented question once and returns Google's answers. */
const PROBE = `
function probe() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  var out = {};
  try { out.emptyRead = JSON.stringify(sheet.getSheetValues(1, 1, -1, -1)); }
  catch (e) { out.emptyRead = 'threw'; }
  sheet.getRange('B2:B4').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  out.checkbox = JSON.stringify(sheet.getRange('B2:B4').getValues());
  sheet.getRange('C2').setNumberFormat('yyyy/MM/dd').setBackground('#ff0000');
  sheet.insertRowsAfter(2, 1);
  out.inserted = sheet.getRange('C3').getNumberFormat() + ' ' + sheet.getRange('C3').getBackground();
  sheet.getRange('D1').setValue('2026-12');
  var typed = sheet.getRange('D1').getValue();
  out.typed = Object.prototype.toString.call(typed) === '[object Date]' ? 'date' : 'text';
  return out;
}
`;

function observed(): Record<string, string> {
  const emu = createEmulator({
    now: '2026-12-01T09:00:00+09:00',
    bundle: { code: PROBE, filename: 'probe.js' },
  });
  return emu.runOk('probe') as Record<string, string>;
}

function expected(v: Variants): Record<string, string> {
  return {
    emptyRead: { throws: 'threw', empty: '[]', blankCell: '[[""]]' }[v.emptyRead],
    checkbox: v.checkboxFill === 'false' ? '[[false],[false],[false]]' : '[[""],[""],[""]]',
    inserted: v.insertRowsCopy === 'formats' ? 'yyyy/MM/dd #ff0000' : '0.############### #ffffff',
    typed: v.typedDates === 'dates' ? 'date' : 'text',
  };
}

describe('the emulator world of this test project', () => {
  const world = inject('world');

  it(`is the world the project names (${world ?? 'none'}), read from EMU_VARIANTS`, () => {
    expect(world, 'each world project provides its name').toBeTypeOf('string');
    expect(WORLD.name).toBe(world);
    expect(WORLD.variants).toEqual(WORLDS[world]);
  });

  it('gives the answers of that world to a script', () => {
    const variants = WORLDS[world];
    expect(variants).toBeDefined();
    expect(observed()).toEqual(expected(variants!));
  });
});
