import { Alert, Card, Container, List, Stack, Text, Title } from '@mantine/core';
import { useMyStatus } from '../../api/queries';
import { QueryState } from '../../components/QueryState';

/** The IMG's home: where they are on the pathway and what to do next. Mobile first: one column. */
export function StatusPage() {
  const status = useMyStatus();
  return (
    <Container size="xs" px={0}>
      <QueryState query={status} label="your status">
        {(data) => (
          <Stack>
            <Title order={1} size="h3">
              Hello, {data.firstName}
            </Title>
            <Card withBorder component="section" aria-labelledby="stage-heading">
              <Text id="stage-heading" size="sm" c="dimmed">
                Where you are
              </Text>
              <Text size="xl" fw={600} data-testid="stage">
                {data.stageText}
              </Text>
            </Card>
            {data.warnings.map((warning) => (
              <Alert key={warning.code} color={warning.severity === 'blocker' ? 'red' : 'yellow'} role="note">
                {warning.message}
              </Alert>
            ))}
            <Card withBorder component="section" aria-labelledby="next-steps-heading">
              <Title id="next-steps-heading" order={2} size="h4" mb="xs">
                Next steps
              </Title>
              {data.nextSteps.length > 0 ? (
                <List spacing="xs">
                  {data.nextSteps.map((step) => (
                    <List.Item key={step}>{step}</List.Item>
                  ))}
                </List>
              ) : (
                <Text>Nothing to do right now.</Text>
              )}
            </Card>
            {data.caseManager && (
              <Text size="sm">
                Your case manager: {data.caseManager.name} (
                <a href={`mailto:${data.caseManager.email}`}>{data.caseManager.email}</a>)
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Container>
  );
}
