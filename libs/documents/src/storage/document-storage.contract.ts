// Jest's functions are imported, not taken as globals: this file is no spec of its own (each driver's
// spec calls it), so it is compiled with the library's sources, whose types leave Jest's globals out.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { types } from 'node:util';
import { DocumentStorage, StorageObjectMissing, StoredObject } from './document-storage';

const MB = 1024 * 1024;

/**
 * What every `DocumentStorage` driver must do, as one Jest block its spec declares with a way to
 * make a fresh store. Each test makes its own store and its own keys (random), so a driver whose
 * stores share state (one bucket) still sees nothing of the other tests under its prefixes.
 */
export function describeStorageContract(
  name: string,
  make: () => Promise<{ storage: DocumentStorage; cleanup: () => Promise<void> }>,
): void {
  describe(`${name} keeps the DocumentStorage contract`, () => {
    let storage: DocumentStorage;
    let cleanup: (() => Promise<void>) | undefined;
    /** A key no other test (nor an earlier run against the same store) uses. */
    let ns: string;

    beforeEach(async () => {
      ({ storage, cleanup } = await make());
      ns = `contract-${randomUUID()}`;
    });
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    it('gives back the very bytes it was given (a few MB, random)', async () => {
      const bytes = randomBytes(3 * MB + 12_345);
      await storage.put(`${ns}/doc`, Readable.from(chunksOf(bytes, 64 * 1024)));

      const stored = await digest(await storage.get(`${ns}/doc`));
      expect(stored).toEqual({ size: bytes.length, sha256: sha256(bytes) });
    });

    it('streams a body of unknown length over several parts (~12 MB)', async () => {
      const sent = createHash('sha256');
      let size = 0;
      async function* body() {
        // Made on the fly, never whole in memory: the store cannot know the length in advance.
        for (let i = 0; i < 48; i++) {
          const chunk = randomBytes(i === 47 ? 256 * 1024 + 7 : 256 * 1024);
          sent.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      }
      await storage.put(`${ns}/big`, Readable.from(body()));

      expect(size).toBeGreaterThan(12 * MB);
      expect(await digest(await storage.get(`${ns}/big`))).toEqual({ size, sha256: sent.digest('hex') });
    });

    it('stores an empty body as an empty object', async () => {
      await storage.put(`${ns}/empty`, Readable.from([]));

      expect(await digest(await storage.get(`${ns}/empty`))).toEqual({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    });

    it.each([
      ['at once', 0],
      ['after 100 KB', 100 * 1024],
      ['half-way through 14 MB, with parts already sent', 7 * MB],
    ])('rejects with the body’s own error and keeps nothing when the body fails %s', async (_when, before) => {
      const failure = new Error('the client went away');
      async function* body() {
        for (let sent = 0; sent < before; sent += 256 * 1024) yield randomBytes(Math.min(256 * 1024, before - sent));
        // Let the bytes so far reach the store (a part upload in flight) before failing.
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw failure;
      }
      const key = `${ns}/failed`;

      await expect(storage.put(key, Readable.from(body()))).rejects.toBe(failure);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectMissing);
      expect(await keysOf(storage.list(ns))).toEqual([]);
    });

    it('tells a missing key by StorageObjectMissing, naming the key', async () => {
      const missing = storage.get(`${ns}/never-stored`);

      await expect(missing).rejects.toBeInstanceOf(StorageObjectMissing);
      await expect(missing).rejects.toMatchObject({ key: `${ns}/never-stored` });
    });

    it('deletes an object, and deleting a missing one is no error', async () => {
      await storage.put(`${ns}/doc`, Readable.from([Buffer.from('to be deleted')]));
      await storage.put(`${ns}/kept`, Readable.from([Buffer.from('kept')]));

      await storage.delete(`${ns}/doc`);

      await expect(storage.get(`${ns}/doc`)).rejects.toBeInstanceOf(StorageObjectMissing);
      expect(await keysOf(storage.list(ns))).toEqual([`${ns}/kept`]);
      await expect(storage.delete(`${ns}/doc`)).resolves.toBeUndefined();
      await expect(storage.delete(`${ns}/never-stored`)).resolves.toBeUndefined();
    });

    it('lists exactly the keys under a prefix, each dated about now', async () => {
      const before = Date.now();
      const keys = [`${ns}/a/1`, `${ns}/a/2`, `${ns}/b/1`, `${ns}-sibling/1`];
      for (const key of keys) await storage.put(key, Readable.from([Buffer.from(key)]));

      expect(await keysOf(storage.list(`${ns}/a/`))).toEqual([`${ns}/a/1`, `${ns}/a/2`]);
      expect(await keysOf(storage.list(`${ns}/`))).toEqual([`${ns}/a/1`, `${ns}/a/2`, `${ns}/b/1`]);
      expect(await keysOf(storage.list(`${ns}/c/`))).toEqual([]);

      const listed = await collect(storage.list(ns));
      expect(listed.map((object) => object.key).sort()).toEqual([...keys].sort());
      for (const { lastModified } of listed) {
        // Not `toBeInstanceOf(Date)`: a Date made by Node itself (fs.stat) is of another realm than Jest's.
        expect(types.isDate(lastModified)).toBe(true);
        // Some stores date to the second, and a remote one's clock may be a little off ours.
        expect(lastModified.getTime()).toBeGreaterThan(before - 30_000);
        expect(lastModified.getTime()).toBeLessThan(Date.now() + 30_000);
      }
    });

    it('takes keys with slashes, as deep as the caller makes them', async () => {
      const key = `ab/cd/${randomUUID()}`;
      const bytes = randomBytes(1000);
      try {
        await storage.put(key, Readable.from([bytes]));

        expect(sha256(await read(await storage.get(key)))).toBe(sha256(bytes));
        expect(await keysOf(storage.list(key))).toEqual([key]);
        expect(await keysOf(storage.list('ab/cd/'))).toContain(key);
      } finally {
        await storage.delete(key);
      }
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageObjectMissing);
    });
  });
}

function* chunksOf(bytes: Buffer, size: number): Iterable<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function digest(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function collect(objects: AsyncIterable<StoredObject>): Promise<StoredObject[]> {
  const found: StoredObject[] = [];
  for await (const object of objects) found.push(object);
  return found;
}

async function keysOf(objects: AsyncIterable<StoredObject>): Promise<string[]> {
  return (await collect(objects)).map((object) => object.key).sort();
}
