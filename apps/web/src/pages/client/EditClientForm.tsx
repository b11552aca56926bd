import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import type { components } from '../../api/schema';
import { FormError } from '../../components/FormError';
import { CLIENT_FORM_FIELDS, ClientFields, clientBodyOf, formValuesOf, type ClientFormValues } from './ClientFields';
import { useFormState } from './form-state';
import { CLIENT_STATUS_LABELS, optionsOf } from './labels';
import { useRefreshClient } from './queries';
import type { ClientDetail } from './tab-props';

type UpdateBody = components['schemas']['UpdateClientDto'];
type Status = ClientDetail['status'];

interface EditValues extends ClientFormValues {
  status: Status;
  closedReason: string;
}

/**
 * The client record's details, saved with If-Match on the version this form was opened from:
 * if someone changed the client meanwhile the API answers 412 and nothing is overwritten.
 * Only the fields changed here are sent, so the audit log and the other person's change stay
 * apart.
 */
export function EditClientForm({
  client,
  onSaved,
  onCancel,
  onReload,
}: {
  client: ClientDetail;
  onSaved: () => void;
  onCancel: () => void;
  /** After a 412: read the client again (the form then opens on the new version). */
  onReload: () => void;
}) {
  const initial: EditValues = { ...formValuesOf(client), status: client.status, closedReason: '' };
  const { values, set } = useFormState<EditValues>(initial);
  const refresh = useRefreshClient(client.id);
  const save = useMutation({
    // careerGoal goes with every change: the typed body requires it (it has a default).
    mutationFn: (body: UpdateBody) =>
      ok(
        api.PATCH('/api/v1/clients/{id}', {
          params: { path: { id: client.id }, header: { 'If-Match': `"${client.version}"` } },
          body,
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onSaved();
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const changes = changesOf(initial, values);
    // Nothing changed: no write, so no new version for someone else to trip over.
    if (Object.keys(changes).length === 0) onSaved();
    else save.mutate({ ...changes, careerGoal: values.careerGoal });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Edit client details">
      <Stack>
        <FormError error={save.error} fields={[...CLIENT_FORM_FIELDS, 'status', 'closedReason']} onReload={onReload} />
        <ClientFields
          values={values}
          set={(field) => (value) => set(field)(value as EditValues[typeof field])}
          error={save.error}
          centerId={client.centerId}
          showImmigrationStatus={'immigrationStatus' in client}
        />
        <Fieldset legend="Status">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={optionsOf(CLIENT_STATUS_LABELS)}
              value={values.status}
              onChange={(value) => value && set('status')(value as Status)}
              allowDeselect={false}
              error={problemsOf(save.error, 'status')}
            />
            {values.status === 'closed' && client.status !== 'closed' && (
              <Textarea
                label="Reason for closing"
                required
                autosize
                minRows={2}
                value={values.closedReason}
                onChange={(event) => set('closedReason')(event.currentTarget.value)}
                error={problemsOf(save.error, 'closedReason')}
              />
            )}
          </SimpleGrid>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The fields whose value the person changed, as the API takes them. */
function changesOf(initial: EditValues, values: EditValues): Partial<UpdateBody> {
  const before = clientBodyOf(initial) as Record<string, unknown>;
  const after = clientBodyOf(values) as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // A field the form emptied that the API defaults (intake date) is left as it was.
    if (!(key in after)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  if (values.status !== initial.status) {
    changed.status = values.status;
    if (values.status === 'closed') changed.closedReason = values.closedReason.trim();
  }
  return changed as Partial<UpdateBody>;
}
