// How a cell's value is displayed (getDisplayValue[s]): a modest version of Sheets' number-format
// patterns — dates and times (yyyy, M, d, H, h, m, s, ddd, AM/PM, quoted text), and numbers
// (0, #, thousands separator, %, fixed decimals). Japanese locale names (曜日, 午前/午後).
import { isDate } from '../recorder';
import type { CellValue } from '../snapshot';
import { wallClock, type WallClock } from './timezone';

/** What getNumberFormat returns for a cell nobody formatted (Sheets' "automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

const WEEKDAY_SHORT = ['日', '月', '火', '水', '木', '金', '土'];

export function displayValue(
  value: CellValue,
  format: string | undefined,
  timeZone: string,
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const pattern = format && format !== AUTOMATIC_FORMAT && format !== '@' ? format : undefined;
  if (isDate(value)) {
    const w = wallClock(value, timeZone);
    if (pattern && isDatePattern(pattern)) return formatDate(w, pattern);
    return formatDate(w, defaultDatePattern(w));
  }
  if (pattern && !isDatePattern(pattern)) return formatNumber(value, pattern);
  return automaticNumber(value);
}

/** Sheets' default display for a date cell with no explicit format. */
function defaultDatePattern(w: WallClock): string {
  if (w.year === 1899 && w.month === 12 && w.day === 30) return 'H:mm:ss';
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return 'yyyy/MM/dd';
  return 'yyyy/MM/dd H:mm:ss';
}

function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : n < 0 ? '-#NUM!' : '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  // Sheets shows about ten significant digits in the automatic format.
  const s = String(Number(n.toPrecision(10)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

export function isDatePattern(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yYdDhHsS]|AM\/PM|am\/pm/.test(bare) || /^[^0#]*[mM][^0#]*$/.test(bare);
}

type Token = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      tokens.push({ kind: 'lit', text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'lit', text: pattern[i + 1]! });
      i += 2;
    } else if (/^(AM\/PM|am\/pm)/.test(pattern.slice(i))) {
      tokens.push({ kind: 'field', text: 'AM/PM' });
      i += 5;
    } else if (/[yYmMdDhHsS]/.test(ch)) {
      let j = i;
      while (j < pattern.length && pattern[j]!.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'field', text: pattern.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `m` is minutes right after an hour field or right before a seconds field, else month. */
function isMinute(tokens: Token[], index: number): boolean {
  const fieldNear = (step: number): string | undefined => {
    for (let k = index + step; k >= 0 && k < tokens.length; k += step) {
      const t = tokens[k]!;
      if (t.kind === 'field') return t.text[0]!.toLowerCase();
    }
    return undefined;
  };
  return fieldNear(-1) === 'h' || fieldNear(1) === 's';
}

function formatDate(w: WallClock, pattern: string): string {
  const tokens = tokenize(pattern);
  const twelveHour = tokens.some((t) => t.kind === 'field' && t.text === 'AM/PM');
  return tokens
    .map((t, index) => {
      if (t.kind === 'lit') return t.text;
      const f = t.text;
      const n = f.length;
      switch (f[0]!.toLowerCase()) {
        case 'y':
          return n <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm':
          if (isMinute(tokens, index)) return n >= 2 ? pad(w.minute, 2) : String(w.minute);
          return n >= 3 ? `${w.month}月` : n === 2 ? pad(w.month, 2) : String(w.month);
        case 'd':
          if (n === 3) return WEEKDAY_SHORT[w.weekday]!;
          if (n >= 4) return `${WEEKDAY_SHORT[w.weekday]!}曜日`;
          return n === 2 ? pad(w.day, 2) : String(w.day);
        case 'h': {
          const h = twelveHour ? w.hour % 12 || 12 : w.hour;
          return n >= 2 ? pad(h, 2) : String(h);
        }
        case 's':
          return n >= 2 ? pad(w.second, 2) : String(w.second);
        case 'a':
          return w.hour < 12 ? '午前' : '午後';
        default:
          return f;
      }
    })
    .join('');
}

function formatNumber(n: number, pattern: string): string {
  const section = pattern.split(';')[0]!;
  const first = section.search(/[0#]/);
  if (first < 0) return section.replace(/"/g, '');
  const last = Math.max(section.lastIndexOf('0'), section.lastIndexOf('#'));
  const prefix = section.slice(0, first).replace(/"/g, '');
  const suffix = section.slice(last + 1).replace(/"/g, '');
  const body = section.slice(first, last + 1);
  const percent = suffix.includes('%');
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? '' : body.slice(dot + 1);
  const fixed = (decimals.match(/0/g) ?? []).length;
  const optional = (decimals.match(/#/g) ?? []).length;
  const grouped = (dot < 0 ? body : body.slice(0, dot)).includes(',');
  const scaled = percent ? n * 100 : n;
  let text = Math.abs(scaled).toFixed(fixed + optional);
  if (optional > 0) {
    // Drop trailing zeros that only optional (#) places produced.
    const [int, frac = ''] = text.split('.');
    let f = frac;
    while (f.length > fixed && f.endsWith('0')) f = f.slice(0, -1);
    text = f ? `${int}.${f}` : int!;
  }
  if (grouped) {
    const [int, frac] = text.split('.');
    text = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = scaled < 0 && Number(text.replace(/,/g, '')) !== 0 ? '-' : '';
  return `${sign}${prefix}${text}${suffix}`;
}
