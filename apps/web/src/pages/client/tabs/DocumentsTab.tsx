import { Badge, Button, Card, Drawer, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isWhole } from '../../../api/views';
import { formatSize } from '../../../components/document-files';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { isUuid } from '../../../components/address-filters';
import { useCanEditClients } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { DocumentDetail } from './DocumentDetail';
import { DOCUMENT_CATEGORY_LABELS, DOCUMENT_STATUS_COLORS, DOCUMENT_STATUS_LABELS } from './DocumentsLabels';
import {
  type ClientDocument,
  type DocumentAsRead,
  useDocument,
  useDocuments,
  type DocumentDirectorView,
} from './DocumentsQueries';
import { DocumentUploadForm } from './DocumentUploadForm';

/** The address's `?document=` names the document open in the drawer, so a link can point at it. */
const OPEN = 'document';
const day = (instant: string) => dayjs(instant).format('D MMM YYYY');

/**
 * The client's papers, newest first. Staff who work the case upload (drop or pick a file), open
 * one to preview, download, review or replace it; a director sees what exists and where its
 * review stands, never the files (the API gives them no more).
 */
export function DocumentsTab({ clientId }: ClientTabProps) {
  const mayWork = useCanEditClients();
  const documents = useDocuments(clientId);
  const [params, setParams] = useSearchParams();
  const wanted = params.get(OPEN);
  // A document just deleted closes at once, before the address follows (a router navigation is a
  // transition): its query is off before the client's data is fetched again, so it is not asked for.
  const [deleted, setDeleted] = useState<string | null>(null);
  const openId = mayWork && isUuid(wanted) && wanted !== deleted ? wanted : null;
  const open = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete(OPEN);
        else next.set(OPEN, id);
        return next;
      },
      { replace: id === null },
    );

  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Documents
      </Title>
      {mayWork && (
        <Card withBorder padding="md">
          <DocumentUploadForm clientId={clientId} />
        </Card>
      )}
      <QueryState query={documents} label="the documents">
        {({ pages }) => {
          const items: DocumentAsRead[] = pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text c="dimmed">No documents yet.</Text>;
          return mayWork ? <DocumentTable documents={items} onOpen={open} /> : <ExistenceTable documents={items} />;
        }}
      </QueryState>
      <LoadMoreButton query={documents}>Load older documents</LoadMoreButton>
      {mayWork && (
        <DocumentDrawer
          clientId={clientId}
          documentId={openId}
          onClose={() => open(null)}
          onDeleted={(id) => {
            setDeleted(id);
            open(null);
          }}
        />
      )}
    </Stack>
  );
}

/**
 * Staff's list: what each document is, where its review stands, and who sent the latest version.
 * A document the API shows only the existence of (an identity or immigration paper of another
 * center's client, for a case manager) is listed without its title or file, and does not open.
 */
function DocumentTable({ documents, onOpen }: { documents: DocumentAsRead[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Document</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Uploaded</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) =>
            isWhole<ClientDocument, DocumentDirectorView>(document, 'title') ? (
              <DocumentRow key={document.id} document={document} onOpen={onOpen} />
            ) : (
              <Table.Tr key={document.id} data-testid="document-row">
                <Table.Td>
                  <Text size="sm">{DOCUMENT_CATEGORY_LABELS[document.category]}</Text>
                  <Text size="xs" c="dimmed">
                    Opens only to the case managers of the client’s center
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge document={document} />
                </Table.Td>
                <Table.Td>{document.version}</Table.Td>
                <Table.Td>{day(document.createdAt)}</Table.Td>
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DocumentRow({ document, onOpen }: { document: ClientDocument; onOpen: (id: string) => void }) {
  return (
    <Table.Tr data-testid="document-row">
      <Table.Td>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {document.title}
        </Text>
        <Text size="xs" c="dimmed">
          {DOCUMENT_CATEGORY_LABELS[document.category]}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge document={document} />
      </Table.Td>
      <Table.Td>{document.version}</Table.Td>
      <Table.Td>
        <Text size="sm">{day(document.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          {document.version > 1 ? `latest version ${day(document.updatedAt)}, ` : ''}
          {document.uploadedByClient ? 'by the IMG' : 'by staff'}
        </Text>
      </Table.Td>
      <Table.Td>{formatSize(document.sizeBytes)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" onClick={() => onOpen(document.id)} aria-label={`Open ${document.title}`}>
          Open
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function StatusBadge({ document }: { document: DocumentAsRead }) {
  return (
    <Badge variant="dot" color={DOCUMENT_STATUS_COLORS[document.status]}>
      {DOCUMENT_STATUS_LABELS[document.status]}
    </Badge>
  );
}

/** A director's list: that a document exists, its category, dates and review status; nothing to open. */
function ExistenceTable({ documents }: { documents: DocumentAsRead[] }) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
            <Table.Th scope="col">Last change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {documents.map((document) => (
            <Table.Tr key={document.id} data-testid="document-row">
              <Table.Td>{DOCUMENT_CATEGORY_LABELS[document.category]}</Table.Td>
              <Table.Td>
                <StatusBadge document={document} />
              </Table.Td>
              <Table.Td>{document.version}</Table.Td>
              <Table.Td>{day(document.createdAt)}</Table.Td>
              <Table.Td>{day(document.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The open document beside the list (the whole screen on a phone). */
function DocumentDrawer({
  clientId,
  documentId,
  onClose,
  onDeleted,
}: {
  clientId: string;
  documentId: string | null;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  const document = useDocument(clientId, documentId);
  return (
    <Drawer
      opened={documentId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'xl'}
      title={document.data?.title ?? 'Document'}
      closeButtonProps={{ 'aria-label': 'Close the document' }}
    >
      {documentId !== null && (
        <QueryState query={document} label="the document">
          {(detail) => (
            <DocumentDetail
              key={detail.id}
              clientId={clientId}
              document={detail}
              onDeleted={() => onDeleted(detail.id)}
            />
          )}
        </QueryState>
      )}
    </Drawer>
  );
}
