// PropertiesService: the document store, a string store that outlives executions, kept as a
// plain record tests read and seed directly (emu.properties.document). The script and user
// stores are not emulated: the bundle keeps all its state in document properties.
import { PropertiesService_METHODS } from '../spreadsheet/gas-names.js';
import { notEmulatedBase } from '../spreadsheet/not-emulated.js';
import { stringArg, type ServiceContext } from './common.js';

// Apps Script's limits: 9 KB per value, 500 KB per store.
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

function storeBytes(store: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(store)) total += byteLength(key) + byteLength(value);
  return total;
}

export class EmuProperties implements GoogleAppsScript.Properties.Properties {
  constructor(
    private readonly context: ServiceContext,
    private readonly store: Record<string, string>,
  ) {}

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    return this.context.runtime.call('Properties.deleteAllProperties', () => {
      for (const key of Object.keys(this.store)) delete this.store[key];
      return this;
    });
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    const { runtime } = this.context;
    return runtime.callWithArgs('Properties.deleteProperty', [key], () => {
      delete this.store[stringArg(runtime, key, 'key')];
      return this;
    });
  }

  getKeys(): string[] {
    const { runtime } = this.context;
    return runtime.call('Properties.getKeys', () => runtime.toScript(Object.keys(this.store)));
  }

  getProperties(): { [key: string]: string } {
    const { runtime } = this.context;
    return runtime.call('Properties.getProperties', () => runtime.toScript({ ...this.store }));
  }

  getProperty(key: string): string | null {
    const { runtime } = this.context;
    return runtime.callWithArgs('Properties.getProperty', [key], () => {
      const name = stringArg(runtime, key, 'key');
      return Object.prototype.hasOwnProperty.call(this.store, name) ? this.store[name]! : null;
    });
  }

  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    const { runtime } = this.context;
    return runtime.callWithArgs('Properties.setProperties', [properties, deleteAllOthers], () => {
      if (typeof properties !== 'object' || properties === null) {
        throw new Error('Invalid argument: properties');
      }
      const next: Record<string, string> = deleteAllOthers ? {} : { ...this.store };
      for (const [key, value] of Object.entries(properties)) next[key] = this.checked(value);
      this.replaceWith(next);
      return this;
    });
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    const { runtime } = this.context;
    return runtime.callWithArgs('Properties.setProperty', [key, value], () => {
      const name = stringArg(runtime, key, 'key');
      this.replaceWith({ ...this.store, [name]: this.checked(value) });
      return this;
    });
  }

  /** Apps Script stores the string form of whatever it is given. */
  private checked(value: unknown): string {
    const text = String(value);
    if (byteLength(text) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    return text;
  }

  private replaceWith(next: Record<string, string>): void {
    if (storeBytes(next) > MAX_STORE_BYTES) {
      throw new Error(
        `You have exceeded the property storage quota (DocumentProperties). Please remove some properties and try again.`,
      );
    }
    for (const key of Object.keys(this.store)) delete this.store[key];
    Object.assign(this.store, next);
  }
}

export class EmuPropertiesService extends notEmulatedBase<GoogleAppsScript.Properties.PropertiesService>(
  'PropertiesService',
  PropertiesService_METHODS,
) {
  constructor(
    private readonly context: ServiceContext,
    private readonly document: Record<string, string>,
  ) {
    super();
  }

  override getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return this.context.runtime.call(
      'PropertiesService.getDocumentProperties',
      () => new EmuProperties(this.context, this.document),
    );
  }
}

/** A test's handle on one store: read, seed and reset it without going through the script. */
export class PropertyStoreView {
  constructor(
    /** The live record the script's Properties object reads and writes. */
    readonly record: Record<string, string>,
  ) {}

  get(key: string): string | null {
    return Object.prototype.hasOwnProperty.call(this.record, key) ? this.record[key]! : null;
  }

  set(key: string, value: string): void {
    this.record[key] = value;
  }

  delete(key: string): void {
    delete this.record[key];
  }

  getAll(): Record<string, string> {
    return { ...this.record };
  }

  /** Replaces the whole store. */
  setAll(values: Record<string, string>): void {
    this.clear();
    for (const [key, value] of Object.entries(values)) this.record[key] = String(value);
  }

  clear(): void {
    for (const key of Object.keys(this.record)) delete this.record[key];
  }
}
