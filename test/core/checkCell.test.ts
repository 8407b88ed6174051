import { describe, expect, it } from 'vitest';
import {
  checkCellLines,
  checkCellOf,
  checkCellText,
  checkSummaryLine,
  hasCheckError,
  withCheckLine,
} from '../../src/core/checkCell';

describe('チェック結果 cell', () => {
  it('is OK when nothing was found', () => {
    expect(checkCellText([], [])).toBe('OK');
  });

  it('starts with a count that is neither an エラー: nor a 注意: line, errors first', () => {
    const text = checkCellText(['エラー: a', 'エラー: b'], ['注意: c']);
    expect(text).toBe('エラー2件・注意1件\nエラー: a\nエラー: b\n注意: c');
    expect(text.split('\n')[0]).not.toMatch(/^(エラー|注意):/);
    expect(checkSummaryLine(0, 3)).toBe('注意3件');
    expect(checkSummaryLine(1, 0)).toBe('エラー1件');
  });

  it('reads back the messages without the count, and rebuilds any order', () => {
    expect(checkCellLines('エラー1件・注意1件\nエラー: a\n注意: c')).toEqual([
      'エラー: a',
      '注意: c',
    ]);
    expect(checkCellLines('OK')).toEqual([]);
    expect(checkCellOf(['注意: c', 'エラー: a'])).toBe('エラー1件・注意1件\nエラー: a\n注意: c');
    expect(withCheckLine('注意1件\n注意: c', 'エラー: a')).toBe(
      'エラー1件・注意1件\nエラー: a\n注意: c',
    );
  });

  it('knows an error from the lines, not from the count', () => {
    expect(hasCheckError('エラー1件\nエラー: a')).toBe(true);
    expect(hasCheckError('注意1件\n注意: c')).toBe(false);
    expect(hasCheckError('OK')).toBe(false);
  });
});
