import { Readable } from 'node:stream';
import { DocumentStorage, StoredObject } from './document-storage';

/** Where an S3-compatible store is and how to sign in to it (`STORAGE_URL=s3://bucket` and the `S3_*` settings). */
export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket (the path of `s3://bucket/prefix`), '' for none. */
  prefix: string;
  /** `S3_ENDPOINT`: unset for AWS S3; the URL of MinIO, Ceph or another S3-protocol server. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
}

/** Documents in an S3-compatible store, through the AWS SDK. */
export class S3Storage implements DocumentStorage {
  constructor(readonly options: S3StorageOptions) {}

  put(_key: string, _body: Readable): Promise<void> {
    throw new Error('S3Storage.put: not yet built');
  }
  get(_key: string): Promise<Readable> {
    throw new Error('S3Storage.get: not yet built');
  }
  delete(_key: string): Promise<void> {
    throw new Error('S3Storage.delete: not yet built');
  }
  // eslint-disable-next-line require-yield
  async *list(_prefix: string): AsyncIterable<StoredObject> {
    throw new Error('S3Storage.list: not yet built');
  }
}
