import FileType from 'file-type';

/** What the bytes are, when they are one of the kinds a document may be. */
export interface AcceptedType {
  /** The media type stored and served. */
  mime: string;
  /** The usual extension, for a download's file name when the upload's had none. */
  ext: string;
}

/**
 * The kinds of file a document may be, decided from the bytes (file-type's signatures), never from
 * the name or the declared type: PDF, JPEG, PNG (scans and photos of papers), HEIC/HEIF (a phone's
 * camera), DOCX (a CV or personal statement in Word).
 */
const ACCEPTED: Record<string, AcceptedType> = {
  'application/pdf': { mime: 'application/pdf', ext: 'pdf' },
  'image/jpeg': { mime: 'image/jpeg', ext: 'jpg' },
  'image/png': { mime: 'image/png', ext: 'png' },
  'image/heic': { mime: 'image/heic', ext: 'heic' },
  'image/heif': { mime: 'image/heif', ext: 'heif' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
  },
};

export const ACCEPTED_TYPES_TEXT = 'PDF, JPEG, PNG, HEIC/HEIF or DOCX';

/** Bytes read from the start of a file before deciding its type (a DOCX names its parts early). */
export const SNIFF_BYTES = 64 * 1024;

/** The accepted type of `head` (the file's first bytes), or what was found instead. */
export async function typeOf(head: Buffer): Promise<{ accepted: AcceptedType } | { found: string }> {
  const detected = await FileType.fromBuffer(head);
  if (detected && ACCEPTED[detected.mime]) return { accepted: ACCEPTED[detected.mime] };
  return {
    found: detected ? `${detected.mime} (.${detected.ext})` : 'no known file type (plain text or unknown bytes)',
  };
}
