import { Alert, Button, ColorSwatch, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { messageOf } from '../../api/errors';
import { byCursor } from '../../api/queries';
import type { components } from '../../api/schema';
import { upload } from '../../api/upload';
import { saveFile } from '../../components/document-files';
import { FileDrop, UploadStatus, useFileUpload } from '../../components/FileUpload';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { formatDate, type Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import { SentNotice } from './ReportExamForm';

type MyDocument = components['schemas']['DocumentResponse'];
type Category = MyDocument['category'];
type Status = MyDocument['status'];

const MY_DOCUMENTS_KEY = ['me', 'documents'] as const;

/** Where each status stands for the IMG, by colour beside its words. */
const STATUS_COLORS: Record<Status, string> = {
  uploaded: 'gray',
  awaiting_review: 'orange',
  changes_requested: 'red',
  approved: 'green',
};

/** An instant as the IMG reads a date, in their language ("December 5, 2026", "5 de diciembre de 2026"). */
const dateOf = (instant: string, language: Language) => formatDate(dayjs(instant).format('YYYY-MM-DD'), language);

/**
 * The IMG's papers: what they sent and where each stands with their case manager, the case
 * manager's comment with the version it was about, a new version, a download; and sending one more.
 */
export function MyDocuments({ language, t }: { language: Language; t: Messages }) {
  const documents = useInfiniteQuery({
    queryKey: MY_DOCUMENTS_KEY,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/me/documents', { params: { query: { cursor: pageParam } } })),
    ...byCursor,
  });
  const [adding, setAdding] = useState(false);
  const [sent, setSent] = useState(false);

  return (
    <Stack gap="sm">
      <Text size="sm">{t.documentsExplained}</Text>
      <QueryState query={documents} label={t.yourDocuments}>
        {({ pages }) => {
          const items = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text>{t.noDocuments}</Text>
          ) : (
            <List listStyleType="none" spacing="md" aria-label={t.documents}>
              {items.map((document) => (
                <MyDocumentItem key={document.id} document={document} language={language} t={t} />
              ))}
            </List>
          );
        }}
      </QueryState>
      <LoadMoreButton query={documents}>{t.olderDocuments}</LoadMoreButton>
      {sent && <SentNotice t={t} />}
      {adding ? (
        <NewDocumentForm
          t={t}
          onDone={(wasSent) => {
            setAdding(false);
            setSent(wasSent);
          }}
        />
      ) : (
        <Group>
          <Button
            variant="light"
            onClick={() => {
              setAdding(true);
              setSent(false);
            }}
          >
            {t.addDocument}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function MyDocumentItem({ document, language, t }: { document: MyDocument; language: Language; t: Messages }) {
  const [replacing, setReplacing] = useState(false);
  const [sent, setSent] = useState(false);
  const review = document.latestReview;
  // The comment matters most while it is about the version on file and changes are asked for.
  const current = review !== null && review.version === document.version;
  const download = useMutation({
    mutationFn: async () =>
      saveFile(
        await ok(
          api.GET('/api/v1/me/documents/{id}/content', {
            params: { path: { id: document.id }, query: { disposition: 'attachment' } },
            parseAs: 'blob',
          }),
        ),
        document.fileName,
      ),
  });

  return (
    <List.Item data-testid="my-document">
      <Stack gap={6}>
        <div>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {document.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t.documentCategories[document.category]} · {t.documentVersion(document.version)} ·{' '}
            {t.documentAdded(dateOf(document.createdAt, language))}
          </Text>
        </div>
        <Group gap={6} wrap="nowrap" align="center">
          <ColorSwatch
            color={`var(--mantine-color-${STATUS_COLORS[document.status]}-6)`}
            size={10}
            withShadow={false}
            aria-hidden="true"
          />
          <Text size="sm" fw={600} data-testid="my-document-status">
            {t.documentStatuses[document.status]}
          </Text>
        </Group>
        {review !== null && (review.comment || review.decision === 'changes_requested') && (
          <Alert
            color={current && review.decision === 'changes_requested' ? 'orange' : 'gray'}
            title={
              review.decision === 'changes_requested'
                ? t.changesRequestedOn(review.version)
                : t.approvedOn(review.version)
            }
            data-testid="my-document-review"
          >
            {review.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {review.comment}
              </Text>
            )}
            <Text size="xs" mt={4}>
              {t.reviewedBy(review.reviewerName ?? t.yourCaseManager, dateOf(review.createdAt, language))}
            </Text>
          </Alert>
        )}
        {download.error != null && (
          <Alert color="red" role="alert" title={t.notDownloaded}>
            {messageOf(download.error, t.unreachable)}
          </Alert>
        )}
        {sent && <SentNotice t={t} />}
        {replacing ? (
          <NewVersionForm
            document={document}
            t={t}
            onDone={(wasSent) => {
              setReplacing(false);
              setSent(wasSent);
            }}
          />
        ) : (
          <Group gap="xs" wrap="wrap">
            <Button
              size="compact-sm"
              variant={document.status === 'changes_requested' ? 'filled' : 'light'}
              onClick={() => {
                setReplacing(true);
                setSent(false);
              }}
            >
              {t.uploadNewVersion}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              loading={download.isPending}
              onClick={() => download.mutate()}
              aria-label={t.downloadOf(document.title)}
            >
              {t.download}
            </Button>
          </Group>
        )}
      </Stack>
    </List.Item>
  );
}

/** After an upload: the list again, for the new document or its new status. */
function useRefreshMyDocuments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: MY_DOCUMENTS_KEY });
}

function NewDocumentForm({ t, onDone }: { t: Messages; onDone: (sent: boolean) => void }) {
  const refresh = useRefreshMyDocuments();
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState<Category | null>(null);
  const [title, setTitle] = useState('');
  /** Fields left empty at the last try: said in the reader's language before anything is sent. */
  const [missing, setMissing] = useState<string[]>([]);
  const sending = useFileUpload(
    (chosen, onProgress, signal) =>
      upload('/api/v1/me/documents', {
        params: {},
        fields: { category: category as Category, title: title.trim() || undefined },
        file: chosen,
        onProgress,
        signal,
      }),
    async () => {
      await refresh();
      onDone(true);
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [...(category === null ? ['category'] : []), ...(file === null ? ['file'] : [])];
    setMissing(empty);
    if (file !== null && empty.length === 0) sending.start(file);
  };
  const categories = (Object.keys(t.documentCategories) as Category[]).map((value) => ({
    value,
    label: t.documentCategories[value],
  }));

  return (
    <form onSubmit={submit} noValidate aria-label={t.addDocument}>
      <Stack gap="sm">
        <Select
          label={t.documentCategory}
          placeholder={t.documentCategoryPlaceholder}
          data={categories}
          value={category}
          onChange={(value) => setCategory(value as Category | null)}
          error={missing.includes('category') && category === null ? t.required : undefined}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t.documentTitle}
          description={t.documentTitleHint}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={200}
        />
        <FileDrop
          file={file}
          onFile={(chosen) => {
            setFile(chosen);
            sending.reset();
          }}
          words={t.upload}
          disabled={sending.uploading}
          label={t.documentFile}
        />
        <UploadFormEnd
          t={t}
          sending={sending}
          fileMissing={missing.includes('file') && file === null}
          submit={t.send}
          onCancel={() => onDone(false)}
        />
      </Stack>
    </form>
  );
}

function NewVersionForm({
  document,
  t,
  onDone,
}: {
  document: MyDocument;
  t: Messages;
  onDone: (sent: boolean) => void;
}) {
  const refresh = useRefreshMyDocuments();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const sending = useFileUpload(
    (chosen, onProgress, signal) =>
      upload('/api/v1/me/documents/{id}/versions', {
        params: { id: document.id },
        fields: {},
        file: chosen,
        onProgress,
        signal,
      }),
    async () => {
      await refresh();
      onDone(true);
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(file === null);
    if (file !== null) sending.start(file);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t.newVersionOf(document.title)}>
      <Stack gap="sm">
        <FileDrop
          file={file}
          onFile={(chosen) => {
            setFile(chosen);
            setMissing(false);
            sending.reset();
          }}
          words={t.upload}
          disabled={sending.uploading}
          label={t.newVersionOf(document.title)}
        />
        <UploadFormEnd
          t={t}
          sending={sending}
          fileMissing={missing}
          submit={t.sendNewVersion}
          onCancel={() => onDone(false)}
        />
      </Stack>
    </form>
  );
}

/** The end of an upload form: "choose a file first", the upload's progress, send and cancel. */
function UploadFormEnd({
  t,
  sending,
  fileMissing,
  submit,
  onCancel,
}: {
  t: Messages;
  sending: ReturnType<typeof useFileUpload>;
  fileMissing: boolean;
  submit: string;
  onCancel: () => void;
}) {
  return (
    <>
      {fileMissing && (
        <Text size="sm" c="red.9" role="alert">
          {t.chooseFileFirst}
        </Text>
      )}
      <UploadStatus upload={sending} words={t.upload} />
      <Group gap="sm">
        <Button type="submit" loading={sending.uploading}>
          {submit}
        </Button>
        <Button variant="default" onClick={onCancel} disabled={sending.uploading}>
          {t.cancel}
        </Button>
      </Group>
    </>
  );
}
