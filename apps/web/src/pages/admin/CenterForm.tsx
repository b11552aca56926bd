import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { centersKey } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { FormButtons } from '../../components/FormButtons';
import type { Center } from './admin-queries';
import { timeZoneChoices } from './time-zones';

const FIELDS = ['name', 'hostInstitution', 'slug', 'city', 'state', 'timeZone'];

/** Creates a center, or edits `center`. */
export function CenterForm({ center, onDone }: { center?: Center; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(center?.name ?? '');
  const [hostInstitution, setHostInstitution] = useState(center?.hostInstitution ?? '');
  const [slug, setSlug] = useState(center?.slug ?? '');
  const [city, setCity] = useState(center?.city ?? '');
  const [state, setState] = useState(center?.state ?? '');
  const [timeZone, setTimeZone] = useState(center?.timeZone ?? '');

  const save = useMutation({
    mutationFn: () => {
      // An empty slug asks the API to make one from the name.
      const body = { name, hostInstitution, city, state, timeZone, slug: slug.trim() || undefined };
      if (!center) return ok(api.POST('/api/v1/centers', { body }));
      // Only what changed: a time zone sent at all re-plans every reminder of the center.
      const changes = Object.fromEntries(
        Object.entries(body).filter(([field, value]) => value !== center[field as keyof typeof body]),
      );
      return ok(api.PATCH('/api/v1/centers/{id}', { params: { path: { id: center.id } }, body: changes }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: centersKey });
      onDone();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={center ? `Edit ${center.name}` : 'New center'}>
      <Stack>
        <FormError error={save.error} fields={FIELDS} />
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problemsOf(save.error, 'name')}
          data-autofocus
        />
        <TextInput
          label="Host institution"
          required
          value={hostInstitution}
          onChange={(e) => setHostInstitution(e.currentTarget.value)}
          error={problemsOf(save.error, 'hostInstitution')}
        />
        <TextInput
          label="Slug"
          description={center ? 'The center’s stable key' : 'Made from the name when left empty'}
          value={slug}
          onChange={(e) => setSlug(e.currentTarget.value)}
          error={problemsOf(save.error, 'slug')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="City"
            required
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={problemsOf(save.error, 'city')}
          />
          <TextInput
            label="State"
            description="Two-letter code, such as IL"
            required
            maxLength={2}
            value={state}
            onChange={(e) => setState(e.currentTarget.value.toUpperCase())}
            error={problemsOf(save.error, 'state')}
          />
        </SimpleGrid>
        <Select
          label="Time zone"
          description="Reminders go out at 09:00 in this zone"
          required
          searchable
          nothingFoundMessage="No such time zone"
          data={timeZoneChoices(timeZone)}
          value={timeZone || null}
          onChange={(value) => setTimeZone(value ?? '')}
          error={problemsOf(save.error, 'timeZone')}
          comboboxProps={{ withinPortal: true }}
        />
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {center ? 'Save center' : 'Create center'}
        </FormButtons>
      </Stack>
    </form>
  );
}
