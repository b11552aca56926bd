import { Button, ColorSwatch, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDate, type Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import { ReportExamForm, SentNotice } from './ReportExamForm';
import type { MyExam } from './status-types';

/** An exam whose result the IMG may still have to tell: booked, or taken with the result to come. */
const AWAITING_RESULT: MyExam['status'][] = ['scheduled', 'taken', 'result_pending'];

/**
 * The IMG's exams as their record has them, what they reported marked as awaiting their case
 * manager's check, and the form to report another exam or a result.
 */
export function MyExams({ exams, language, t }: { exams: MyExam[]; language: Language; t: Messages }) {
  /** Which form is open: a new report, or the result of one exam (its id). */
  const [open, setOpen] = useState<'new' | string | null>(null);
  const [sent, setSent] = useState(false);
  const close = (wasSent: boolean) => {
    setOpen(null);
    setSent(wasSent);
  };
  const start = (form: 'new' | string) => {
    setOpen(form);
    setSent(false);
  };

  return (
    <Stack gap="sm">
      {exams.length === 0 ? (
        <Text>{t.noExams}</Text>
      ) : (
        <List listStyleType="none" spacing="sm" aria-label={t.exams}>
          {exams.map((exam) => {
            const date = exam.testDate ?? exam.scheduledDate;
            return (
              <List.Item key={exam.id} data-testid="my-exam">
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{t.examNames[exam.exam]}</Text>
                  <Text>
                    {t.examStatuses[exam.status]}
                    {date ? ` ${t.examOn(formatDate(date, language))}` : ''}
                    {exam.score !== null ? ` · ${t.score(exam.score)}` : ''}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap" mt={4} align="center">
                  <ColorSwatch
                    color={`var(--mantine-color-${exam.verified ? 'green' : 'orange'}-6)`}
                    size={10}
                    withShadow={false}
                    aria-hidden="true"
                  />
                  <Text size="sm">{exam.verified ? t.verified : t.unverified}</Text>
                </Group>
                {AWAITING_RESULT.includes(exam.status) &&
                  (open === exam.id ? (
                    <ReportExamForm exam={exam} language={language} t={t} onDone={close} />
                  ) : (
                    <Button variant="subtle" size="compact-sm" display="block" mt={4} onClick={() => start(exam.id)}>
                      {t.reportResultOf(t.examNames[exam.exam])}
                    </Button>
                  ))}
              </List.Item>
            );
          })}
        </List>
      )}
      {sent && <SentNotice t={t} />}
      {open === 'new' ? (
        <ReportExamForm language={language} t={t} onDone={close} />
      ) : (
        <Group>
          <Button variant="light" onClick={() => start('new')}>
            {t.reportExam}
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t.reportExplained}
      </Text>
    </Stack>
  );
}
