import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/queries';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { isFiltered, NO_FILTERS, useCaseloadFilters } from './caseload-filters';
import { useCaseloadPages, useCaseManagerChoices } from './caseload-queries';
import { CaseloadCards } from './CaseloadCards';
import { CaseloadFilterBar } from './CaseloadFilterBar';
import { CaseloadTable } from './CaseloadTable';

/** Below Mantine's `sm` breakpoint: cards rather than a table, and filters behind a button. */
const PHONE_QUERY = '(max-width: 48em)';

/** Staff home: the clients in the signed-in person's scope, filtered and sorted, a page at a time. */
export function CaseloadPage() {
  const [filters, changeFilters] = useCaseloadFilters();
  const caseload = useCaseloadPages(filters);
  const managers = useCaseManagerChoices();
  const me = useMe();
  const managerNames = useMemo(
    () => new Map((managers.data?.items ?? []).map((u) => [u.id, u.displayName])),
    [managers.data],
  );
  const clients = caseload.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(filters);
  const mayEnroll = me.data?.role === 'case_manager' || me.data?.role === 'admin';
  // Read on the first render, so a phone never shows the table first.
  const phone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h3">
          Caseload
        </Title>
        {mayEnroll && (
          <Button component={Link} to="/clients/new">
            New client
          </Button>
        )}
      </Group>
      <CaseloadFilterBar filters={filters} onChange={changeFilters} collapsible={phone} />

      <QueryState query={caseload} label="the caseload">
        {() =>
          clients.length === 0 ? (
            <Text role="status">
              {filtered ? (
                <>
                  No clients match these filters.{' '}
                  <Anchor component="button" type="button" onClick={() => changeFilters(NO_FILTERS)}>
                    Clear the filters
                  </Anchor>
                </>
              ) : (
                'No clients yet.'
              )}
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" role="status" aria-live="polite">
                {caseload.isPlaceholderData
                  ? 'Updating the list…'
                  : `${clients.length} ${clients.length === 1 ? 'client' : 'clients'}${caseload.hasNextPage ? ' shown, more to load' : ''}, by ${filters.sort === 'lastName' ? 'last name' : 'last activity'}`}
              </Text>
              {phone ? (
                <CaseloadCards clients={clients} managerNames={managerNames} busy={caseload.isPlaceholderData} />
              ) : (
                <CaseloadTable clients={clients} managerNames={managerNames} busy={caseload.isPlaceholderData} />
              )}
            </>
          )
        }
      </QueryState>
      <LoadMoreButton query={caseload}>Load more</LoadMoreButton>
    </Stack>
  );
}
