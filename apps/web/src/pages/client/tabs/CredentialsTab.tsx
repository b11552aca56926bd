import { Alert, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { type AsRead, isWhole } from '../../../api/views';
import { FormError } from '../../../components/FormError';
import { DateField } from '../DateField';
import { blankToNull, numberOrNull, useFormState } from '../form-state';
import { ECFMG_PATHWAY_STATUS_LABELS, optionsOf } from '../labels';
import { useCanEditClients, useCredentials, useRefreshClient } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { QueryState } from '../../../components/QueryState';

type CredentialsResponse = components['schemas']['CredentialsResponse'];
type CredentialsDirectorView = components['schemas']['CredentialsDirectorView'];
type Credentials = AsRead<CredentialsResponse, CredentialsDirectorView>;
type CredentialsBody = components['schemas']['CredentialsDto'];
type PathwayStatus = NonNullable<CredentialsBody['ecfmgPathwayStatus']>;

const FIELDS: (keyof CredentialsBody)[] = [
  'usmleId',
  'diplomaVerifiedAt',
  'transcriptVerifiedAt',
  'schoolListedInWorldDirectory',
  'ecfmgPathway',
  'ecfmgPathwayCycle',
  'ecfmgPathwayStatus',
  'ecfmgPathwayAcceptedAt',
  'step2CsPassedAt',
  'certificationApplicationAt',
  'certificateIssuedAt',
];

const PATHWAYS = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `Pathway ${n}` }));
const LISTED = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** ECFMG credentialing: one record per client, saved whole (PUT). */
export function CredentialsTab({ clientId }: ClientTabProps) {
  const credentials = useCredentials(clientId);
  return (
    <QueryState query={credentials} label="the credentials">
      {(data) => <CredentialsForm clientId={clientId} credentials={data} />}
    </QueryState>
  );
}

interface CredentialsValues {
  usmleId: string;
  diplomaVerifiedAt: string | null;
  transcriptVerifiedAt: string | null;
  schoolListed: string | null;
  ecfmgPathway: string | null;
  ecfmgPathwayCycle: number | string;
  ecfmgPathwayStatus: PathwayStatus | null;
  ecfmgPathwayAcceptedAt: string | null;
  step2CsPassedAt: string | null;
  certificationApplicationAt: string | null;
  certificateIssuedAt: string | null;
}

