import {
  Checkbox,
  Fieldset,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { problemsOf } from '../../api/errors';
import type { components } from '../../api/schema';
import { DateField } from './DateField';
import { blankToNull, numberOrNull } from './form-state';
import {
  ALTERNATIVE_CAREER_LABELS,
  CAREER_GOAL_LABELS,
  COUNTRY_OPTIONS,
  IMMIGRATION_STATUS_LABELS,
  LANGUAGE_OPTIONS,
  optionsOf,
} from './labels';
import { useCaseManagers } from './queries';
import type { ClientDetail } from './tab-props';

type ClientBody = components['schemas']['CreateClientDto'];
type CareerGoal = ClientDetail['careerGoal'];
type AlternativeCareer = NonNullable<ClientDetail['alternativeCareer']>;
type ImmigrationStatus = NonNullable<ClientDetail['immigrationStatus']>;

/** The client record's fields as the intake and edit forms hold them (text inputs hold '' for none). */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string | null;
  preferredLanguage: string | null;
  spokenLanguages: string[];
  countryOfTraining: string | null;
  medicalSchool: string;
  graduationYear: number | string;
  immigrationStatus: ImmigrationStatus | null;
  intakeDate: string | null;
  careerGoal: CareerGoal;
  alternativeCareer: AlternativeCareer | null;
  targetSpecialties: string[];
  consentToShare: boolean;
  consentDate: string | null;
  caseManagerId: string | null;
}

/** Every field these forms show, for <FormError fields>: their problems sit beside them. */
export const CLIENT_FORM_FIELDS: (keyof ClientFormValues)[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'preferredLanguage',
  'spokenLanguages',
  'countryOfTraining',
  'medicalSchool',
  'graduationYear',
  'immigrationStatus',
  'intakeDate',
  'careerGoal',
  'alternativeCareer',
  'targetSpecialties',
  'consentToShare',
  'consentDate',
  'caseManagerId',
];

export const EMPTY_CLIENT_FORM: ClientFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  dateOfBirth: null,
  preferredLanguage: 'en',
  spokenLanguages: [],
  countryOfTraining: null,
  medicalSchool: '',
  graduationYear: '',
  immigrationStatus: null,
  intakeDate: null,
  careerGoal: 'residency',
  alternativeCareer: null,
  targetSpecialties: [],
  consentToShare: false,
  consentDate: null,
  caseManagerId: null,
};

export function formValuesOf(client: ClientDetail): ClientFormValues {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email ?? '',
    phone: client.phone ?? '',
    dateOfBirth: client.dateOfBirth,
    preferredLanguage: client.preferredLanguage,
    spokenLanguages: client.spokenLanguages,
    countryOfTraining: client.countryOfTraining,
    medicalSchool: client.medicalSchool ?? '',
    graduationYear: client.graduationYear ?? '',
    immigrationStatus: client.immigrationStatus ?? null,
    intakeDate: client.intakeDate,
    careerGoal: client.careerGoal,
    alternativeCareer: client.alternativeCareer,
    targetSpecialties: client.targetSpecialties,
    consentToShare: client.consentToShare,
    consentDate: client.consentDate,
    caseManagerId: client.caseManagerId,
  };
}

/**
 * The values as the API takes them: empty text is null; what the API defaults (intake date,
 * consent date, language) is left out rather than sent empty; an alternative career only with
 * that goal.
 */
export function clientBodyOf(values: ClientFormValues): ClientBody {
  const body: ClientBody = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    dateOfBirth: values.dateOfBirth,
    spokenLanguages: values.spokenLanguages,
    countryOfTraining: values.countryOfTraining,
    medicalSchool: blankToNull(values.medicalSchool),
    graduationYear: numberOrNull(values.graduationYear),
    careerGoal: values.careerGoal,
    targetSpecialties: values.targetSpecialties,
    consentToShare: values.consentToShare,
    caseManagerId: values.caseManagerId,
  };
  if (values.preferredLanguage) body.preferredLanguage = values.preferredLanguage;
  if (values.immigrationStatus) body.immigrationStatus = values.immigrationStatus;
  if (values.intakeDate) body.intakeDate = values.intakeDate;
  if (values.consentToShare && values.consentDate) body.consentDate = values.consentDate;
  if (values.careerGoal === 'alternative_career' && values.alternativeCareer)
    body.alternativeCareer = values.alternativeCareer;
  return body;
}

