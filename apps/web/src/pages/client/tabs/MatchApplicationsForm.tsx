import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { DateField } from '../DateField';
import { blankToNull, numberOrNull, useFormState } from '../form-state';
import { MATCH_RESULT_LABELS, optionsOf, VISA_LABELS } from '../labels';
import { useSaveClientRecord } from '../queries';

type Application = components['schemas']['MatchApplicationResponse'];
type ApplicationBody = components['schemas']['CreateMatchApplicationDto'];
type Visa = NonNullable<Application['visa']>;

interface ApplicationValues {
  season: number | string;
  result: Application['result'];
  erasSubmittedAt: string | null;
  programsApplied: number | string;
  nrmpId: string;
  nrmpRegisteredAt: string | null;
  interviewsOffered: number | string;
  interviewsAttended: number | string;
  rankListCertifiedAt: string | null;
  specialties: string[];
  matchedProgram: string;
  matchedSpecialty: string;
  matchedState: string;
  startDate: string | null;
  visa: Visa | null;
  residencyBegan: boolean;
}

const FIELDS: (keyof ApplicationBody)[] = [
  'season',
  'result',
  'erasSubmittedAt',
  'programsApplied',
  'nrmpId',
  'nrmpRegisteredAt',
  'interviewsOffered',
  'interviewsAttended',
  'rankListCertifiedAt',
  'specialties',
  'matchedProgram',
  'matchedSpecialty',
  'matchedState',
  'startDate',
  'visa',
  'residencyBegan',
];

/** The Match under way: applications open in June for the next year's Match (in March). */
function seasonUnderWay(today = new Date()): number {
  return today.getMonth() >= 5 ? today.getFullYear() + 1 : today.getFullYear();
}

const valuesOf = (a: Application | null): ApplicationValues => ({
  season: a?.season ?? seasonUnderWay(),
  result: a?.result ?? 'pending',
  erasSubmittedAt: a?.erasSubmittedAt ?? null,
  programsApplied: a?.programsApplied ?? '',
  nrmpId: a?.nrmpId ?? '',
  nrmpRegisteredAt: a?.nrmpRegisteredAt ?? null,
  interviewsOffered: a?.interviewsOffered ?? '',
  interviewsAttended: a?.interviewsAttended ?? '',
  rankListCertifiedAt: a?.rankListCertifiedAt ?? null,
  specialties: a?.specialties ?? [],
  matchedProgram: a?.matchedProgram ?? '',
  matchedSpecialty: a?.matchedSpecialty ?? '',
  matchedState: a?.matchedState ?? '',
  startDate: a?.startDate ?? null,
  visa: a?.visa ?? null,
  residencyBegan: a?.residencyBegan ?? false,
});

const bodyOf = (v: ApplicationValues): ApplicationBody => ({
  season: numberOrNull(v.season) as number,
  result: v.result,
  erasSubmittedAt: v.erasSubmittedAt,
  programsApplied: numberOrNull(v.programsApplied),
  nrmpId: blankToNull(v.nrmpId),
  nrmpRegisteredAt: v.nrmpRegisteredAt,
  interviewsOffered: numberOrNull(v.interviewsOffered),
  interviewsAttended: numberOrNull(v.interviewsAttended),
  rankListCertifiedAt: v.rankListCertifiedAt,
  specialties: v.specialties,
  matchedProgram: blankToNull(v.matchedProgram),
  matchedSpecialty: blankToNull(v.matchedSpecialty),
  matchedState: blankToNull(v.matchedState.toUpperCase()),
  startDate: v.startDate,
  visa: v.visa,
  residencyBegan: v.residencyBegan,
});

