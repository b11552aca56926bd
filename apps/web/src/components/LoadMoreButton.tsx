import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** "Load more" under a list read a page at a time; shown while the API says there is more. */
export function LoadMoreButton({
  query,
  children,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  /** The button's words ("Load older notes"). */
  children: ReactNode;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {children}
      </Button>
    </Group>
  );
}
