// The (予約ID, level) pairs already alerted about, kept in a document property (split into `.1`,
// `.2` … when long).
import { decodeAlerted, encodeAlerted, type AlertedPairs } from '../../core/alerts';
import { readChunked, writeChunked } from '../chunkedProperty';
import { PROPERTY } from '../properties';

type Properties = GoogleAppsScript.Properties.Properties;

/** Document property (split into `.1`, `.2` … when long) of the (予約ID, level) pairs alerted. */
export const ALERTED_PROPERTY = PROPERTY.overdueAlerted;

export interface StoredAlerted {
  pairs: AlertedPairs;
  text: string;
  keys: string[];
}

export function loadAlerted(properties: Properties): StoredAlerted {
  const stored = readChunked(properties, ALERTED_PROPERTY);
  return { ...stored, pairs: decodeAlerted(stored.text) };
}

export function saveAlerted(
  properties: Properties,
  pairs: AlertedPairs,
  stored: StoredAlerted,
): void {
  writeChunked(properties, ALERTED_PROPERTY, encodeAlerted(pairs), stored);
}
