import { Alert, Box, Image } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { previewKindOf } from '../../../components/document-files';
import { QueryState } from '../../../components/QueryState';
import { documentBytesKey, fetchDocumentBytes } from './DocumentsQueries';

/**
 * A version shown in the page: its bytes fetched with the token and shown from a blob: URL (the
 * API's CSP allows blob: frames and images), a PDF in the browser's viewer, a PNG or JPEG as an
 * image. HEIC and DOCX cannot be shown by the browser: the person is told to download them.
 *
 * The PDF's frame has no `sandbox` attribute: Chromium refuses to show a PDF in a sandboxed frame
 * (any sandbox, whatever it allows). What keeps it safe instead: the blob is typed from an
 * allow-list (`application/pdf`, from the API's reading of the bytes), so the browser hands it to
 * its PDF viewer and never reads it as a page of this origin.
 */
export function DocumentPreview({
  clientId,
  documentId,
  version,
  contentType,
  name,
}: {
  clientId: string;
  documentId: string;
  version: number;
  contentType: string;
  /** What is shown ("CV, version 2"), for the frame's title and the image's alternative text. */
  name: string;
}) {
  const kind = previewKindOf(contentType);
  const bytes = useQuery({
    queryKey: documentBytesKey(documentId, version),
    queryFn: () => fetchDocumentBytes(clientId, documentId, version, 'inline'),
    enabled: kind !== null,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const url = useObjectUrl(bytes.data, kind === 'pdf' ? 'application/pdf' : contentType);

  if (kind === null) {
    return (
      <Alert color="gray" title="No preview for this file" data-testid="no-preview">
        {contentType.startsWith('image/')
          ? 'This photo is in a format the browser cannot show (HEIC, as iPhones save them). Download it to open it.'
          : 'The browser cannot show this kind of file (a Word document). Download it to open it.'}
      </Alert>
    );
  }
  return (
    <QueryState query={bytes} label="the preview">
      {() =>
        url === null ? null : kind === 'pdf' ? (
          <Box
            component="iframe"
            src={url}
            title={`Preview of ${name}`}
            data-testid="document-preview"
            w="100%"
            h={520}
            style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)' }}
          />
        ) : (
          <Image
            src={url}
            alt={`Preview of ${name}`}
            data-testid="document-preview"
            fit="contain"
            mah={520}
            radius="sm"
          />
        )
      }
    </QueryState>
  );
}

/** A blob: URL for `blob` typed `type`, revoked when the blob changes or the preview goes. */
function useObjectUrl(blob: Blob | undefined, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    const created = URL.createObjectURL(new Blob([blob], { type }));
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob, type]);
  return url;
}
