import { badUpload, DocumentsError, DocumentsErrorCode, tooLarge, UploadPart } from '@lib/documents';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

/** Room a multipart body takes beyond its file (boundaries, part headers, the text fields). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * A route that takes a multipart upload. Every other route refuses multipart bodies with 415
 * (api-app.ts reads this route config), so a JSON route never sees an unread upload.
 */
export const MultipartUpload = (schema: object) =>
  applyDecorators(
    RouteConfig({ multipartUpload: true }),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema }),
    ApiPayloadTooLargeResponse({ description: 'The file is over DOCUMENT_MAX_BYTES (DOCUMENT_TOO_LARGE)' }),
    ApiUnsupportedMediaTypeResponse({
      description: 'The bytes are not a PDF, JPEG, PNG, HEIC/HEIF or DOCX file; the body names what they are',
    }),
  );

/**
 * The parts of a multipart request as the documents library reads them: the file as a stream of
 * its bytes, never buffered. The parser's own refusals (too many parts, a file over the limit, a
 * body cut short) become the documents' 4xx answers.
 */
export async function* uploadParts(request: FastifyRequest, maxBytes: number): AsyncIterable<UploadPart> {
  if (!request.isMultipart()) {
    throw new DocumentsError(
      'unsupported_type',
      DocumentsErrorCode.NotMultipart,
      'Send the upload as multipart/form-data, the file in a part named "file"',
    );
  }
  // A declared length far over the limit is refused before a byte is read.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(maxBytes);
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        yield {
          kind: 'file',
          name: part.fieldname ?? '',
          fileName: part.filename ?? '',
          stream: translated(part.file, maxBytes),
        };
      } else {
        yield {
          kind: 'field',
          name: part.fieldname,
          value: typeof part.value === 'string' ? part.value : String(part.value),
        };
      }
    }
  } catch (error) {
    throw translate(error, maxBytes);
  }
}

async function* translated(stream: AsyncIterable<Buffer>, maxBytes: number): AsyncIterable<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (error) {
    throw translate(error, maxBytes);
  }
}

/** @fastify/multipart's and busboy's errors as the documents' refusals; anything else as it is. */
function translate(error: unknown, maxBytes: number): unknown {
  if (error instanceof DocumentsError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return badUpload('One file per upload', 'file');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return badUpload('Too many parts: send file, category and title only', 'file');
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of (form|multipart data)|aborted|Malformed|boundary/i.test(message) || code?.startsWith('FST_')) {
    return badUpload(`The multipart body could not be read (${message})`, 'file');
  }
  return error;
}
