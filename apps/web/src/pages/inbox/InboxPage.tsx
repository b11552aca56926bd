import { Grid, Stack, Title } from '@mantine/core';
import { MyTasksSection } from './MyTasksSection';
import { NotificationsSection } from './NotificationsSection';

/** "My tasks and reminders": what the signed-in staff member has to do, and what the reminders told them. */
export function InboxPage() {
  return (
    <Stack gap="md">
      <Title order={1} size="h3">
        My tasks and reminders
      </Title>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <MyTasksSection />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <NotificationsSection />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
