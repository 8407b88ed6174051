// A1 addresses ⇄ 1-based row/column numbers (the snapshot keys its cell maps by A1 address).

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "AB12" → { row: 12, column: 28 }; throws on anything else (ranges, sheet prefixes). */
export function parseA1(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`parseA1: not a cell address: ${JSON.stringify(address)}`);
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}
