// CacheService: string entries that expire on the simulated clock (default 10 minutes, at most
// 6 hours), with Apps Script's size limits. A cache may drop entries at any time on Google's
// side; this one keeps them until they expire, and tests can `clear()` it to simulate eviction.
import { integerArg, stringArg, type ServiceContext } from './common.js';

const DEFAULT_TTL_SECONDS = 600;
const MAX_TTL_SECONDS = 21_600;
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_PUT_ALL = 1000;

interface Entry {
  value: string;
  expiresAtMs: number;
}

/** One cache's contents (script, document or user scope). */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();

  get(key: string, nowMs: number): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, expiresAtMs: number): void {
    this.entries.set(key, { value, expiresAtMs });
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** Drops everything, as Google may at any time. */
  clear(): void {
    this.entries.clear();
  }

  /** Live entries, for tests. */
  snapshot(nowMs: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of this.entries.keys()) {
      const value = this.get(key, nowMs);
      if (value !== null) out[key] = value;
    }
    return out;
  }
}

export class EmuCache implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly context: ServiceContext,
    private readonly store: CacheStore,
  ) {}

  get(key: string): string | null {
    const { runtime } = this.context;
    return runtime.callWithArgs('Cache.get', [key], () =>
      this.store.get(this.key(key), runtime.clock.nowMs()),
    );
  }

  getAll(keys: string[]): { [key: string]: string } {
    const { runtime } = this.context;
    return runtime.callWithArgs('Cache.getAll', [keys], () => {
      if (!Array.isArray(keys)) throw new Error('Invalid argument: keys');
      const out: Record<string, string> = {};
      for (const key of keys as unknown[]) {
        const value = this.store.get(this.key(key), runtime.clock.nowMs());
        if (value !== null) out[key as string] = value;
      }
      return runtime.toScript(out);
    });
  }

  put(key: string, value: string, expirationInSeconds?: GoogleAppsScript.Integer): void {
    const { runtime } = this.context;
    runtime.callWithArgs('Cache.put', [key, value, expirationInSeconds], () => {
      this.store.put(this.key(key), this.value(value), this.expiry(expirationInSeconds));
    });
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: GoogleAppsScript.Integer): void {
    const { runtime } = this.context;
    runtime.callWithArgs('Cache.putAll', [values, expirationInSeconds], () => {
      if (typeof values !== 'object' || values === null)
        throw new Error('Invalid argument: values');
      const entries = Object.entries(values);
      if (entries.length > MAX_PUT_ALL) throw new Error('Argument too large: values');
      const expiresAt = this.expiry(expirationInSeconds);
      const checked = entries.map(([k, v]) => [this.key(k), this.value(v)] as const);
      for (const [k, v] of checked) this.store.put(k, v, expiresAt);
    });
  }

  remove(key: string): void {
    const { runtime } = this.context;
    runtime.callWithArgs('Cache.remove', [key], () => this.store.remove(this.key(key)));
  }

  removeAll(keys: string[]): void {
    const { runtime } = this.context;
    runtime.callWithArgs('Cache.removeAll', [keys], () => {
      if (!Array.isArray(keys)) throw new Error('Invalid argument: keys');
      for (const key of keys as unknown[]) this.store.remove(this.key(key));
    });
  }

  private key(key: unknown): string {
    const text = stringArg(this.context.runtime, key, 'key');
    if (text.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    return text;
  }

  private value(value: unknown): string {
    const text = stringArg(this.context.runtime, value, 'value');
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
      throw new Error('Argument too large: value');
    }
    return text;
  }

  private expiry(seconds: unknown): number {
    const ttl =
      seconds === undefined
        ? DEFAULT_TTL_SECONDS
        : integerArg(this.context.runtime, seconds, 'expirationInSeconds');
    if (ttl < 1 || ttl > MAX_TTL_SECONDS) throw new Error('Invalid argument: expirationInSeconds');
    return this.context.runtime.clock.nowMs() + ttl * 1000;
  }
}

export interface CacheStores {
  script: CacheStore;
  document: CacheStore;
  user: CacheStore;
}

export class EmuCacheService implements GoogleAppsScript.Cache.CacheService {
  constructor(
    private readonly context: ServiceContext,
    private readonly stores: CacheStores,
  ) {}

  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return this.context.runtime.call(
      'CacheService.getDocumentCache',
      () => new EmuCache(this.context, this.stores.document),
    );
  }

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return this.context.runtime.call(
      'CacheService.getScriptCache',
      () => new EmuCache(this.context, this.stores.script),
    );
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    return this.context.runtime.call(
      'CacheService.getUserCache',
      () => new EmuCache(this.context, this.stores.user),
    );
  }
}
