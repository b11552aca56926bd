import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../api/errors';
import { useUiWords } from './ui-words';

/** What QueryState reads of a query: what useQuery returns fits, and so does what useInfiniteQuery returns. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  refetch: () => Promise<unknown>;
  /** An infinite query's: the failure was loading one more page, and its "Load more" tries again. */
  isFetchNextPageError?: boolean;
}

/**
 * A query's loading and error states, so no screen is ever blank; its data once it has some. When
 * a later fetch fails (a refresh, or a list's next page), what was loaded stays, with the error.
 */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: QueryLike<T>;
  /** What is loading, for screen readers ("your status"). */
  label: string;
  children: (data: T) => ReactNode;
}) {
  const words = useUiWords();
  const problem = () => messageOf(query.error, words.unreachable);
  if (query.isPending) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader aria-label={words.loadingOf(label)} />
      </Center>
    );
  }
  const retry = (
    <Button size="xs" variant="light" color="red" onClick={() => void query.refetch()}>
      {words.tryAgain}
    </Button>
  );
  if (query.data === undefined) {
    return (
      <Alert color="red" title={words.couldNotLoadOf(label)} role="alert">
        <Stack gap="sm" align="flex-start">
          {problem()}
          {retry}
        </Stack>
      </Alert>
    );
  }
  if (!query.isError) return <>{children(query.data)}</>;
  if (query.isFetchNextPageError) {
    return (
      <>
        {children(query.data)}
        <Alert color="red" title={words.couldNotLoadMoreOf(label)} role="alert">
          {problem()}
        </Alert>
      </>
    );
  }
  return (
    <>
      <Alert color="red" title={words.couldNotRefreshOf(label)} role="alert">
        <Stack gap="sm" align="flex-start">
          {problem()}
          {retry}
        </Stack>
      </Alert>
      {children(query.data)}
    </>
  );
}
