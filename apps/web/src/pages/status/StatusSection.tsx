import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One card of the status page: a landmark named by its heading, so a screen reader can jump between them. */
export function StatusSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <Title id={`${id}-heading`} order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
