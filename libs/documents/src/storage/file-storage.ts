import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, opendir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentStorage, StorageObjectMissing, StoredObject } from './document-storage';

/**
 * Documents in a folder (`STORAGE_URL=file:var/documents`): each object a file at its key. A put
 * writes a temporary file beside the others and renames it into place once complete, so a reader
 * never sees half an object and a failed upload leaves only a temporary file, removed at once.
 */
export class FileStorage implements DocumentStorage {
  constructor(private readonly root: string) {}

  async put(key: string, body: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = join(this.root, `.partial-${randomUUID()}`);
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new StorageObjectMissing(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    yield* this.walk(this.root, prefix);
  }

  async removeIncomplete(olderThan: Date): Promise<number> {
    let removed = 0;
    let entries;
    try {
      entries = await opendir(this.root);
    } catch {
      return 0;
    }
    for await (const entry of entries) {
      if (!entry.isFile() || !entry.name.startsWith('.partial-')) continue;
      const path = join(this.root, entry.name);
      if ((await stat(path)).mtime < olderThan) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async *walk(dir: string, prefix: string): AsyncIterable<StoredObject> {
    let entries;
    try {
      entries = await opendir(dir);
    } catch {
      return; // Nothing stored yet.
    }
    for await (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        yield* this.walk(path, prefix);
      } else if (entry.isFile() && !entry.name.startsWith('.partial-')) {
        const key = relative(this.root, path).split(sep).join('/');
        if (key.startsWith(prefix)) yield { key, lastModified: (await stat(path)).mtime };
      }
    }
  }

  /** Keys are made by the service (`[a-z0-9/-]`); anything else is a bug, never a path to follow. */
  private pathOf(key: string): string {
    if (!/^[a-z0-9][a-z0-9/-]*$/.test(key) || key.includes('//')) throw new Error(`Not a storage key: ${key}`);
    return join(this.root, ...key.split('/'));
  }
}
