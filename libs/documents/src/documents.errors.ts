import { AppError } from '@lib/kernel';

export enum DocumentsErrorCode {
  /** Over `DOCUMENT_MAX_BYTES` (413). */
  TooLarge = 'DOCUMENT_TOO_LARGE',
  /** The bytes are not a PDF, JPEG, PNG, HEIC/HEIF or DOCX (415, naming what was found). */
  UnsupportedType = 'DOCUMENT_TYPE_NOT_ACCEPTED',
  /** The multipart body lacks the file, has two, or a field it does not take (400). */
  BadUpload = 'DOCUMENT_UPLOAD_MALFORMED',
  /** An upload sent as anything but multipart/form-data (415). */
  NotMultipart = 'DOCUMENT_UPLOAD_NOT_MULTIPART',
  /** A review of a version that is no longer the latest (409). */
  NotLatestVersion = 'DOCUMENT_VERSION_NOT_LATEST',
  /** A document the reader may know exists but not open: a director (403). */
  Restricted = 'DOCUMENT_RESTRICTED',
}

export class DocumentsError extends AppError<DocumentsErrorCode> {}

/** A multipart body the documents cannot read as an upload (400), naming the part at fault. */
export const badUpload = (message: string, field = 'file') =>
  new DocumentsError('invalid', DocumentsErrorCode.BadUpload, message, { field });
