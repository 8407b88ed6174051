// Utilities: dates in a named zone (Java patterns), UUIDs, blobs, base64, digests, CSV, sleep.
// sleep moves the simulated clock instead of blocking, so time-dependent code stays fast to test.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { isDate } from '../recorder.js';
import { EmuBlob, toBytes, toSignedBytes } from './blob.js';
import { integerArg, makeEnum, notEmulated, stringArg, type ServiceContext } from './common.js';
import { formatJavaDate, parseJavaDate } from './date-format.js';

const MAX_SLEEP_MS = 300_000;

const CHARSET = makeEnum(['US_ASCII', 'UTF_8']);
const DIGEST_ALGORITHM = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
const MAC_ALGORITHM = makeEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
const RSA_ALGORITHM = makeEnum(['RSA_SHA_1', 'RSA_SHA_256']);

const NODE_DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Version-4 UUIDs: random, or reproducible from a seed so snapshots of ids stay stable. */
export function uuidSource(seed: number | undefined): () => string {
  if (seed === undefined) return () => randomUUID();
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32: small, fast, good enough for test ids.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Java String.format's common conversions: %s %d %f %x %%, with width, 0-pad, precision. */
export function formatString(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfx%])/g,
    (_m, left, zero, width, precision, conversion: string) => {
      if (conversion === '%') return '%';
      const value = args[next++];
      let text: string;
      if (conversion === 'd') text = String(Math.trunc(Number(value)));
      else if (conversion === 'f') text = Number(value).toFixed(precision ? Number(precision) : 6);
      else if (conversion === 'x') text = Math.trunc(Number(value)).toString(16);
      else text = String(value);
      if (conversion === 's' && precision) text = text.slice(0, Number(precision));
      const w = width ? Number(width) : 0;
      if (text.length >= w) return text;
      if (left) return text.padEnd(w, ' ');
      return zero && conversion !== 's' ? text.padStart(w, '0') : text.padStart(w, ' ');
    },
  );
}

function charsetName(charset: unknown): string {
  if (charset === undefined) return 'utf-8';
  return String(charset) === 'US_ASCII' ? 'us-ascii' : 'utf-8';
}

export class EmuUtilities implements GoogleAppsScript.Utilities.Utilities {
  readonly Charset = CHARSET as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm =
    DIGEST_ALGORITHM as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm =
    MAC_ALGORITHM as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;
  readonly RsaAlgorithm =
    RSA_ALGORITHM as unknown as typeof GoogleAppsScript.Utilities.RsaAlgorithm;

  constructor(
    private readonly context: ServiceContext,
    private readonly nextUuid: () => string,
  ) {}

  private get runtime() {
    return this.context.runtime;
  }

  private bytesOut(bytes: Uint8Array): GoogleAppsScript.Byte[] {
    return this.runtime.toScript(toSignedBytes(bytes));
  }

  base64Decode(
    encoded: string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): GoogleAppsScript.Byte[] {
    return this.runtime.callWithArgs('Utilities.base64Decode', [encoded, charset], () =>
      this.bytesOut(Buffer.from(stringArg(this.runtime, encoded, 'encoded'), 'base64')),
    );
  }

  base64DecodeWebSafe(
    encoded: string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): GoogleAppsScript.Byte[] {
    return this.runtime.callWithArgs('Utilities.base64DecodeWebSafe', [encoded, charset], () =>
      this.bytesOut(Buffer.from(stringArg(this.runtime, encoded, 'encoded'), 'base64url')),
    );
  }

  base64Encode(
    data: GoogleAppsScript.Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    return this.runtime.callWithArgs('Utilities.base64Encode', [data, charset], () =>
      Buffer.from(toBytes(data, charsetName(charset))).toString('base64'),
    );
  }

  base64EncodeWebSafe(
    data: GoogleAppsScript.Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    return this.runtime.callWithArgs('Utilities.base64EncodeWebSafe', [data, charset], () => {
      // Java's web-safe alphabet keeps the '=' padding that Node's base64url drops.
      return Buffer.from(toBytes(data, charsetName(charset)))
        .toString('base64')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
    });
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: GoogleAppsScript.Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): GoogleAppsScript.Byte[] {
    return this.runtime.callWithArgs('Utilities.computeDigest', [algorithm, value], () => {
      const digest = NODE_DIGESTS[String(algorithm)];
      if (!digest) throw new Error(`not emulated: Utilities.computeDigest ${String(algorithm)}`);
      const hash = createHash(digest)
        .update(toBytes(value, charsetName(charset)))
        .digest();
      return this.bytesOut(hash);
    });
  }