/** Adds the application of a Match season (one per season), or changes one (`application` given). */
export function MatchApplicationsForm({
  clientId,
  application,
  onDone,
}: {
  clientId: string;
  application: Application | null;
  onDone: () => void;
}) {
  const { values, set } = useFormState(() => valuesOf(application));
  const save = useSaveClientRecord(
    clientId,
    (body: ApplicationBody) => {
      if (application === null)
        return ok(api.POST('/api/v1/clients/{clientId}/match-applications', { params: { path: { clientId } }, body }));
      const { season: _season, ...update } = body;
      return ok(
        api.PATCH('/api/v1/clients/{clientId}/match-applications/{id}', {
          params: { path: { clientId, id: application.id } },
          body: update,
        }),
      );
    },
    onDone,
  );
  const problems = (field: keyof ApplicationBody) => problemsOf(save.error, field);
  const count = (field: 'programsApplied' | 'interviewsOffered' | 'interviewsAttended', label: string) => (
    <NumberInput
      label={label}
      value={values[field]}
      onChange={set(field)}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      error={problems(field)}
    />
  );
  const text = (field: 'nrmpId' | 'matchedProgram' | 'matchedSpecialty' | 'matchedState') => ({
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field)(event.currentTarget.value),
    error: problems(field),
  });
  const matched = values.result === 'matched' || values.result === 'matched_soap';

  return (
    <form
      noValidate
      aria-label={application ? 'Edit Match application' : 'Add Match application'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(bodyOf(values));
      }}
    >
      <Stack>
        <FormError error={save.error} fields={FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="Match year"
            required
            value={values.season}
            onChange={set('season')}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            // The season is what the application is: another season is another application.
            disabled={application !== null}
            error={problems('season')}
          />
          <Select
            label="Result"
            required
            data={optionsOf(MATCH_RESULT_LABELS)}
            value={values.result}
            onChange={(value) => value && set('result')(value as Application['result'])}
            allowDeselect={false}
            error={problems('result')}
          />
          <Select
            label="Visa for residency"
            description="An H-1B needs Step 3 passed"
            data={optionsOf(VISA_LABELS)}
            value={values.visa}
            onChange={(value) => set('visa')(value as Visa | null)}
            clearable
            error={problems('visa')}
          />
        </SimpleGrid>
        <Fieldset legend="Applying">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField
              label="ERAS submitted"
              value={values.erasSubmittedAt}
              onChange={set('erasSubmittedAt')}
              error={problems('erasSubmittedAt')}
            />
            {count('programsApplied', 'Programs applied to')}
            <TagsInput
              label="Specialties applied for"
              description="Press Enter after each"
              value={values.specialties}
              onChange={set('specialties')}
              error={problems('specialties')}
            />
            <TextInput label="NRMP ID" placeholder="N1234567" {...text('nrmpId')} />
            <DateField
              label="NRMP registered"
              value={values.nrmpRegisteredAt}
              onChange={set('nrmpRegisteredAt')}
              error={problems('nrmpRegisteredAt')}
            />
            {count('interviewsOffered', 'Interviews offered')}
            {count('interviewsAttended', 'Interviews attended')}
            <DateField
              label="Rank list certified"
              value={values.rankListCertifiedAt}
              onChange={set('rankListCertifiedAt')}
              error={problems('rankListCertifiedAt')}
            />
          </SimpleGrid>
        </Fieldset>
        {matched && (
          <Fieldset legend="Matched">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Program" {...text('matchedProgram')} />
              <TextInput label="Specialty" {...text('matchedSpecialty')} />
              <TextInput label="State" description="Two-letter code, e.g. PA" maxLength={2} {...text('matchedState')} />
              <DateField
                label="Residency start"
                value={values.startDate}
                onChange={set('startDate')}
                error={problems('startDate')}
              />
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label="Residency has begun"
              checked={values.residencyBegan}
              onChange={(event) => set('residencyBegan')(event.currentTarget.checked)}
              error={problems('residencyBegan')}
            />
          </Fieldset>
        )}
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {application ? 'Save application' : 'Add application'}
        </FormButtons>
      </Stack>
    </form>
  );
}
