import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { upload } from '../../../api/upload';
import { FileDrop, UploadStatus, useFileUpload } from '../../../components/FileUpload';
import { ENGLISH_UPLOAD_WORDS } from '../../../components/upload-words';
import { optionsOf } from '../labels';
import { useRefreshClient } from '../queries';
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from './DocumentsLabels';

const CATEGORY_OPTIONS = optionsOf(DOCUMENT_CATEGORY_LABELS);

/** A new document for the client: the file (dropped or picked), its category and an optional title. */
export function DocumentUploadForm({ clientId }: { clientId: string }) {
  const refresh = useRefreshClient(clientId);
  const [file, setFile] = useState<File | null>(null);
  const [category, setCategory] = useState<DocumentCategory | null>(null);
  const [title, setTitle] = useState('');
  /** Fields left empty at the last try, said beside them before anything is sent. */
  const [missing, setMissing] = useState<string[]>([]);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const sending = useFileUpload(
    (chosen, onProgress, signal) =>
      upload('/api/v1/clients/{clientId}/documents', {
        params: { clientId },
        fields: { category: category as DocumentCategory, title: title.trim() || undefined },
        file: chosen,
        onProgress,
        signal,
      }),
    async (document) => {
      await refresh();
      setFile(null);
      setTitle('');
      setCategory(null);
      setUploaded(document.title);
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [...(file === null ? ['file'] : []), ...(category === null ? ['category'] : [])];
    setMissing(empty);
    setUploaded(null);
    if (file !== null && empty.length === 0) sending.start(file);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Upload a document">
      <Stack gap="sm">
        <FileDrop
          file={file}
          onFile={(chosen) => {
            setFile(chosen);
            setUploaded(null);
            sending.reset();
          }}
          words={ENGLISH_UPLOAD_WORDS}
          disabled={sending.uploading}
          label="File to upload"
        />
        {missing.includes('file') && file === null && (
          <Alert color="red" role="alert" title="No file chosen">
            Drop a file on the box above or choose one.
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Category"
            placeholder="What the document is"
            data={CATEGORY_OPTIONS}
            value={category}
            onChange={(value) => setCategory(value as DocumentCategory | null)}
            error={missing.includes('category') && category === null ? 'Choose a category.' : undefined}
            required
            searchable
            miw={200}
          />
          <TextInput
            label="Title"
            description="Optional: the file name is used otherwise"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            maxLength={200}
            miw={200}
          />
        </Group>
        <UploadStatus upload={sending} words={ENGLISH_UPLOAD_WORDS} />
        {uploaded !== null && (
          <Alert color="green" role="status" title="Uploaded">
            “{uploaded}” is in the list below.
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={sending.uploading}>
            Upload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
