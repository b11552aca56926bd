import { Badge, Table, Text, Title } from '@mantine/core';
import { STAGE_LABELS } from '../../api/labels';
import { useCaseload } from '../../api/queries';
import { QueryState } from '../../components/QueryState';

/** Staff home for now: the first page of the clients in the signed-in person's scope. */
export function CaseloadPage() {
  const caseload = useCaseload();
  return (
    <>
      <Title order={1} size="h3" mb="md">
        Caseload
      </Title>
      <QueryState query={caseload} label="the caseload">
        {(page) =>
          page.items.length === 0 ? (
            <Text>No clients yet.</Text>
          ) : (
            <Table striped highlightOnHover captionSide="bottom">
              {page.nextCursor && <Table.Caption>The first {page.items.length} clients, by last name.</Table.Caption>}
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((client) => (
                  <Table.Tr key={client.id}>
                    <Table.Td>
                      {client.lastName}, {client.firstName}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{STAGE_LABELS[client.stage]}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
