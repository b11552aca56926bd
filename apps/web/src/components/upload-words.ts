/**
 * The words of the file picker and the upload's progress and failures: English for staff, the
 * IMG's language on their screens (the i18n dictionary has them).
 */
export interface UploadWords {
  /** Beside the button, where a mouse can drop a file. */
  dropHere: string;
  chooseFile: string;
  chooseAnother: string;
  /** The kinds accepted, under the picker (the limit is the API's setting: a 413 names it). */
  fileTypes: string;
  /** The chosen file, e.g. "cv.pdf (12 KB)". */
  chosen: (name: string, size: string) => string;
  noFileChosen: string;
  /** The progress bar's name. */
  progress: string;
  uploading: (percent: number) => string;
  /** Once the bytes are sent and the API is storing and checking them. */
  checking: string;
  cancel: string;
  cancelled: string;
  /** Alert titles for the API's refusals. */
  tooLarge: string;
  typeNotAccepted: string;
  notUploaded: string;
  unreachable: string;
  /**
   * The refusal in the reader's language from the facts the API sends with it (the limit; what the
   * bytes are, when it could tell, as a media type); without these the API's English message is shown.
   */
  tooLargeDetail?: (limit: string) => string;
  typeNotAcceptedDetail?: (found: string | null) => string;
  /** For sizes in the reader's language (`formatSize`). */
  locale: string;
}

export const ENGLISH_UPLOAD_WORDS: UploadWords = {
  dropHere: 'Drag a file here, or',
  chooseFile: 'Choose a file',
  chooseAnother: 'Choose another file',
  fileTypes: 'PDF, JPEG, PNG, HEIC or Word (DOCX).',
  chosen: (name, size) => `${name} (${size})`,
  noFileChosen: 'No file chosen yet.',
  progress: 'Upload progress',
  uploading: (percent) => `Uploading… ${percent}%`,
  checking: 'Checking the file…',
  cancel: 'Cancel upload',
  cancelled: 'Upload cancelled.',
  tooLarge: 'The file is too large',
  typeNotAccepted: 'This kind of file is not accepted',
  notUploaded: 'Not uploaded',
  unreachable: 'The server could not be reached. Check your connection and try again.',
  locale: 'en-US',
};
