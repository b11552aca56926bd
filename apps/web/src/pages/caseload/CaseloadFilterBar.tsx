import { Button, Chip, Collapse, Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { STAGE_LABELS, type Stage } from '../../api/labels';
import { useMe } from '../../api/queries';
import { SearchBox } from '../../components/SearchBox';
import {
  CLIENT_STATUS_LABELS,
  isFiltered,
  NO_FILTERS,
  type CaseloadFilters,
  type CaseloadSort,
  type ClientStatus,
} from './caseload-filters';
import { useCaseManagerChoices } from './caseload-queries';

const STAGE_OPTIONS = Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = Object.entries(CLIENT_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const SORT_OPTIONS: { value: CaseloadSort; label: string }[] = [
  { value: 'lastName', label: 'Last name' },
  { value: 'lastActivity', label: 'Last activity' },
];

/** The caseload's filters: search, stage, status, case manager (or only mine), and the order. */
export function CaseloadFilterBar({
  filters,
  onChange,
  collapsible,
}: {
  filters: CaseloadFilters;
  onChange: (change: Partial<CaseloadFilters>, options?: { replace: boolean }) => void;
  /** On a phone the filters other than search wait behind a button, so the list starts on the first screen. */
  collapsible: boolean;
}) {
  const [expanded, { toggle }] = useDisclosure(false);
  const [clearings, setClearings] = useState(0);
  const me = useMe();
  const managers = useCaseManagerChoices();
  const myId = me.data?.role === 'case_manager' ? me.data.id : undefined;
  const managerOptions = (managers.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const filtered = isFiltered(filters);
  const narrowing = [filters.stage, filters.status, filters.caseManagerId].filter(Boolean).length;

  const search = (
    <SearchBox
      // A new box after "Clear filters": text typed but not yet sent must not come back after it.
      key={clearings}
      value={filters.q}
      // The search as it is typed replaces the history entry; a choice below adds one (Back undoes it).
      onSearch={(q) => onChange({ q }, { replace: true })}
      placeholder="Name or e-mail"
      w={{ base: '100%', sm: 240 }}
    />
  );
  const others = (
    <>
      <Select
        label="Stage"
        placeholder="Any stage"
        data={STAGE_OPTIONS}
        value={filters.stage ?? null}
        onChange={(value) => onChange({ stage: (value as Stage | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 190 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as ClientStatus | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      <Select
        label="Case manager"
        placeholder={managers.isError ? 'Could not load the case managers' : 'Anyone'}
        data={managerOptions}
        value={filters.caseManagerId ?? null}
        onChange={(value) => onChange({ caseManagerId: value ?? undefined })}
        disabled={managers.isError}
        searchable
        clearable
        nothingFoundMessage="No case manager by that name"
        w={{ base: '100%', sm: 220 }}
      />
    </>
  );
  const actions = (
    <Group gap="sm" align="center">
      <SegmentedControl
        aria-label="Sort by"
        data={SORT_OPTIONS}
        value={filters.sort}
        onChange={(value) => onChange({ sort: value as CaseloadSort })}
      />
      {myId && (
        <Chip
          checked={filters.caseManagerId === myId}
          onChange={(checked) => onChange({ caseManagerId: checked ? myId : undefined })}
        >
          Only my clients
        </Chip>
      )}
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            setClearings((n) => n + 1);
            onChange(NO_FILTERS);
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );

  if (collapsible) {
    return (
      <Stack gap="sm">
        {search}
        <Button variant="default" onClick={toggle} aria-expanded={expanded} aria-controls="caseload-filters">
          {expanded ? 'Hide filters' : narrowing > 0 ? `Filters (${narrowing})` : 'Filters'}
        </Button>
        <Collapse expanded={expanded} id="caseload-filters">
          <Stack gap="sm">{others}</Stack>
        </Collapse>
        {actions}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {search}
        {others}
      </Group>
      {actions}
    </Stack>
  );
}
