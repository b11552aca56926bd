import { Alert, Anchor, Grid, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ComponentType } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { QueryState } from '../../components/QueryState';
import { ClientHeader } from './ClientHeader';
import { EditClientForm } from './EditClientForm';
import { pathwayOf } from './pathway';
import { PathwayTimeline } from './PathwayTimeline';
import { isWhole } from '../../api/views';
import { useCanEditClients, useClient } from './queries';
import type { ClientAsRead, ClientDetail, ClientDirectorView, ClientTabProps } from './tab-props';
import { ClinicalExperienceTab } from './tabs/ClinicalExperienceTab';
import { CredentialsTab } from './tabs/CredentialsTab';
import { DocumentsTab } from './tabs/DocumentsTab';
import { ExamsTab } from './tabs/ExamsTab';
import { MatchApplicationsTab } from './tabs/MatchApplicationsTab';
import { NotesTab } from './tabs/NotesTab';
import { ReferralsTab } from './tabs/ReferralsTab';
import { RemindersTab } from './tabs/RemindersTab';
import { ServicesTab } from './tabs/ServicesTab';
import { TasksTab } from './tabs/TasksTab';

/** The tabs, in the order the work goes; each one's slug is the last part of its URL. */
const TABS: { slug: string; label: string; Tab: ComponentType<ClientTabProps> }[] = [
  { slug: 'exams', label: 'Exams', Tab: ExamsTab },
  { slug: 'credentials', label: 'Credentials', Tab: CredentialsTab },
  { slug: 'clinical-experience', label: 'Clinical experience', Tab: ClinicalExperienceTab },
  { slug: 'match-applications', label: 'Match applications', Tab: MatchApplicationsTab },
  { slug: 'documents', label: 'Documents', Tab: DocumentsTab },
  { slug: 'services', label: 'Services', Tab: ServicesTab },
  { slug: 'notes', label: 'Notes', Tab: NotesTab },
  { slug: 'tasks', label: 'Tasks', Tab: TasksTab },
  { slug: 'referrals', label: 'Referrals', Tab: ReferralsTab },
  { slug: 'reminders', label: 'Reminders', Tab: RemindersTab },
];

/**
 * One client: the header (who, stage, what needs attention), the pathway as a timeline, and a
 * tab per kind of record. The open tab is in the URL, so a link can point at it.
 */
export function ClientPage() {
  const { clientId = '', tab } = useParams();
  const navigate = useNavigate();
  const client = useClient(clientId);
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 36em)');
  const canEdit = useCanEditClients();
  const active = TABS.some((t) => t.slug === tab) ? (tab as string) : TABS[0].slug;

  // 404 for a client outside the caller's scope as for none (ids cannot be probed); 400 for a
  // malformed id. Either way the link leads nowhere the person may go: say so plainly.
  if (client.error instanceof ApiError && (client.error.status === 404 || client.error.status === 400)) {
    return <ClientNotFound />;
  }
  return (
    <QueryState query={client} label="the client">
      {(answer) => {
        const data: ClientAsRead = answer;
        const pathway = pathwayOf(data);
        // A director reads a view of the record without its personal fields: nothing to edit then.
        const editable = canEdit && isWhole<ClientDetail, ClientDirectorView>(data, 'consentToShare') ? data : null;
        return (
          <Stack gap="lg">
            <ClientHeader client={data} pathway={pathway} onEdit={editable ? openEdit : undefined} />
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
                <Tabs
                  value={active}
                  onChange={(value) => value && navigate(`/clients/${clientId}/${value}`)}
                  keepMounted={false}
                >
                  <Tabs.List aria-label="Client records">
                    {TABS.map(({ slug, label }) => (
                      <Tabs.Tab key={slug} value={slug}>
                        {label}
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                  {TABS.map(({ slug, Tab }) => (
                    <Tabs.Panel key={slug} value={slug} pt="md">
                      <Tab clientId={clientId} client={data} />
                    </Tabs.Panel>
                  ))}
                </Tabs>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
                <PathwayTimeline checklist={pathway.checklist} />
              </Grid.Col>
            </Grid>
            {editable && (
              <Modal opened={editing} onClose={closeEdit} title="Edit client details" size="xl" fullScreen={phone}>
                {/* Keyed by version: after a reload the form starts again from the client as it now is. */}
                <EditClientForm
                  key={editable.version}
                  client={editable}
                  onSaved={closeEdit}
                  onCancel={closeEdit}
                  onReload={() => void client.refetch()}
                />
              </Modal>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function ClientNotFound() {
  return (
    <Alert color="orange" title="Client not found" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text>
          No client with this link is in your center. They may have moved to another center, or the link is wrong.
        </Text>
        <Anchor component={Link} to="/caseload">
          Back to the caseload
        </Anchor>
      </Stack>
    </Alert>
  );
}
