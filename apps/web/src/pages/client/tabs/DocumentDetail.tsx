import { Alert, Badge, Button, Card, Divider, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { accepted, api } from '../../../api/client';
import { messageOf } from '../../../api/errors';
import { upload } from '../../../api/upload';
import { DeleteRecordButton } from '../../../components/DeleteRecordButton';
import { formatSize, previewKindOf, saveFile } from '../../../components/document-files';
import { FileDrop, UploadStatus, useFileUpload } from '../../../components/FileUpload';
import { ENGLISH_UPLOAD_WORDS } from '../../../components/upload-words';
import { useRefreshClient } from '../queries';
import { DocumentPreview } from './DocumentPreview';
import { DocumentReviewForm } from './DocumentReviewForm';
import {
  DOCUMENT_CATEGORY_LABELS,
  DOCUMENT_STATUS_COLORS,
  DOCUMENT_STATUS_LABELS,
  REVIEW_DECISION_LABELS,
} from './DocumentsLabels';
import { fetchDocumentBytes, type DocumentDetail as Detail } from './DocumentsQueries';

const day = (instant: string) => dayjs(instant).format('D MMM YYYY');

/**
 * One document, for the staff who work the case: the preview of a version (the latest first),
 * the review of the latest version and every review before, each version to download or show,
 * a new version, and deleting it.
 */
export function DocumentDetail({
  clientId,
  document,
  onDeleted,
}: {
  clientId: string;
  document: Detail;
  /** After the deletion, before the client's data is fetched again: the drawer closes (a synchronous render). */
  onDeleted: () => void;
}) {
  const [shown, setShown] = useState(document.version);
  const shownVersion = document.versions.find((v) => v.version === shown) ?? document.versions[0];
  const download = useMutation({
    mutationFn: async (version: Detail['versions'][number]) =>
      saveFile(await fetchDocumentBytes(clientId, document.id, version.version, 'attachment'), version.fileName),
  });

  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        <Badge variant="dot" color={DOCUMENT_STATUS_COLORS[document.status]} data-testid="document-status">
          {DOCUMENT_STATUS_LABELS[document.status]}
        </Badge>
        <Text size="sm">
          {DOCUMENT_CATEGORY_LABELS[document.category]} · version {document.version} ·{' '}
          {document.uploadedByClient ? 'uploaded by the IMG' : 'uploaded by staff'}
        </Text>
      </Group>

      <section aria-labelledby="document-preview-heading">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title id="document-preview-heading" order={3} size="h5">
            Version {shownVersion.version}: {shownVersion.fileName}
          </Title>
          <Button size="xs" variant="default" onClick={() => download.mutate(shownVersion)}>
            Download
          </Button>
        </Group>
        <DocumentPreview
          // A new preview per version: the previous one's blob: URL goes with it.
          key={shownVersion.version}
          clientId={clientId}
          documentId={document.id}
          version={shownVersion.version}
          contentType={shownVersion.contentType}
          name={`${document.title}, version ${shownVersion.version}`}
        />
      </section>

      <section aria-labelledby="document-review-heading">
        <Title id="document-review-heading" order={3} size="h5" mb="xs">
          Review of version {document.version}
        </Title>
        <DocumentReviewForm
          key={`${document.version}-${document.reviews.length}`}
          clientId={clientId}
          documentId={document.id}
          version={document.version}
        />
      </section>

      <section aria-labelledby="document-reviews-heading">
        <Title id="document-reviews-heading" order={3} size="h5" mb="xs">
          Review history
        </Title>
        {document.reviews.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not reviewed yet.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Reviews">
            {document.reviews.map((review) => (
              <Card key={review.id} withBorder component="li" padding="sm" data-testid="document-review">
                <Group gap="xs" wrap="wrap">
                  <Badge variant="dot" color={review.decision === 'approved' ? 'green' : 'red'}>
                    {REVIEW_DECISION_LABELS[review.decision]}
                  </Badge>
                  <Text size="sm">
                    Version {review.version} · {review.reviewerName ?? 'a former staff member'} ·{' '}
                    {day(review.createdAt)}
                  </Text>
                </Group>
                {review.comment && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {review.comment}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="document-versions-heading">
        <Title id="document-versions-heading" order={3} size="h5" mb="xs">
          Versions
        </Title>
        {download.error != null && (
          <Alert color="red" role="alert" title="Not downloaded" mb="xs">
            {messageOf(download.error)}
          </Alert>
        )}
        <List listStyleType="none" spacing="xs" aria-label="Versions">
          {document.versions.map((version) => (
            <List.Item key={version.id} data-testid="document-version">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text span fw={600}>
                    Version {version.version}
                  </Text>{' '}
                  · {version.fileName} · {formatSize(version.sizeBytes)} · {day(version.createdAt)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {previewKindOf(version.contentType) !== null && version.version !== shownVersion.version && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setShown(version.version)}
                      aria-label={`Show version ${version.version}`}
                    >
                      Show
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    loading={download.isPending && download.variables?.id === version.id}
                    onClick={() => download.mutate(version)}
                    aria-label={`Download version ${version.version}`}
                  >
                    Download
                  </Button>
                </Group>
              </Group>
            </List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="document-new-version-heading">
        <Title id="document-new-version-heading" order={3} size="h5" mb="xs">
          Upload a new version
        </Title>
        <NewVersionForm clientId={clientId} documentId={document.id} onUploaded={(version) => setShown(version)} />
      </section>

      <Divider />
      <Group justify="flex-end">
        <DeleteRecordButton
          size="sm"
          clientId={clientId}
          what={`the document “${document.title}”`}
          title="Delete this document?"
          message={`“${document.title}” will be removed from the client’s record with its ${document.versions.length} version(s) and its reviews. The audit log keeps that it was deleted.`}
          confirmLabel="Delete document"
          remove={async () => {
            await accepted(
              api.DELETE('/api/v1/clients/{clientId}/documents/{id}', {
                params: { path: { clientId, id: document.id } },
              }),
            );
            // Closed before the client's data is fetched again, so the gone document is not asked for.
            flushSync(onDeleted);
          }}
        />
      </Group>
    </Stack>
  );
}

/** The next version of the document: staff's goes in as "added by staff", nothing to review. */
function NewVersionForm({
  clientId,
  documentId,
  onUploaded,
}: {
  clientId: string;
  documentId: string;
  onUploaded: (version: number) => void;
}) {
  const refresh = useRefreshClient(clientId);
  const [file, setFile] = useState<File | null>(null);
  const sending = useFileUpload(
    (chosen, onProgress, signal) =>
      upload('/api/v1/clients/{clientId}/documents/{id}/versions', {
        params: { clientId, id: documentId },
        fields: {},
        file: chosen,
        onProgress,
        signal,
      }),
    async (document) => {
      await refresh();
      setFile(null);
      onUploaded(document.version);
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file !== null) sending.start(file);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Upload a new version">
      <Stack gap="sm">
        <FileDrop
          file={file}
          onFile={(chosen) => {
            setFile(chosen);
            sending.reset();
          }}
          words={ENGLISH_UPLOAD_WORDS}
          disabled={sending.uploading}
          label="File for the new version"
        />
        <UploadStatus upload={sending} words={ENGLISH_UPLOAD_WORDS} />
        <Group>
          <Button type="submit" variant="light" loading={sending.uploading} disabled={file === null}>
            Upload new version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
