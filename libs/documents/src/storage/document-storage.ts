import { Readable } from 'node:stream';

/** An object in the store, as a sweep lists it. */
export interface StoredObject {
  key: string;
  /** When it was written: the orphan sweep leaves young objects alone (an upload may be committing). */
  lastModified: Date;
}

/**
 * Where document bytes live: a folder (`file:`) or any S3-compatible store (`s3://`). Keys are
 * made by the caller (random, never a file name) and are plain `[a-z0-9/-]` paths. Every driver
 * passes the same contract test (`document-storage.contract.ts`).
 */
export interface DocumentStorage {
  /**
   * Streams `body` to `key`. Resolves once the whole object is stored; if `body` fails (a refused or
   * interrupted upload) nothing is left under `key` and the promise rejects with `body`'s error.
   */
  put(key: string, body: Readable): Promise<void>;
  /** The object's bytes, streamed; `StorageObjectMissing` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in no particular order. */
  list(prefix: string): AsyncIterable<StoredObject>;
  /**
   * Removes what uploads cut short by a crash left behind, older than `olderThan` (a put that
   * fails cleans up after itself; a process killed mid-put cannot). Returns how many.
   */
  removeIncomplete(olderThan: Date): Promise<number>;
}

/** Nest injection token of the configured `DocumentStorage`. */
export const DOCUMENT_STORAGE = Symbol('DocumentStorage');

/** Thrown by `get` for a key with no object. */
export class StorageObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}`);
    this.name = 'StorageObjectMissing';
  }
}
