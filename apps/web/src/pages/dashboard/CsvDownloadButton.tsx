import { Alert, Button, Stack, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { messageOf } from '../../api/errors';
import { downloadCsv, type BlobCall } from './download-csv';

/** "Download CSV" for one report, with the filters on screen; a failure is said beside the button. */
export function CsvDownloadButton({
  what,
  call,
  fallbackName,
}: {
  what: string;
  call: BlobCall;
  fallbackName: string;
}) {
  const download = useMutation({ mutationFn: () => downloadCsv(call, fallbackName) });
  return (
    <Stack gap={4} align="flex-end">
      <Button size="xs" variant="light" loading={download.isPending} onClick={() => download.mutate()}>
        Download CSV<VisuallyHidden> of {what}</VisuallyHidden>
      </Button>
      {download.isError && (
        <Alert color="red" role="alert" p="xs" title="Download failed">
          {messageOf(download.error)}
        </Alert>
      )}
    </Stack>
  );
}
