import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describeStorageContract } from './document-storage.contract';
import { FileStorage } from './file-storage';

describeStorageContract('FileStorage', async () => {
  const root = await mkdtemp(join(tmpdir(), 'file-storage-'));
  return { storage: new FileStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('FileStorage', () => {
  let root: string;
  beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'file-storage-'))));
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('leaves no temporary file behind a failed upload', async () => {
    const failure = new Error('the client went away');
    async function* body() {
      yield Buffer.alloc(1024);
      throw failure;
    }

    await expect(new FileStorage(root).put('ab/doc', Readable.from(body()))).rejects.toBe(failure);
    expect((await readdir(root)).filter((name) => name.startsWith('.partial-'))).toEqual([]);
  });

  it('refuses a key that could leave its folder', async () => {
    const storage = new FileStorage(root);

    for (const key of ['../outside', 'ab/../../outside', '/etc/passwd', 'ab//cd', 'Upper']) {
      await expect(storage.get(key)).rejects.toThrow(`Not a storage key: ${key}`);
    }
  });
});
