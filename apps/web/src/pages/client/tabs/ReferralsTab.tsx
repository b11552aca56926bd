import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../../../api/client';
import { byCursor } from '../../../api/queries';
import type { components } from '../../../api/schema';
import { type AsRead, isWhole } from '../../../api/views';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { useCanEditClients } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { ReferralsForm, usePrograms } from './ReferralsForm';
import { REFERRAL_STATUS_COLORS, REFERRAL_STATUS_LABELS } from './ReferralsLabels';

type Referral = components['schemas']['ReferralResponse'];
type ReferralDirectorView = components['schemas']['ReferralDirectorView'];

/**
 * Referrals to partner programs, latest first. A referral is a record of what was sent: it moves
 * on (accepted, declined, completed) but is never deleted. Sending one needs the client's consent.
 */
export function ReferralsTab({ clientId, client }: ClientTabProps) {
  const mayWrite = useCanEditClients();
  const programs = usePrograms();
  const referrals = useInfiniteQuery({
    queryKey: ['clients', clientId, 'referrals'],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/clients/{clientId}/referrals', {
          params: { path: { clientId }, query: { cursor: pageParam } },
        }),
      ),
    ...byCursor,
  });
  const [editing, setEditing] = useState<Editing<Referral>>(null);
  const close = () => setEditing(null);
  const programOf = (id: string) => programs.data?.items.find((p) => p.id === id);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Referrals
        </Title>
        {mayWrite && (
          <Button onClick={() => setEditing('new')} disabled={!client.consentToShare}>
            Refer to a program
          </Button>
        )}
      </Group>
      {mayWrite && !client.consentToShare && (
        <Alert color="yellow" title="No consent to share data">
          A referral shares the client’s data with a partner program. Record the client’s consent on their record first
          (Edit, then consent to share).
        </Alert>
      )}
      <QueryState query={referrals} label="the referrals">
        {({ pages }) => {
          const items: AsRead<Referral, ReferralDirectorView>[] = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No referrals yet.</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Referrals">
              {items.map((referral) => {
                const program = programOf(referral.programId);
                const name = program?.name ?? 'A partner program';
                return (
                  <Card key={referral.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                        <Group gap="xs">
                          {program?.url ? (
                            <Anchor href={program.url} target="_blank" rel="noreferrer" fw={600} size="sm">
                              {name}
                            </Anchor>
                          ) : (
                            <Text fw={600} size="sm">
                              {name}
                            </Text>
                          )}
                          <Badge size="sm" variant="dot" color={REFERRAL_STATUS_COLORS[referral.status]}>
                            {REFERRAL_STATUS_LABELS[referral.status]}
                          </Badge>
                        </Group>
                        <Text size="sm" c="dimmed">
                          Referred {dayjs(referral.referralDate).format('D MMM YYYY')}
                          {program ? ` · ${program.location}` : ''}
                        </Text>
                        {referral.note && (
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {referral.note}
                          </Text>
                        )}
                      </Stack>
                      {mayWrite && isWhole<Referral, ReferralDirectorView>(referral, 'note') && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing(referral)}
                          aria-label={`Update the referral to ${name}`}
                        >
                          Update
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={referrals}>Load earlier referrals</LoadMoreButton>
      <RecordFormModal
        editing={editing}
        onClose={close}
        addTitle="Refer to a partner program"
        editTitle="Update the referral"
      >
        {(referral) => <ReferralsForm clientId={clientId} referral={referral ?? undefined} onDone={close} />}
      </RecordFormModal>
    </Stack>
  );
}
