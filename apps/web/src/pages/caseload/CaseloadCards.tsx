import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { STAGE_LABELS } from '../../api/labels';
import type { components } from '../../api/schema';
import { CLIENT_STATUS_LABELS } from './caseload-filters';
import { WarningsBadge } from './WarningsBadge';

/** What every reader of the caseload gets (a director's view has no contact details). */
type ClientSummary = components['schemas']['ClientSummaryDirectorView'];

/** The caseload on a phone: one card per client, what the table's columns say, stacked. */
export function CaseloadCards({
  clients,
  managerNames,
  busy,
}: {
  clients: ClientSummary[];
  managerNames: Map<string, string>;
  busy: boolean;
}) {
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label="Clients"
      aria-busy={busy}
      style={{ listStyle: 'none', padding: 0, margin: 0, opacity: busy ? 0.6 : 1 }}
    >
      {clients.map((client) => (
        <Card key={client.id} withBorder component="li" padding="sm">
          <Anchor component={Link} to={`/clients/${client.id}`} fw={600}>
            {client.lastName}, {client.firstName}
          </Anchor>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{STAGE_LABELS[client.stage]}</Badge>
            <WarningsBadge count={client.warningCount} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {CLIENT_STATUS_LABELS[client.status]} ·{' '}
            {client.caseManagerId ? (managerNames.get(client.caseManagerId) ?? 'Another case manager') : 'Unassigned'} ·{' '}
            <time dateTime={client.lastActivityAt}>{dayjs(client.lastActivityAt).format('D MMM YYYY')}</time>
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
