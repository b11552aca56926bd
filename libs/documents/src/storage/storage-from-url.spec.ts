import { resolve } from 'node:path';
import { FileStorage } from './file-storage';
import { S3Storage } from './s3-storage';
import { S3Settings, storageFromUrl } from './storage-from-url';

const s3: S3Settings = {
  S3_ENDPOINT: 'http://minio:9000',
  S3_REGION: 'eu-central-1',
  S3_ACCESS_KEY_ID: 'key-id',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_FORCE_PATH_STYLE: true,
};

describe('storageFromUrl', () => {
  it('roots a file: store at the folder, resolved from the working directory', () => {
    const storage = storageFromUrl('file:var/documents', s3);

    expect(storage).toBeInstanceOf(FileStorage);
    expect((storage as unknown as { root: string }).root).toBe(resolve('var/documents'));
    expect((storageFromUrl('file:/srv/documents', s3) as unknown as { root: string }).root).toBe('/srv/documents');
  });

  it('opens an s3:// store on the bucket, the path as prefix (no trailing slash), with the S3 settings', () => {
    const storage = storageFromUrl('s3://img-documents/pre/fix/', s3);

    expect(storage).toBeInstanceOf(S3Storage);
    expect((storage as S3Storage).options).toEqual({
      bucket: 'img-documents',
      prefix: 'pre/fix',
      endpoint: 'http://minio:9000',
      region: 'eu-central-1',
      accessKeyId: 'key-id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
  });

  it('gives an s3:// store without a path no prefix, and leaves unset keys to the SDK', () => {
    const storage = storageFromUrl('s3://documents', {
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    }) as S3Storage;

    expect(storage.options).toEqual({
      bucket: 'documents',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
    });
    expect((storageFromUrl('s3://documents/', s3) as S3Storage).options.prefix).toBe('');
  });

  it.each(['http://documents', 's3://', 's3://Documents', 's3://a', 'var/documents', ''])('refuses %j', (url) => {
    expect(() => storageFromUrl(url, s3)).toThrow(`STORAGE_URL must be file:<folder> or s3://<bucket>[/<prefix>]`);
  });
});
