import { Alert, Button, Stack } from '@mantine/core';
import { ApiError, messageOf } from '../api/errors';
import { useUiWords } from './ui-words';

/**
 * A form's failure that no single field owns: the API's message, or for a 412 (the record changed
 * since it was read) what happened and a way to see the other person's change.
 * Problems the API named per field go beside those fields (`problemsOf`), not here.
 */
export function FormError({
  error,
  fields = [],
  onReload = () => window.location.reload(),
}: {
  error: unknown;
  /** The fields the form shows beside their inputs. */
  fields?: string[];
  /** After a 412: fetch the record again (the client page refetches the client). */
  onReload?: () => void;
}) {
  const words = useUiWords();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 412) {
    return (
      <Alert color="orange" role="alert" title="Someone else changed this client">
        <Stack gap="xs" align="flex-start">
          Your change was not saved, so theirs is not lost. Reload to see the client as it is now, then make your change
          again.
          <Button size="xs" variant="light" color="orange" onClick={onReload}>
            Reload
          </Button>
        </Stack>
      </Alert>
    );
  }
  // Every problem sits beside a field the form shows: nothing more to say up here.
  if (error instanceof ApiError && error.fields.length > 0 && error.fields.every((f) => fields.includes(f.field)))
    return null;
  return (
    <Alert color="red" role="alert" title={words.notSaved}>
      {messageOf(error, words.unreachable)}
    </Alert>
  );
}
