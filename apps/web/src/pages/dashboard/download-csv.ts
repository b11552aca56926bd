import { toApiError } from '../../api/errors';

/** A call of the typed client made with `parseAs: 'blob'`. */
export type BlobCall = () => Promise<{ data?: Blob; error?: unknown; response: Response }>;

/**
 * Fetches a report's CSV through the typed client (so the session's token goes with it) and hands
 * it to the browser as a download, under the file name the API gives in Content-Disposition.
 */
export async function downloadCsv(call: BlobCall, fallbackName: string): Promise<void> {
  const { data, error, response } = await call();
  if (!response.ok || data === undefined) throw toApiError(response.status, error);
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
  } finally {
    // The click has started the download by the time it returns: the object URL can go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** `attachment; filename="match-outcomes-2026-by-center.csv"` → the file name (RFC 6266's plain form). */
export function fileNameOf(disposition: string | null): string | undefined {
  const match = disposition?.match(/filename="([^"]+)"|filename=([^;\s]+)/i);
  return match ? (match[1] ?? match[2]) : undefined;
}
