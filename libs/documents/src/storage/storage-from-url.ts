import { resolve } from 'node:path';
import { DocumentStorage } from './document-storage';
import { FileStorage } from './file-storage';
import type { S3StorageOptions } from './s3-storage';

/** The `S3_*` settings an `s3://` store reads (see `.env.example`). */
export interface S3Settings {
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE: boolean;
}

/**
 * The store `STORAGE_URL` names: `file:<folder>` (relative to the working directory, or absolute)
 * or `s3://<bucket>[/<prefix>]`. The environment's validation has checked the form already.
 */
export function storageFromUrl(url: string, s3: S3Settings): DocumentStorage {
  if (url.startsWith('file:')) return new FileStorage(resolve(url.slice('file:'.length)));
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!match) throw new Error(`STORAGE_URL must be file:<folder> or s3://<bucket>[/<prefix>], not ${url}`);
  // Loaded only when asked for: the AWS SDK takes a while to load, and most deployments use a folder.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3Storage } = require('./s3-storage') as typeof import('./s3-storage');
  const options: S3StorageOptions = {
    bucket: match[1],
    prefix: (match[2] ?? '').replace(/\/+$/, ''),
    endpoint: s3.S3_ENDPOINT,
    region: s3.S3_REGION,
    accessKeyId: s3.S3_ACCESS_KEY_ID,
    secretAccessKey: s3.S3_SECRET_ACCESS_KEY,
    forcePathStyle: s3.S3_FORCE_PATH_STYLE,
  };
  return new S3Storage(options);
}
