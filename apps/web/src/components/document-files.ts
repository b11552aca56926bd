/**
 * What the file picker offers: the kinds the API keeps (it decides from the bytes, so a file
 * dropped or renamed is still checked there). HEIC/HEIF is what a phone's camera saves.
 */
export const ACCEPTED_FILES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.heic',
  '.heif',
  '.docx',
].join(',');

/** A file's size as people read it: "830 B", "12 KB", "4.2 MB" (1024-based, as file managers show it). */
export function formatSize(bytes: number, locale = 'en-US'): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(Math.round(bytes / 1024))} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/**
 * What a browser can show of a document from its bytes: a PDF in its viewer, a PNG or JPEG as an
 * image. HEIC (Chromium cannot decode it) and DOCX are downloaded instead.
 */
export type PreviewKind = 'pdf' | 'image';

export function previewKindOf(contentType: string): PreviewKind | null {
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType === 'image/png' || contentType === 'image/jpeg') return 'image';
  return null;
}

/** Hands bytes to the browser as a download under `fileName` (the bytes were fetched with the token). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a minute is room for a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
