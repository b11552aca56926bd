import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** One report of the dashboard: a titled region with what it counts, its CSV download, then its content. */
export function ReportSection({
  title,
  description,
  download,
  children,
}: {
  title: string;
  description: ReactNode;
  download: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} maw={640}>
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {download}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
