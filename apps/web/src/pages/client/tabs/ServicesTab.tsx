import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { accepted, api, ok } from '../../../api/client';
import { byCursor } from '../../../api/queries';
import type { components } from '../../../api/schema';
import { type AsRead, isWhole } from '../../../api/views';
import { RecordActions } from '../../../components/RecordActions';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { QueryState } from '../../../components/QueryState';
import { type Editing, RecordFormModal } from '../../../components/RecordFormModal';
import { useCanEditClients } from '../queries';
import type { ClientTabProps } from '../tab-props';
import { ServicesForm } from './ServicesForm';
import { formatAmount, SERVICE_CATEGORY_LABELS } from './ServicesLabels';

type Service = components['schemas']['ServiceResponse'];
type ServiceDirectorView = components['schemas']['ServiceDirectorView'];

/** Services delivered to the client, latest first: what the center gave, for the services report. */
export function ServicesTab({ clientId }: ClientTabProps) {
  const mayWrite = useCanEditClients();
  const services = useInfiniteQuery({
    queryKey: ['clients', clientId, 'services'],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/clients/{clientId}/services', {
          params: { path: { clientId }, query: { cursor: pageParam } },
        }),
      ),
    ...byCursor,
  });
  const [editing, setEditing] = useState<Editing<Service>>(null);
  const close = () => setEditing(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Services
        </Title>
        {mayWrite && <Button onClick={() => setEditing('new')}>Add service</Button>}
      </Group>
      <QueryState query={services} label="the services">
        {({ pages }) => {
          const items: AsRead<Service, ServiceDirectorView>[] = pages.flatMap((page) => page.items);
          return items.length === 0 ? (
            <Text c="dimmed">No services recorded yet.</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Services">
              {items.map((service) => {
                const label = SERVICE_CATEGORY_LABELS[service.category];
                return (
                  <Card key={service.id} withBorder component="li" padding="sm">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <div>
                        <Text fw={600} size="sm">
                          {label}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {[
                            dayjs(service.serviceDate).format('D MMM YYYY'),
                            service.hours !== null && `${service.hours} h`,
                            service.amountCents != null && formatAmount(service.amountCents, service.currency ?? null),
                            service.provider,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </div>
                      {mayWrite && isWhole<Service, ServiceDirectorView>(service, 'description') && (
                        <RecordActions
                          compact
                          clientId={clientId}
                          what={`${label} of ${service.serviceDate}`}
                          onEdit={() => setEditing(service)}
                          deletion={{
                            title: 'Delete this service?',
                            message: `${label} of ${dayjs(service.serviceDate).format('D MMM YYYY')} will no longer count in the services report.`,
                            confirmLabel: 'Delete service',
                          }}
                          remove={() =>
                            accepted(
                              api.DELETE('/api/v1/clients/{clientId}/services/{id}', {
                                params: { path: { clientId, id: service.id } },
                              }),
                            )
                          }
                        />
                      )}
                    </Group>
                    {service.description && (
                      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {service.description}
                      </Text>
                    )}
                  </Card>
                );
              })}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMoreButton query={services}>Load earlier services</LoadMoreButton>
      <RecordFormModal editing={editing} onClose={close} addTitle="Add a service" editTitle="Edit service">
        {(service) => <ServicesForm clientId={clientId} service={service ?? undefined} onDone={close} />}
      </RecordFormModal>
    </Stack>
  );
}