  computeHmacSha256Signature(
    value: GoogleAppsScript.Byte[] | string,
    key: GoogleAppsScript.Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): GoogleAppsScript.Byte[] {
    return this.runtime.call('Utilities.computeHmacSha256Signature', () =>
      this.hmac('sha256', value, key, charset),
    );
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: GoogleAppsScript.Byte[] | string,
    key: GoogleAppsScript.Byte[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): GoogleAppsScript.Byte[] {
    return this.runtime.call('Utilities.computeHmacSignature', () => {
      const digest = NODE_DIGESTS[String(algorithm)];
      if (!digest) throw new Error('Invalid argument: algorithm');
      return this.hmac(digest, value, key, charset);
    });
  }

  private hmac(
    digest: string,
    value: unknown,
    key: unknown,
    charset: unknown,
  ): GoogleAppsScript.Byte[] {
    const cs = charsetName(charset);
    return this.bytesOut(createHmac(digest, toBytes(key, cs)).update(toBytes(value, cs)).digest());
  }

  computeRsaSha1Signature(): GoogleAppsScript.Byte[] {
    return notEmulated(this.runtime, 'Utilities.computeRsaSha1Signature');
  }

  computeRsaSha256Signature(): GoogleAppsScript.Byte[] {
    return notEmulated(this.runtime, 'Utilities.computeRsaSha256Signature');
  }

  computeRsaSignature(): GoogleAppsScript.Byte[] {
    return notEmulated(this.runtime, 'Utilities.computeRsaSignature');
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return this.runtime.callWithArgs('Utilities.formatDate', [date, timeZone, format], () => {
      if (!isDate(date) || Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
      const zone = stringArg(this.runtime, timeZone, 'timeZone');
      const pattern = stringArg(this.runtime, format, 'format');
      return formatJavaDate(date.getTime(), zone, pattern);
    });
  }

  formatString(template: string, ...args: unknown[]): string {
    return this.runtime.callWithArgs('Utilities.formatString', [template, ...args], () =>
      formatString(stringArg(this.runtime, template, 'template'), args),
    );
  }

  getUuid(): string {
    return this.runtime.call('Utilities.getUuid', () => this.nextUuid());
  }

  gzip(): GoogleAppsScript.Base.Blob {
    return notEmulated(this.runtime, 'Utilities.gzip');
  }

  newBlob(
    data: GoogleAppsScript.Byte[] | string,
    contentType?: string,
    name?: string,
  ): GoogleAppsScript.Base.Blob {
    return this.runtime.callWithArgs('Utilities.newBlob', [data, contentType, name], () => {
      const type =
        contentType === undefined ? null : stringArg(this.runtime, contentType, 'contentType');
      const fileName = name === undefined ? null : stringArg(this.runtime, name, 'name');
      return new EmuBlob(this.runtime, toBytes(data), type, fileName);
    });
  }

  parseCsv(csv: string, delimiter?: GoogleAppsScript.Char): string[][] {
    return this.runtime.callWithArgs('Utilities.parseCsv', [csv, delimiter], () =>
      this.runtime.toScript(
        parseCsv(
          stringArg(this.runtime, csv, 'csv'),
          delimiter === undefined ? ',' : String(delimiter),
        ),
      ),
    );
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    return this.runtime.callWithArgs('Utilities.parseDate', [date, timeZone, format], () => {
      const text = stringArg(this.runtime, date, 'date');
      const ms = parseJavaDate(
        text,
        stringArg(this.runtime, timeZone, 'timeZone'),
        stringArg(this.runtime, format, 'format'),
      );
      if (ms === undefined || Number.isNaN(ms)) throw new Error(`Unparseable date: "${text}"`);
      return this.runtime.toScript(new Date(ms));
    });
  }

  sleep(milliseconds: GoogleAppsScript.Integer): void {
    this.runtime.callWithArgs('Utilities.sleep', [milliseconds], () => {
      const ms = integerArg(this.runtime, milliseconds, 'milliseconds');
      if (ms < 0 || ms > MAX_SLEEP_MS) throw new Error('Invalid argument: milliseconds');
      this.runtime.clock.advance(ms);
    });
  }

  ungzip(): GoogleAppsScript.Base.Blob {
    return notEmulated(this.runtime, 'Utilities.ungzip');
  }

  unzip(): GoogleAppsScript.Base.Blob[] {
    return notEmulated(this.runtime, 'Utilities.unzip');
  }

  zip(): GoogleAppsScript.Base.Blob {
    return notEmulated(this.runtime, 'Utilities.zip');
  }

  jsonParse(): unknown {
    return notEmulated(this.runtime, 'Utilities.jsonParse');
  }

  jsonStringify(): string {
    return notEmulated(this.runtime, 'Utilities.jsonStringify');
  }
}
