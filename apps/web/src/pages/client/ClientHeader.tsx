import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { STAGE_LABELS } from '../../api/labels';
import { useCenter } from '../../api/queries';
import { CLIENT_STATUS_LABELS, countryName, languageName } from './labels';
import type { Finding, PathwayView } from './pathway';
import { useCaseManagers } from './queries';
import type { ClientAsRead } from './tab-props';

const STATUS_COLORS: Record<ClientAsRead['status'], string> = { active: 'green', inactive: 'gray', closed: 'dark' };

/** Who the client is, where they stand, and what the pathway rules say needs attention. */
export function ClientHeader({
  client,
  pathway,
  onEdit,
}: {
  client: ClientAsRead;
  pathway: PathwayView;
  /** Absent for those who may not change the record (directors). */
  onEdit?: () => void;
}) {
  const center = useCenter(client.centerId);
  const managers = useCaseManagers(client.centerId);
  const manager = managers.data?.items.find((user) => user.id === client.caseManagerId);
  const country = countryName(client.countryOfTraining);
  return (
    <Stack gap="sm" component="header">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {client.firstName} {client.lastName}
          </Title>
          <Group gap="xs">
            <Badge size="lg" data-testid="client-stage">
              {STAGE_LABELS[client.stage]}
            </Badge>
            <Badge size="lg" variant="dot" color={STATUS_COLORS[client.status]}>
              {CLIENT_STATUS_LABELS[client.status]}
            </Badge>
          </Group>
        </Stack>
        {onEdit && (
          <Button variant="light" onClick={onEdit}>
            Edit details
          </Button>
        )}
      </Group>
      <Text size="sm">
        {center.data?.name ?? (center.isError ? 'Center unknown' : 'Loading center…')}
        {' · Case manager: '}
        {client.caseManagerId === null
          ? 'not assigned'
          : (manager?.displayName ?? (managers.isPending ? 'loading…' : 'someone no longer active'))}
        {` · Enrolled ${client.intakeDate}`}
        {country && ` · Trained in ${country}`}
        {client.preferredLanguage && ` · Prefers ${languageName(client.preferredLanguage)}`}
      </Text>
      {(client.email || client.phone) && (
        <Text size="sm">
          {client.email && <Anchor href={`mailto:${client.email}`}>{client.email}</Anchor>}
          {client.email && client.phone && ' · '}
          {client.phone && <Anchor href={`tel:${client.phone}`}>{client.phone}</Anchor>}
        </Text>
      )}
      {client.status === 'closed' && client.closedReason && (
        <Text size="sm">
          Closed on {client.closedDate}: {client.closedReason}
        </Text>
      )}
      <Findings title="Blocking progress" findings={pathway.blockers} color="red" testId="pathway-blockers" />
      <Findings title="Warnings" findings={pathway.warnings} color="yellow" testId="pathway-warnings" />
      {pathway.nextSteps.length > 0 && (
        <Card withBorder padding="sm" component="section" aria-labelledby="next-steps-heading">
          <Title id="next-steps-heading" order={2} size="h5" mb={4}>
            Next steps
          </Title>
          <List size="sm" spacing={2} data-testid="next-steps">
            {pathway.nextSteps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}

function Findings({
  title,
  findings,
  color,
  testId,
}: {
  title: string;
  findings: Finding[];
  color: string;
  testId: string;
}) {
  if (findings.length === 0) return null;
  return (
    <Alert color={color} title={title} role="region" aria-label={title} data-testid={testId}>
      <List size="sm" spacing={4}>
        {findings.map((finding) => (
          <List.Item key={`${finding.code}-${finding.message}`}>
            {finding.message}
            {finding.rule.source && (
              <>
                {' '}
                (
                <Anchor href={finding.rule.source} target="_blank" rel="noreferrer" size="sm">
                  the rule
                </Anchor>
                )
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