/**
 * The client record's inputs, grouped as a case manager thinks of them, each with the API's
 * problems for it beside it. `showImmigrationStatus` is false where the reader may not see it.
 */
export function ClientFields({
  values,
  set,
  error,
  centerId,
  showImmigrationStatus,
}: {
  values: ClientFormValues;
  set: <K extends keyof ClientFormValues>(field: K) => (value: ClientFormValues[K]) => void;
  error: unknown;
  centerId: string | null | undefined;
  showImmigrationStatus: boolean;
}) {
  const managers = useCaseManagers(centerId);
  const problems = (field: keyof ClientFormValues) => problemsOf(error, field);
  const text = (field: 'firstName' | 'lastName' | 'email' | 'phone' | 'medicalSchool') => ({
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field)(event.currentTarget.value),
    error: problems(field),
  });
  return (
    <Stack gap="md">
      <Fieldset legend="Person">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" {...text('firstName')} />
          <TextInput label="Last name" required autoComplete="off" {...text('lastName')} />
          <TextInput label="E-mail" type="email" autoComplete="off" {...text('email')} />
          <TextInput label="Phone" type="tel" autoComplete="off" {...text('phone')} />
          <DateField
            label="Date of birth"
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={problems('dateOfBirth')}
          />
          {showImmigrationStatus && (
            <Select
              label="Immigration status"
              description="Sensitive: directors never see it"
              data={optionsOf(IMMIGRATION_STATUS_LABELS)}
              value={values.immigrationStatus}
              onChange={(value) => set('immigrationStatus')(value as ImmigrationStatus | null)}
              clearable
              error={problems('immigrationStatus')}
            />
          )}
          <Select
            label="Preferred language"
            description="E-mails to the client use it"
            data={LANGUAGE_OPTIONS}
            value={values.preferredLanguage}
            onChange={set('preferredLanguage')}
            searchable
            error={problems('preferredLanguage')}
          />
          <MultiSelect
            label="Languages spoken"
            data={LANGUAGE_OPTIONS}
            value={values.spokenLanguages}
            onChange={set('spokenLanguages')}
            searchable
            error={problems('spokenLanguages')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Medical training and goal">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Country of medical training"
            data={COUNTRY_OPTIONS}
            value={values.countryOfTraining}
            onChange={set('countryOfTraining')}
            searchable
            clearable
            error={problems('countryOfTraining')}
          />
          <TextInput label="Medical school" {...text('medicalSchool')} />
          <NumberInput
            label="Graduation year"
            value={values.graduationYear}
            onChange={set('graduationYear')}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            error={problems('graduationYear')}
          />
          <Select
            label="Career goal"
            data={optionsOf(CAREER_GOAL_LABELS)}
            value={values.careerGoal}
            onChange={(value) => value && set('careerGoal')(value as CareerGoal)}
            allowDeselect={false}
            error={problems('careerGoal')}
          />
          {values.careerGoal === 'alternative_career' && (
            <Select
              label="Alternative career"
              required
              data={optionsOf(ALTERNATIVE_CAREER_LABELS)}
              value={values.alternativeCareer}
              onChange={(value) => set('alternativeCareer')(value as AlternativeCareer | null)}
              error={problems('alternativeCareer')}
            />
          )}
          <TagsInput
            label="Target specialties"
            description="Press Enter after each"
            value={values.targetSpecialties}
            onChange={set('targetSpecialties')}
            error={problems('targetSpecialties')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Case">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label="Intake date"
            description="Today when left empty"
            value={values.intakeDate}
            onChange={set('intakeDate')}
            error={problems('intakeDate')}
          />
          <Select
            label="Case manager"
            data={(managers.data?.items ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
            value={values.caseManagerId}
            onChange={set('caseManagerId')}
            clearable
            placeholder={managers.isPending ? 'Loading…' : 'Not assigned'}
            error={problems('caseManagerId') ?? (managers.isError ? 'Could not load the case managers' : undefined)}
          />
          <Checkbox
            label="Consents to share data with partner programs (needed for referrals)"
            checked={values.consentToShare}
            onChange={(event) => set('consentToShare')(event.currentTarget.checked)}
            error={problems('consentToShare')}
          />
          {values.consentToShare && (
            <DateField
              label="Consent date"
              description="Today when left empty"
              value={values.consentDate}
              onChange={set('consentDate')}
              error={problems('consentDate')}
            />
          )}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
