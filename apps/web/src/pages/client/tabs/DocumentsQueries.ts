import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import { byCursor } from '../../../api/queries';
import type { components } from '../../../api/schema';
import type { AsRead } from '../../../api/views';
import { clientKey } from '../queries';

type Schemas = components['schemas'];
export type ClientDocument = Schemas['DocumentResponse'];
export type DocumentDetail = Schemas['DocumentDetailResponse'];
export type DocumentDirectorView = Schemas['DocumentDirectorView'];
/**
 * A document as GET …/documents answered this reader: whole, or the view of its existence a
 * director gets (and anyone else a sensitive category does not open to).
 */
export type DocumentAsRead = AsRead<ClientDocument, DocumentDirectorView>;

/** Under the client's key: any write under the client (an upload, a review) refreshes the list and the one open. */
const documentsKey = (clientId: string) => [...clientKey(clientId), 'documents'] as const;

export const useDocuments = (clientId: string) =>
  useInfiniteQuery({
    queryKey: documentsKey(clientId),
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/clients/{clientId}/documents', {
          params: { path: { clientId }, query: { cursor: pageParam } },
        }),
      ),
    ...byCursor,
  });

/** One document with its versions and reviews; `documentId` null while none is open. */
export const useDocument = (clientId: string, documentId: string | null) =>
  useQuery({
    queryKey: [...documentsKey(clientId), documentId],
    queryFn: async () => {
      const answer = await ok(
        api.GET('/api/v1/clients/{clientId}/documents/{id}', {
          params: { path: { clientId, id: documentId ?? '' } },
        }),
      );
      // Only directors get the view without versions, and they open no document.
      if (!('versions' in answer)) throw new Error('This document opens only to the staff who work the case.');
      return answer;
    },
    enabled: documentId !== null,
  });

/**
 * A version's bytes, fetched with the token (a link or an <img src> to the API would carry none).
 * Kept outside the client's key: a version's bytes never change, so a review or an upload does
 * not fetch them again.
 */
export const documentBytesKey = (documentId: string, version: number) => ['document-bytes', documentId, version];

export const fetchDocumentBytes = (
  clientId: string,
  documentId: string,
  version: number,
  disposition: 'inline' | 'attachment',
): Promise<Blob> =>
  ok(
    api.GET('/api/v1/clients/{clientId}/documents/{id}/content', {
      params: { path: { clientId, id: documentId }, query: { version, disposition } },
      parseAs: 'blob',
    }),
  );
