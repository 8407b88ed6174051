// Apps Script's Blob: bytes with a content type and a name. Scripts see bytes as Java's signed
// bytes (-128..127); the host keeps a Uint8Array so mail attachments can be checked as files.
import type { Runtime } from '../runtime.js';
import { notEmulated } from './common.js';

const EXTENSION_TYPES: Record<string, string> = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  ics: 'text/calendar',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
};

/** Script byte arrays (signed) or strings to host bytes. */
export function toBytes(data: unknown, charset = 'utf-8'): Uint8Array {
  if (typeof data === 'string') {
    if (!/^utf-?8$/i.test(charset) && !/^us-ascii$/i.test(charset)) {
      throw new Error(`not emulated: charset ${charset}`);
    }
    return new TextEncoder().encode(data);
  }
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[], (b) => Number(b) & 0xff);
  throw new Error('Invalid argument: data');
}

/** Host bytes to the script's signed byte array (a host array; callers convert with toScript). */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export class EmuBlob implements GoogleAppsScript.Base.Blob {
  constructor(
    private readonly runtime: Runtime,
    private bytes: Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}

  /** Host view of the data, for mail capture and tests. */
  hostBytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return this.runtime.call(
      'Blob.copyBlob',
      () => new EmuBlob(this.runtime, this.hostBytes(), this.contentType, this.name),
    );
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.getAs', () => {
      if (contentType !== this.contentType) {
        throw new Error(`not emulated: Blob.getAs conversion to ${contentType}`);
      }
      return new EmuBlob(this.runtime, this.hostBytes(), this.contentType, this.name);
    });
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.getBlob', () => this);
  }

  getBytes(): GoogleAppsScript.Byte[] {
    return this.runtime.call('Blob.getBytes', () =>
      this.runtime.toScript(toSignedBytes(this.bytes)),
    );
  }

  getContentType(): string | null {
    return this.runtime.call('Blob.getContentType', () => this.contentType);
  }

  getDataAsString(charset?: string): string {
    return this.runtime.call('Blob.getDataAsString', () => {
      if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
        throw new Error(`not emulated: Blob.getDataAsString charset ${charset}`);
      }
      return new TextDecoder().decode(this.bytes);
    });
  }

  getName(): string | null {
    return this.runtime.call('Blob.getName', () => this.name);
  }

  isGoogleType(): boolean {
    return this.runtime.call('Blob.isGoogleType', () => false);
  }

  setBytes(data: GoogleAppsScript.Byte[]): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.setBytes', () => {
      this.bytes = toBytes(data);
      return this;
    });
  }

  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.setContentType', () => {
      this.contentType = contentType;
      return this;
    });
  }

  setContentTypeFromExtension(): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.setContentTypeFromExtension', () => {
      const extension = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
      const type = extension ? EXTENSION_TYPES[extension] : undefined;
      if (!type) throw new Error(`Could not determine a content type for "${this.name ?? ''}".`);
      this.contentType = type;
      return this;
    });
  }

  setDataFromString(string: string, charset?: string): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.setDataFromString', () => {
      this.bytes = toBytes(string, charset);
      return this;
    });
  }

  setName(name: string): GoogleAppsScript.Base.Blob {
    return this.runtime.call('Blob.setName', () => {
      this.name = name;
      return this;
    });
  }

  getAllBlobs(): GoogleAppsScript.Base.Blob[] {
    return notEmulated(this.runtime, 'Blob.getAllBlobs');
  }
}
