import { Alert, Anchor, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import { useAllCenters, useMe } from '../../api/queries';
import type { components } from '../../api/schema';
import { FormError } from '../../components/FormError';
import { CLIENT_FORM_FIELDS, ClientFields, clientBodyOf, EMPTY_CLIENT_FORM } from './ClientFields';
import { duplicateCandidatesOf, type DuplicateCandidate } from './error-details';
import { useFormState } from './form-state';

type IntakeBody = components['schemas']['CreateClientDto'];

const MATCHED_ON: Record<DuplicateCandidate['matchedOn'][number], string> = {
  email: 'same e-mail',
  name_and_date_of_birth: 'same name and date of birth',
};

/**
 * Enrolls a client. The API checks the whole network for the same person (a person often walks
 * into two centers): when it finds possible matches it enrolls nobody and lists them, and the
 * case manager either opens the existing record or confirms this is someone else.
 */
export function IntakePage() {
  const me = useMe();
  const isAdmin = me.data?.role === 'admin';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { values, set } = useFormState({
    ...EMPTY_CLIENT_FORM,
    // A case manager enrolls into their own caseload unless they choose someone else.
    caseManagerId: me.data?.role === 'case_manager' ? me.data.id : null,
  });
  const [centerId, setCenterId] = useState<string | null>(me.data?.centerId ?? null);
  const centers = useAllCenters({ enabled: isAdmin });

  const enroll = useMutation({
    mutationFn: (body: IntakeBody) => ok(api.POST('/api/v1/clients', { body })),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      navigate(`/clients/${client.id}`);
    },
  });
  const candidates = duplicateCandidatesOf(enroll.error);

  const bodyOf = (confirmNotDuplicate: boolean): IntakeBody => ({
    ...clientBodyOf(values),
    ...(isAdmin && centerId ? { centerId } : {}),
    ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  });

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        New client
      </Title>
      <form
        noValidate
        aria-label="Intake"
        onSubmit={(event) => {
          event.preventDefault();
          enroll.mutate(bodyOf(false));
        }}
      >
        <Stack>
          {isAdmin && (
            <Select
              label="Center"
              required
              data={(centers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={centerId}
              onChange={setCenterId}
              searchable
              placeholder={centers.isPending ? 'Loading…' : undefined}
              error={
                problemsOf(enroll.error, 'centerId') ?? (centers.isError ? 'Could not load the centers' : undefined)
              }
            />
          )}
          <ClientFields values={values} set={set} error={enroll.error} centerId={centerId} showImmigrationStatus />
          {candidates.length > 0 ? (
            <DuplicateWarning
              candidates={candidates}
              ownCenterId={me.data?.centerId ?? null}
              enrolling={enroll.isPending}
              onConfirm={() => enroll.mutate(bodyOf(true))}
            />
          ) : (
            <FormError error={enroll.error} fields={[...CLIENT_FORM_FIELDS, 'centerId']} />
          )}
          <Group justify="flex-end">
            <Button type="submit" variant={candidates.length > 0 ? 'default' : 'filled'} loading={enroll.isPending}>
              Enroll client
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DuplicateWarning({
  candidates,
  ownCenterId,
  enrolling,
  onConfirm,
}: {
  candidates: DuplicateCandidate[];
  ownCenterId: string | null;
  enrolling: boolean;
  onConfirm: () => void;
}) {
  return (
    <Alert color="orange" title="This person may already be enrolled" role="alert" data-testid="duplicate-warning">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">Nobody was enrolled. Check these records first:</Text>
        <List size="sm" spacing={4}>
          {candidates.map((candidate) => (
            <List.Item key={candidate.id}>
              {candidate.matchedOn.map((m) => MATCHED_ON[m]).join(' and ')}, at {candidate.centerName}:{' '}
              {candidate.centerId === ownCenterId ? (
                <Anchor component={Link} to={`/clients/${candidate.id}`} size="sm">
                  open their record
                </Anchor>
              ) : (
                'another center’s client; ask that center before enrolling'
              )}
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          If this is a different person, enroll them anyway. After correcting the form, Enroll client checks again.
        </Text>
        <Button onClick={onConfirm} loading={enrolling}>
          Not the same person: enroll anyway
        </Button>
      </Stack>
    </Alert>
  );
}
