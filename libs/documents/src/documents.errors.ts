import { AppError } from '@lib/kernel';

export enum DocumentsErrorCode {
  /** Over `DOCUMENT_MAX_BYTES` (413). */
  TooLarge = 'DOCUMENT_TOO_LARGE',
  /** The bytes are not a PDF, JPEG, PNG, HEIC/HEIF or DOCX (415, naming what was found). */
  UnsupportedType = 'DOCUMENT_TYPE_NOT_ACCEPTED',
  /** The multipart body lacks the file, has two, or a field it does not take (400). */
  BadUpload = 'DOCUMENT_UPLOAD_MALFORMED',
  /** A sensitive category the caller may not open (403). */
  Restricted = 'DOCUMENT_RESTRICTED',
  /** The stored bytes no longer match the SHA-256 taken at upload (503: nothing is served). */
  Corrupted = 'DOCUMENT_CORRUPTED',
  /** The client was anonymized: no document is added to it. */
  ClientAnonymized = 'CLIENT_ANONYMIZED',
}

export class DocumentsError extends AppError<DocumentsErrorCode> {}
