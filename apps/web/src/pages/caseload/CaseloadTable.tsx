import { Anchor, Badge, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { STAGE_LABELS } from '../../api/labels';
import type { components } from '../../api/schema';
import { CLIENT_STATUS_LABELS } from './caseload-filters';
import { WarningsBadge } from './WarningsBadge';

/** What every reader of the caseload gets (a director's view has no contact details). */
type ClientSummary = components['schemas']['ClientSummaryDirectorView'];

/** The caseload as a table (wide screens); on a narrower one it scrolls sideways inside its box, the page does not. */
export function CaseloadTable({
  clients,
  managerNames,
  busy,
}: {
  clients: ClientSummary[];
  managerNames: Map<string, string>;
  /** A new filter's list is on its way: the rows shown are the previous one's. */
  busy: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped highlightOnHover aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Warnings</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Case manager</Table.Th>
            <Table.Th scope="col">Last activity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}`} fw={500}>
                  {client.lastName}, {client.firstName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{STAGE_LABELS[client.stage]}</Badge>
              </Table.Td>
              <Table.Td>
                {client.warningCount > 0 ? (
                  <WarningsBadge count={client.warningCount} />
                ) : (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{CLIENT_STATUS_LABELS[client.status]}</Table.Td>
              <Table.Td>
                {client.caseManagerId
                  ? (managerNames.get(client.caseManagerId) ?? 'Another case manager')
                  : 'Unassigned'}
              </Table.Td>
              <Table.Td>
                <time dateTime={client.lastActivityAt}>{dayjs(client.lastActivityAt).format('D MMM YYYY')}</time>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
