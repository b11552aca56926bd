import { Alert, Box, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ApiError } from '../api/errors';
import { isAbort } from '../api/upload';
import { ACCEPTED_FILES, formatSize } from './document-files';
import type { UploadWords } from './upload-words';

/**
 * Where a file is chosen: dropped on the zone with a mouse, or picked with its button (a real
 * button, so the keyboard and a phone's camera or files reach it). The file chosen is said aloud.
 */
export function FileDrop({
  file,
  onFile,
  words,
  disabled = false,
  label,
}: {
  file: File | null;
  onFile: (file: File) => void;
  words: UploadWords;
  disabled?: boolean;
  /** The zone's name for screen readers ("File for the new version"). */
  label: string;
}) {
  const [over, setOver] = useState(false);
  const dragging = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (!disabled && dropped) onFile(dropped);
  };
  return (
    <Box
      role="group"
      aria-label={label}
      data-testid="file-drop"
      data-over={over || undefined}
      onDragEnter={dragging}
      onDragOver={dragging}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      p="md"
      style={{
        border: `2px dashed var(--mantine-color-${over ? 'blue-7' : 'gray-5'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap={6} align="flex-start">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" visibleFrom="sm">
            {words.dropHere}
          </Text>
          <FileButton onChange={(picked) => picked && onFile(picked)} accept={ACCEPTED_FILES} disabled={disabled}>
            {(props) => (
              <Button {...props} variant="light" size="sm" disabled={disabled}>
                {file ? words.chooseAnother : words.chooseFile}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="sm" fw={file ? 600 : undefined} aria-live="polite" style={{ overflowWrap: 'anywhere' }}>
          {file ? words.chosen(file.name, formatSize(file.size, words.locale)) : words.noFileChosen}
        </Text>
        <Text size="xs" c="dimmed">
          {words.fileTypes}
        </Text>
      </Stack>
    </Box>
  );
}

/** An upload under way: its progress (0 to 1), cancel, and once done its answer or refusal. */
export function useFileUpload<T>(
  send: (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<T>,
  onUploaded: (answer: T) => unknown,
) {
  const [progress, setProgress] = useState(0);
  const controller = useRef<AbortController | null>(null);
  // Leaving the screen stops an upload still running.
  useEffect(() => () => controller.current?.abort(), []);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      controller.current = new AbortController();
      setProgress(0);
      return send(file, setProgress, controller.current.signal);
    },
    onSuccess: onUploaded,
  });
  return {
    start: (file: File) => mutation.mutate(file),
    cancel: () => controller.current?.abort(),
    reset: mutation.reset,
    uploading: mutation.isPending,
    progress,
    error: mutation.error,
  };
}

export type FileUploadState = ReturnType<typeof useFileUpload>;

/** The progress bar while the file goes, with a way to stop it; afterwards, why it did not go. */
export function UploadStatus({ upload, words }: { upload: FileUploadState; words: UploadWords }) {
  if (upload.uploading) {
    const percent = Math.round(upload.progress * 100);
    const sent = percent >= 100;
    return (
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" aria-live="polite">
            {sent ? words.checking : words.uploading(percent)}
          </Text>
          <Button size="compact-sm" variant="subtle" color="red" onClick={upload.cancel}>
            {words.cancel}
          </Button>
        </Group>
        <Progress value={percent} aria-label={words.progress} animated={sent} size="lg" />
      </Stack>
    );
  }
  if (!upload.error) return null;
  if (isAbort(upload.error)) {
    return (
      <Text size="sm" role="status">
        {words.cancelled}
      </Text>
    );
  }
  const { title, message } = refusal(upload.error, words);
  return (
    <Alert color="red" role="alert" title={title} data-testid="upload-refusal">
      {message}
    </Alert>
  );
}

const MEDIA_TYPE = /^[a-z]+\/[\w.+-]+/;

/** The refusal in words: a 413 or 415 said as such, with what the API found (the limit, what the bytes are). */
function refusal(error: unknown, words: UploadWords): { title: string; message: string } {
  if (!(error instanceof ApiError)) return { title: words.notUploaded, message: words.unreachable };
  const { maxBytes, found } = error.details;
  if (error.status === 413) {
    const detail = typeof maxBytes === 'number' ? words.tooLargeDetail?.(formatSize(maxBytes, words.locale)) : null;
    return { title: words.tooLarge, message: detail ?? error.message };
  }
  if (error.status === 415) {
    // "image/gif (.gif)" reads in any language; "no known file type (…)" is English, left out.
    const named = typeof found === 'string' && MEDIA_TYPE.test(found) ? found : null;
    return { title: words.typeNotAccepted, message: words.typeNotAcceptedDetail?.(named) ?? error.message };
  }
  return { title: words.notUploaded, message: error.message };
}
