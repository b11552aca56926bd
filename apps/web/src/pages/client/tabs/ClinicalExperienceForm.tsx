import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { DateField } from '../DateField';
import { blankToNull, numberOrNull, useFormState } from '../form-state';
import { EXPERIENCE_KIND_LABELS, EXPERIENCE_STATUS_LABELS, optionsOf } from '../labels';
import { useSaveClientRecord } from '../queries';

type Experience = components['schemas']['ClinicalExperienceResponse'];
type ExperienceBody = components['schemas']['CreateClinicalExperienceDto'];

interface ExperienceValues {
  kind: Experience['kind'];
  status: Experience['status'];
  institution: string;
  specialty: string;
  city: string;
  state: string;
  startDate: string | null;
  endDate: string | null;
  hours: number | string;
  handsOn: boolean;
  supervisor: string;
  letterRequestedAt: string | null;
  letterReceivedAt: string | null;
}

const FIELDS: (keyof ExperienceBody)[] = [
  'kind',
  'status',
  'institution',
  'specialty',
  'city',
  'state',
  'startDate',
  'endDate',
  'hours',
  'handsOn',
  'supervisor',
  'letterRequestedAt',
  'letterReceivedAt',
];

const valuesOf = (x: Experience | null): ExperienceValues => ({
  kind: x?.kind ?? 'observership',
  status: x?.status ?? 'planned',
  institution: x?.institution ?? '',
  specialty: x?.specialty ?? '',
  city: x?.city ?? '',
  state: x?.state ?? '',
  startDate: x?.startDate ?? null,
  endDate: x?.endDate ?? null,
  hours: x?.hours ?? '',
  handsOn: x?.handsOn ?? false,
  supervisor: x?.supervisor ?? '',
  letterRequestedAt: x?.letterRequestedAt ?? null,
  letterReceivedAt: x?.letterReceivedAt ?? null,
});

const bodyOf = (v: ExperienceValues): ExperienceBody => ({
  kind: v.kind,
  status: v.status,
  institution: v.institution.trim(),
  specialty: blankToNull(v.specialty),
  city: blankToNull(v.city),
  state: blankToNull(v.state.toUpperCase()),
  startDate: v.startDate,
  endDate: v.endDate,
  hours: numberOrNull(v.hours),
  handsOn: v.handsOn,
  supervisor: blankToNull(v.supervisor),
  letterRequestedAt: v.letterRequestedAt,
  letterReceivedAt: v.letterReceivedAt,
});

/** Adds a clinical experience, or changes one (`experience` given). */
export function ClinicalExperienceForm({
  clientId,
  experience,
  onDone,
}: {
  clientId: string;
  experience: Experience | null;
  onDone: () => void;
}) {
  const { values, set } = useFormState(() => valuesOf(experience));
  const save = useSaveClientRecord(
    clientId,
    (body: ExperienceBody) =>
      experience === null
        ? ok(api.POST('/api/v1/clients/{clientId}/clinical-experiences', { params: { path: { clientId } }, body }))
        : ok(
            api.PATCH('/api/v1/clients/{clientId}/clinical-experiences/{id}', {
              params: { path: { clientId, id: experience.id } },
              body,
            }),
          ),
    onDone,
  );
  const problems = (field: keyof ExperienceBody) => problemsOf(save.error, field);
  const text = (field: 'institution' | 'specialty' | 'city' | 'state' | 'supervisor') => ({
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field)(event.currentTarget.value),
    error: problems(field),
  });

  return (
    <form
      noValidate
      aria-label={experience ? 'Edit clinical experience' : 'Add clinical experience'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(bodyOf(values));
      }}
    >
      <Stack>
        <FormError error={save.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Kind"
            required
            data={optionsOf(EXPERIENCE_KIND_LABELS)}
            value={values.kind}
            onChange={(value) => value && set('kind')(value as Experience['kind'])}
            allowDeselect={false}
            error={problems('kind')}
          />
          <Select
            label="Status"
            required
            data={optionsOf(EXPERIENCE_STATUS_LABELS)}
            value={values.status}
            onChange={(value) => value && set('status')(value as Experience['status'])}
            allowDeselect={false}
            error={problems('status')}
          />
          <TextInput label="Institution" required {...text('institution')} />
          <TextInput label="Specialty" {...text('specialty')} />
          <TextInput label="City" {...text('city')} />
          <TextInput label="State" description="Two-letter code, e.g. CO" maxLength={2} {...text('state')} />
          <DateField
            label="Start date"
            value={values.startDate}
            onChange={set('startDate')}
            error={problems('startDate')}
          />
          <DateField label="End date" value={values.endDate} onChange={set('endDate')} error={problems('endDate')} />
          <NumberInput
            label="Hours"
            value={values.hours}
            onChange={set('hours')}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            error={problems('hours')}
          />
          <TextInput label="Supervisor" {...text('supervisor')} />
        </SimpleGrid>
        <Checkbox
          label="Hands-on (not only observing)"
          checked={values.handsOn}
          onChange={(event) => set('handsOn')(event.currentTarget.checked)}
          error={problems('handsOn')}
        />
        <Fieldset legend="Letter of recommendation">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label="Requested"
              value={values.letterRequestedAt}
              onChange={set('letterRequestedAt')}
              error={problems('letterRequestedAt')}
            />
            <DateField
              label="Received"
              value={values.letterReceivedAt}
              onChange={set('letterReceivedAt')}
              error={problems('letterReceivedAt')}
            />
          </SimpleGrid>
        </Fieldset>
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {experience ? 'Save experience' : 'Add experience'}
        </FormButtons>
      </Stack>
    </form>
  );
}
