import { Alert, Anchor, Card, Container, List, Stack, Text, Title } from '@mantine/core';
import { useMyStatus } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { UiWordsContext } from '../../components/ui-words';
import { MESSAGES } from '../../i18n/messages';
import { useLanguage } from '../../i18n/useLanguage';
import { CalendarLink } from './CalendarLink';
import { DeadlineList } from './DeadlineList';
import { MyDocuments } from './MyDocuments';
import { MyExams } from './MyExams';
import { ProgressTimeline } from './ProgressTimeline';
import { StatusSection } from './StatusSection';
import { TaskList } from './TaskList';

/**
 * The IMG's home, mobile first (one column): where they are, what needs attention, what comes
 * next, their dates, their case manager, their tasks, documents and exams, their progress, and a
 * calendar link. In English or Spanish: the API writes its sentences in their chosen language, and the
 * page's own words follow the language the status came in, so the two never mix.
 */
export function StatusPage() {
  const status = useMyStatus();
  const { t: chosen } = useLanguage();
  return (
    // The shared loading, error and form-failure words in the IMG's language too.
    <UiWordsContext.Provider value={chosen}>
      <Container size="xs" px={0}>
        <Stack gap="md">
          <QueryState query={status} label={chosen.yourStatus}>
            {(data) => {
              const language = data.language;
              const t = MESSAGES[language];
              return (
                <Stack gap="md" lang={language}>
                  <Title order={1} size="h3">
                    {t.hello(data.firstName)}
                  </Title>
                  <Card withBorder component="section" aria-labelledby="stage-heading">
                    <Text id="stage-heading" size="sm" c="dimmed">
                      {t.whereYouAre}
                    </Text>
                    <Text size="xl" fw={600} data-testid="stage">
                      {data.stageText}
                    </Text>
                  </Card>
                  {data.warnings.length > 0 && (
                    <Stack gap="xs" component="section" aria-label={t.attention}>
                      {data.warnings.map((warning) => (
                        <Alert
                          key={`${warning.code}-${warning.date ?? ''}`}
                          color={warning.severity === 'blocker' ? 'red' : 'yellow'}
                          role="note"
                        >
                          {warning.message}
                        </Alert>
                      ))}
                    </Stack>
                  )}
                  <StatusSection id="next-steps" title={t.nextSteps}>
                    {data.nextSteps.length > 0 ? (
                      <List spacing="xs" type="ordered">
                        {data.nextSteps.map((step) => (
                          <List.Item key={step}>{step}</List.Item>
                        ))}
                      </List>
                    ) : (
                      <Text>{t.nothingToDo}</Text>
                    )}
                  </StatusSection>
                  <StatusSection id="deadlines" title={t.deadlines}>
                    <DeadlineList deadlines={data.deadlines} language={language} t={t} />
                  </StatusSection>
                  <StatusSection id="case-manager" title={t.caseManager}>
                    {data.caseManager ? (
                      <Stack gap={2}>
                        <Text>{data.caseManager.name}</Text>
                        <Anchor href={`mailto:${data.caseManager.email}`} style={{ overflowWrap: 'anywhere' }}>
                          {data.caseManager.email}
                        </Anchor>
                      </Stack>
                    ) : (
                      <Text>{t.noCaseManager}</Text>
                    )}
                  </StatusSection>
                  <StatusSection id="tasks" title={t.tasks}>
                    <TaskList tasks={data.tasks} language={language} t={t} />
                  </StatusSection>
                  <StatusSection id="documents" title={t.documents}>
                    <MyDocuments language={language} t={t} />
                  </StatusSection>
                  <StatusSection id="exams" title={t.exams}>
                    <MyExams exams={data.exams} language={language} t={t} />
                  </StatusSection>
                  <StatusSection id="progress" title={t.progress}>
                    <ProgressTimeline checklist={data.checklist} language={language} t={t} />
                  </StatusSection>
                  <StatusSection id="calendar" title={t.calendar}>
                    <CalendarLink t={t} />
                  </StatusSection>
                </Stack>
              );
            }}
          </QueryState>
        </Stack>
      </Container>
    </UiWordsContext.Provider>
  );
}
