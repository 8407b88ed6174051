// Document properties hold at most 9 KB a value (500 KB in all), so a long value is split over
// KEY, KEY.1, KEY.2 … and joined again when read. Used for state that grows with the office's
// history: the alerted (予約ID, level) pairs and the archived no-show counts.

const CHUNK_CHARS = 8_000;

export interface StoredText {
  text: string;
  /** The property keys it was read from, so a shorter value can remove the parts it no longer needs. */
  keys: string[];
}

function partIndex(base: string, key: string): number {
  return key === base ? 0 : Number(key.slice(base.length + 1)) || 0;
}

export function readChunked(
  properties: GoogleAppsScript.Properties.Properties,
  base: string,
): StoredText {
  const all = properties.getProperties();
  const keys = Object.keys(all)
    .filter((k) => k === base || k.startsWith(`${base}.`))
    .sort((a, b) => partIndex(base, a) - partIndex(base, b));
  return { text: keys.map((k) => all[k] ?? '').join(''), keys };
}

/** Writes `text` over the parts read earlier (or read now); nothing when it is unchanged. */
export function writeChunked(
  properties: GoogleAppsScript.Properties.Properties,
  base: string,
  text: string,
  previous: StoredText = readChunked(properties, base),
): void {
  if (text === previous.text) return;
  const parts: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < text.length || i === 0; i++) {
    parts[i === 0 ? base : `${base}.${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  }
  properties.setProperties(parts);
  for (const key of previous.keys) if (!(key in parts)) properties.deleteProperty(key);
}
