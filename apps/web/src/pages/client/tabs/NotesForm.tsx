import { Group, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { useSaveClientRecord } from '../queries';
import { CONTACT_TYPE_LABELS, type ContactType } from './NotesLabels';

type Note = components['schemas']['NoteResponse'];

const CONTACT_TYPE_OPTIONS = Object.entries(CONTACT_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = ['contactType', 'contactDate', 'body'];

/** Records a contact with the client, or corrects one (`note` given). */
export function NotesForm({ clientId, note, onDone }: { clientId: string; note?: Note; onDone: () => void }) {
  const [contactType, setContactType] = useState<ContactType | null>(note?.contactType ?? null);
  const [contactDate, setContactDate] = useState<string | null>(note?.contactDate ?? dayjs().format('YYYY-MM-DD'));
  const [body, setBody] = useState(note?.body ?? '');

  const save = useSaveClientRecord(
    clientId,
    () => {
      // Left empty, a field goes as '' so the API names it beside the field.
      const fields = { contactType: contactType ?? ('' as ContactType), contactDate: contactDate ?? '', body };
      return note
        ? ok(
            api.PATCH('/api/v1/clients/{clientId}/notes/{id}', {
              params: { path: { clientId, id: note.id } },
              body: fields,
            }),
          )
        : ok(api.POST('/api/v1/clients/{clientId}/notes', { params: { path: { clientId } }, body: fields }));
    },
    onDone,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Contact"
            placeholder="How you were in touch"
            data={CONTACT_TYPE_OPTIONS}
            value={contactType}
            onChange={(value) => setContactType(value as ContactType | null)}
            error={problemsOf(save.error, 'contactType')}
            required
            miw={180}
          />
          <DateInput
            label="Date"
            value={contactDate}
            onChange={setContactDate}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            maxDate={dayjs().format('YYYY-MM-DD')}
            error={problemsOf(save.error, 'contactDate')}
            required
            miw={160}
          />
        </Group>
        <Textarea
          label="Note"
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={problemsOf(save.error, 'body')}
          autosize
          minRows={4}
          maxRows={14}
          required
        />
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {note ? 'Save note' : 'Add note'}
        </FormButtons>
      </Stack>
    </form>
  );
}
