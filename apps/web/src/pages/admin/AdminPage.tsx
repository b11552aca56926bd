import { Box, Group, Tabs, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { CentersSection } from './CentersSection';
import { DeliveriesSection } from './DeliveriesSection';
import { QueueDashboardButton } from './QueueDashboardButton';
import { SeasonsSection } from './SeasonsSection';
import { UsersSection } from './UsersSection';

/** Each section is a tab whose name is in the URL (`/admin/users`), so a link opens it. */
const SECTIONS = [
  { value: 'centers', label: 'Centers', Section: CentersSection },
  { value: 'users', label: 'Users and invitations', Section: UsersSection },
  { value: 'match-seasons', label: 'Match season calendar', Section: SeasonsSection },
  { value: 'deliveries', label: 'Failed deliveries', Section: DeliveriesSection },
] as const;

export function AdminPage() {
  const { section = SECTIONS[0].value } = useParams();
  const navigate = useNavigate();
  if (!SECTIONS.some((s) => s.value === section)) return <Navigate to="/admin" replace />;
  return (
    <Box>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={1} size="h2">
          Administration
        </Title>
        <QueueDashboardButton />
      </Group>
      <Tabs value={section} onChange={(value) => value && navigate(`/admin/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {SECTIONS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map(({ value, Section }) => (
          <Tabs.Panel key={value} value={value}>
            <Section />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Box>
  );
}
