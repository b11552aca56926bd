import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describeStorageContract } from './document-storage.contract';
import { S3Storage, S3StorageOptions } from './s3-storage';

/** The little of s3rver (no type declarations of its own) these tests use. */
interface S3rverServer {
  httpServer: Server;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: object) => S3rverServer;

/** A real S3-protocol server on loopback, one for the whole file, holding its bucket in a temp folder. */
let server: S3rverServer;
let directory: string;
let endpoint: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: 'documents' }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

function s3Storage(options: Partial<S3StorageOptions> = {}): S3Storage {
  return new S3Storage({
    bucket: 'documents',
    prefix: '',
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    ...options,
  });
}

async function keysOf(storage: S3Storage, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of storage.list(prefix)) keys.push(key);
  return keys.sort();
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

// Every store of the contract shares the one bucket; the contract's keys are random, so they do not meet.
describeStorageContract('S3Storage', async () => ({ storage: s3Storage(), cleanup: async () => {} }));
describeStorageContract('S3Storage under a prefix', async () => ({
  storage: s3Storage({ prefix: 'tenant/documents' }),
  cleanup: async () => {},
}));

describe('S3Storage', () => {
  it('keeps its keys under the configured prefix, and lists them without it', async () => {
    const prefixed = s3Storage({ prefix: 'pre/fix' });
    const whole = s3Storage();

    await prefixed.put('ab/doc-1', Readable.from([Buffer.from('one')]));

    expect(await keysOf(whole, 'pre/fix/')).toEqual(['pre/fix/ab/doc-1']);
    expect(await keysOf(whole, 'ab/')).toEqual([]);
    expect(await keysOf(prefixed, 'ab/')).toEqual(['ab/doc-1']);
    expect(await text(await prefixed.get('ab/doc-1'))).toBe('one');
    await prefixed.delete('ab/doc-1');
    expect(await keysOf(whole, 'pre/fix/')).toEqual([]);
  });

  it('refuses a key id the store does not know, rather than calling the object missing', async () => {
    const stranger = s3Storage({ accessKeyId: 'STRANGER' });

    await expect(stranger.get('anything')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
  });

  it('asks the store to drop the parts of a multipart put whose body failed', async () => {
    const requests: string[] = [];
    const record = (request: IncomingMessage) => requests.push(`${request.method} ${request.url}`);
    server.httpServer.on('request', record);
    async function* body() {
      yield Buffer.alloc(6 * 1024 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('the client went away');
    }
    try {
      await expect(s3Storage().put('failed/multipart', Readable.from(body()))).rejects.toThrow('the client went away');
    } finally {
      server.httpServer.off('request', record);
    }

    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PUT \/documents\/failed\/multipart\?.*partNumber=1/),
        expect.stringMatching(/^DELETE \/documents\/failed\/multipart\?.*uploadId=/),
      ]),
    );
    expect(requests.filter((request) => request.startsWith('POST') && /uploadId=/.test(request))).toEqual([]);
  });

  it('pages through a listing longer than one answer', async () => {
    // s3rver cannot page itself: its continuation tokens are DES-encrypted, which Node 17+'s OpenSSL 3 refuses.
    const storage = s3Storage({ prefix: 'pre' });
    const send = jest
      .spyOn(S3Client.prototype, 'send')
      .mockImplementationOnce(async () => ({
        Contents: [{ Key: 'pre/ab/1', LastModified: new Date() }],
        IsTruncated: true,
        NextContinuationToken: 'page-2',
      }))
      .mockImplementationOnce(async () => ({
        Contents: [{ Key: 'pre/ab/2', LastModified: new Date() }],
        IsTruncated: false,
      }));
    let inputs: unknown[];
    try {
      expect(await keysOf(storage, 'ab/')).toEqual(['ab/1', 'ab/2']);
      inputs = send.mock.calls.map(([command]) => (command as ListObjectsV2Command).input);
    } finally {
      send.mockRestore();
    }

    expect(inputs).toEqual([
      { Bucket: 'documents', Prefix: 'pre/ab/', ContinuationToken: undefined },
      { Bucket: 'documents', Prefix: 'pre/ab/', ContinuationToken: 'page-2' },
    ]);
  });
});
