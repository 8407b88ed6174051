// Row and column insertion as Sheets does it: the new lines take the formats and data validation
// of the line before them (or after, when inserted at the very top/left), never values or notes.
import type { Dimension } from './geometry';
import type { Layer } from './layer';
import type { SheetModel } from './model';

function inheritedLayers(sheet: SheetModel): Layer<unknown>[] {
  return [sheet.numberFormats, sheet.validations, ...Object.values(sheet.styles)];
}

/**
 * Inserts `count` rows or columns before line `at` (1-based) and, unless `copyFormats` is false
 * (the script's insertRows* in the `insertRowsCopy: 'none'` world), copies formats into them.
 */
export function insertLines(
  sheet: SheetModel,
  dim: Dimension,
  at: number,
  count: number,
  copyFormats = true,
): void {
  sheet.insertLines(dim, at, count);
  if (!copyFormats) return;
  // After the insert the new lines are at..at+count-1; the source is the line before, else after.
  const source = at > 1 ? at - 1 : at + count;
  const extent = dim === 'ROWS' ? sheet.maxColumns : sheet.maxRows;
  for (const layer of inheritedLayers(sheet)) {
    for (let k = 0; k < extent; k++) {
      const v = dim === 'ROWS' ? layer.get(source - 1, k) : layer.get(k, source - 1);
      if (v === undefined) continue;
      for (let n = at; n < at + count; n++) {
        if (dim === 'ROWS') layer.set(n - 1, k, v);
        else layer.set(k, n - 1, v);
      }
    }
  }
}