function CredentialsForm({ clientId, credentials }: { clientId: string; credentials: Credentials }) {
  const { values, set } = useFormState<CredentialsValues>(() => ({
    usmleId: credentials.usmleId ?? '',
    diplomaVerifiedAt: credentials.diplomaVerifiedAt ?? null,
    transcriptVerifiedAt: credentials.transcriptVerifiedAt ?? null,
    schoolListed:
      credentials.schoolListedInWorldDirectory == null ? null : credentials.schoolListedInWorldDirectory ? 'yes' : 'no',
    ecfmgPathway: credentials.ecfmgPathway == null ? null : String(credentials.ecfmgPathway),
    ecfmgPathwayCycle: credentials.ecfmgPathwayCycle ?? '',
    ecfmgPathwayStatus: credentials.ecfmgPathwayStatus ?? null,
    ecfmgPathwayAcceptedAt: credentials.ecfmgPathwayAcceptedAt ?? null,
    step2CsPassedAt: credentials.step2CsPassedAt ?? null,
    certificationApplicationAt: credentials.certificationApplicationAt ?? null,
    certificateIssuedAt: credentials.certificateIssuedAt ?? null,
  }));
  const refresh = useRefreshClient(clientId);
  const canEdit = useCanEditClients();
  const save = useMutation({
    mutationFn: (body: CredentialsBody) =>
      ok(api.PUT('/api/v1/clients/{clientId}/credentials', { params: { path: { clientId } }, body })),
    onSuccess: refresh,
  });
  const problems = (field: keyof CredentialsBody) => problemsOf(save.error, field);
  const date = (field: keyof CredentialsValues & keyof CredentialsBody) => ({
    value: values[field] as string | null,
    onChange: set(field) as (value: string | null) => void,
    error: problems(field),
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate({
      usmleId: blankToNull(values.usmleId),
      diplomaVerifiedAt: values.diplomaVerifiedAt,
      transcriptVerifiedAt: values.transcriptVerifiedAt,
      schoolListedInWorldDirectory: values.schoolListed === null ? null : values.schoolListed === 'yes',
      ecfmgPathway: values.ecfmgPathway === null ? null : Number(values.ecfmgPathway),
      ecfmgPathwayCycle: numberOrNull(values.ecfmgPathwayCycle),
      ecfmgPathwayStatus: values.ecfmgPathwayStatus,
      ecfmgPathwayAcceptedAt: values.ecfmgPathwayAcceptedAt,
      step2CsPassedAt: values.step2CsPassedAt,
      certificationApplicationAt: values.certificationApplicationAt,
      certificateIssuedAt: values.certificateIssuedAt,
    });
  };

  return (
    <form noValidate aria-label="Credentials" onSubmit={submit}>
      {/* Disabled for those who read the record only: the fields still show what is recorded. */}
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <FormError error={save.error} fields={FIELDS} />
          {save.isSuccess && (
            <Alert color="green" role="status" title="Saved">
              The pathway and its checklist are updated.
            </Alert>
          )}
          <Fieldset legend="USMLE / ECFMG identifier and school">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {/* Not in a director's view: an empty field would say none is recorded. */}
              {isWhole<CredentialsResponse, CredentialsDirectorView>(credentials, 'usmleId') && (
                <TextInput
                  label="USMLE/ECFMG identifier"
                  placeholder="1-234-567-8"
                  value={values.usmleId}
                  onChange={(event) => set('usmleId')(event.currentTarget.value)}
                  error={problems('usmleId')}
                />
              )}
              <Select
                label="School listed in the World Directory of Medical Schools"
                data={LISTED}
                value={values.schoolListed}
                onChange={set('schoolListed')}
                clearable
                placeholder="Not checked yet"
                error={problems('schoolListedInWorldDirectory')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Primary-source verification">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label="Diploma verified" {...date('diplomaVerifiedAt')} />
              <DateField label="Final transcript verified" {...date('transcriptVerifiedAt')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Clinical and communication skills">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="ECFMG Pathway"
                data={PATHWAYS}
                value={values.ecfmgPathway}
                onChange={set('ecfmgPathway')}
                clearable
                error={problems('ecfmgPathway')}
              />
              <NumberInput
                label="Pathways cycle (Match year)"
                value={values.ecfmgPathwayCycle}
                onChange={set('ecfmgPathwayCycle')}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={problems('ecfmgPathwayCycle')}
              />
              <Select
                label="Pathway application"
                data={optionsOf(ECFMG_PATHWAY_STATUS_LABELS)}
                value={values.ecfmgPathwayStatus}
                onChange={(value) => set('ecfmgPathwayStatus')(value as PathwayStatus | null)}
                clearable
                error={problems('ecfmgPathwayStatus')}
              />
            </SimpleGrid>
            <DateField
              mt="sm"
              maw={280}
              label="Pathway accepted on"
              description="Counts toward the rank-list deadline from this day"
              {...date('ecfmgPathwayAcceptedAt')}
            />
            <DateField
              mt="sm"
              maw={280}
              label="Step 2 CS passed"
              description="An old pass meets the requirement instead of a Pathway and OET"
              {...date('step2CsPassedAt')}
            />
          </Fieldset>
          <Fieldset legend="ECFMG certification">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label="Application submitted" {...date('certificationApplicationAt')} />
              <DateField label="Certificate issued" {...date('certificateIssuedAt')} />
            </SimpleGrid>
          </Fieldset>
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save credentials
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
