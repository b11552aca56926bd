import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AcceptedType, ACCEPTED_TYPES_TEXT, SNIFF_BYTES, typeOf } from './document-types';
import { DocumentsError, DocumentsErrorCode } from './documents.errors';

/** What an upload turned out to be, known once its stream has been read to the end. */
export interface InspectedFile {
  type: AcceptedType;
  sizeBytes: number;
  sha256: string;
}

/**
 * Passes an upload through on its way to storage, holding back only its first bytes until their
 * type is known: a file that is not an accepted kind fails (415) before anything is written, one
 * over `maxBytes` fails (413) as soon as it gets there, and the size and SHA-256 are taken on the
 * way. Memory stays at one chunk plus the sniffed head, whatever the file's size.
 */
export function inspectUpload(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
): {
  body: Readable;
  result: () => InspectedFile;
} {
  const hash = createHash('sha256');
  let size = 0;
  let type: AcceptedType | null = null;

  async function* inspected(): AsyncGenerator<Buffer> {
    let head: Buffer[] = [];
    let headLength = 0;
    const decide = async () => {
      const verdict = await typeOf(Buffer.concat(head, headLength));
      if ('found' in verdict) {
        throw new DocumentsError(
          'unsupported_type',
          DocumentsErrorCode.UnsupportedType,
          `A document must be a ${ACCEPTED_TYPES_TEXT} file; this one is ${verdict.found}`,
          { found: verdict.found },
        );
      }
      type = verdict.accepted;
    };
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      if (type) {
        yield chunk;
        continue;
      }
      head.push(chunk);
      headLength += chunk.length;
      if (headLength >= SNIFF_BYTES) {
        await decide();
        yield* head;
        head = [];
      }
    }
    if (!type) {
      if (size === 0) {
        throw new DocumentsError('invalid', DocumentsErrorCode.BadUpload, 'The file is empty', { field: 'file' });
      }
      await decide();
      yield* head;
    }
  }

  return {
    body: Readable.from(inspected(), { objectMode: false }),
    result: () => {
      if (!type) throw new Error('inspectUpload: the stream was not read to its end');
      return { type, sizeBytes: size, sha256: hash.digest('hex') };
    },
  };
}

export const tooLarge = (maxBytes: number) =>
  new DocumentsError('too_large', DocumentsErrorCode.TooLarge, `A document may be at most ${formatBytes(maxBytes)}`, {
    maxBytes,
  });

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
