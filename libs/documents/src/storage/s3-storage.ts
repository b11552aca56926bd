import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { DocumentStorage, StorageObjectMissing, StoredObject } from './document-storage';

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

/** S3's smallest part but the last: a part is buffered whole, so this bounds an upload's memory. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in flight at once: with one being filled, an upload holds about (2 + 1) × 5 MB, whatever the file's size. */
const QUEUE_SIZE = 2;

/**
 * Documents in an S3-compatible store, through the AWS SDK. `lib-storage`'s `Upload` streams a
 * body of unknown length as a multipart upload; S3 shows the object only once the upload is
 * completed, so a reader never sees half an object.
 */
export class S3Storage implements DocumentStorage {
  private readonly client: S3Client;
  private readonly root: string;

  constructor(readonly options: S3StorageOptions) {
    this.root = options.prefix ? `${options.prefix}/` : '';
    const { accessKeyId, secretAccessKey } = options;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      // Without keys in the settings the SDK's default chain decides (environment, profile, IAM role).
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    // `Upload` reads `body` itself and rejects with its own view of a failure (the abort's error
    // when the store cannot abort, as s3rver cannot). The caller is promised `body`'s error: keep it.
    let bodyError: unknown;
    const onError = (error: unknown) => (bodyError ??= error);
    body.once('error', onError);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.root + key, Body: body },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      // On any failure `Upload` aborts the multipart upload (its parts are dropped) and never
      // completes it, so no object appears. We await that clean-up rather than calling
      // `upload.abort()`, which would settle at once and leave the abort running behind us. A store
      // that refuses the abort keeps invisible parts: AWS's lifecycle rule
      // AbortIncompleteMultipartUpload clears those.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // As `pipeline` does for the file driver: a body the store gave up on is not left half read.
      body.destroy();
      throw bodyError ?? error;
    } finally {
      body.off('error', onError);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.root + key }),
      );
      // In Node the SDK's body is the HTTP response, a Readable; anything else is a misconfigured client.
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      return Body;
    } catch (error) {
      if (isMissing(error)) throw new StorageObjectMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the key existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.root + key }));
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: this.root + prefix,
          ContinuationToken,
        }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        // S3 always dates an object; were one undated, calling it new makes the orphan sweep spare it.
        yield { key: object.Key.slice(this.root.length), lastModified: object.LastModified ?? new Date() };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /**
   * Multipart uploads a crash left open. A failed put aborts its own; those of a killed process
   * are the bucket's lifecycle rule "abort incomplete multipart uploads after 1 day"
   * (docs/OPERATIONS.md), which every S3-compatible store applies itself: nothing to do here.
   */
  async removeIncomplete(_olderThan: Date): Promise<number> {
    return 0;
  }
}

/** NoSuchKey, or a bare 404 from a store that words it differently. */
function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404))
  );
}
