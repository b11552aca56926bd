import { Alert, Button, Group, NumberInput, Radio, Select, Stack } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/es';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { problemsOf } from '../../api/errors';
import type { components } from '../../api/schema';
import { FormError } from '../../components/FormError';
import type { Language } from '../../i18n/language';
import type { Messages } from '../../i18n/messages';
import type { MyExam } from './status-types';

type ExamName = MyExam['exam'];
type Result = keyof Messages['results'];
type Body = components['schemas']['CreateExamDto'];

const EXAMS: ExamName[] = ['USMLE_STEP1', 'USMLE_STEP2_CK', 'USMLE_STEP3', 'OET_MEDICINE'];
/** Step 1 is pass/fail (from 2022) and OET reports four sub-scores: only these two take one score. */
const SCORED: ExamName[] = ['USMLE_STEP2_CK', 'USMLE_STEP3'];
const FIELDS = ['exam', 'status', 'scheduledDate', 'testDate', 'score'];
/** Today on this device, as the date input writes dates (`YYYY-MM-DD`). */
const today = () => dayjs().format('YYYY-MM-DD');

/**
 * The IMG reports a date they booked or a result they got: a new exam, or the result of one on
 * their record (`exam` given). The API stores it unverified and asks their case manager to check it.
 */
export function ReportExamForm({
  exam,
  language,
  t,
  onDone,
}: {
  exam?: MyExam;
  language: Language;
  t: Messages;
  onDone: (sent: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [examName, setExamName] = useState<ExamName | null>(exam?.exam ?? null);
  const [reporting, setReporting] = useState<'date' | 'result'>(exam ? 'result' : 'date');
  const [date, setDate] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [score, setScore] = useState<number | string>('');
  /** Fields left empty at the last try: said in the reader's language here, before the API (which writes English) is asked. */
  const [missing, setMissing] = useState<string[]>([]);

  const scored = examName !== null && SCORED.includes(examName) && (result === 'passed' || result === 'failed');
  const send = useMutation({
    mutationFn: () => {
      // Left empty, a field goes as '' so the API names it beside the field, in its own words.
      const body: Omit<Body, 'exam'> =
        reporting === 'date'
          ? { status: 'scheduled', scheduledDate: date ?? '' }
          : {
              status: result ?? ('' as Body['status']),
              testDate: date ?? '',
              ...(scored && score !== '' ? { score: Number(score) } : {}),
            };
      return exam
        ? ok(api.PATCH('/api/v1/me/exams/{id}', { params: { path: { id: exam.id } }, body }))
        : ok(api.POST('/api/v1/me/exams', { body: { exam: examName ?? ('' as ExamName), ...body } }));
    },
    onSuccess: () => {
      // Said at once; the list (and the next steps it may change) follow when the status comes back.
      void queryClient.invalidateQueries({ queryKey: ['me', 'status'] });
      onDone(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = [
      ...(examName === null ? ['exam'] : []),
      ...(reporting === 'result' && result === null ? ['status'] : []),
      ...(date === null ? ['date'] : []),
    ];
    setMissing(empty);
    if (empty.length === 0) send.mutate();
  };

  const dateField = reporting === 'date' ? 'scheduledDate' : 'testDate';
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 0 }}>
      <form onSubmit={submit} noValidate aria-label={exam ? t.reportResultOf(t.examNames[exam.exam]) : t.reportExam}>
        <Stack gap="sm">
          {!exam && (
            <Select
              label={t.exam}
              data={EXAMS.map((value) => ({ value, label: t.examNames[value] }))}
              value={examName}
              onChange={(value) => setExamName(value as ExamName | null)}
              error={missing.includes('exam') ? t.required : problemsOf(send.error, 'exam')}
              required
              allowDeselect={false}
            />
          )}
          {!exam && (
            <Radio.Group
              label={t.reporting}
              value={reporting}
              onChange={(value) => {
                setReporting(value as 'date' | 'result');
                // A booked day still ahead cannot be the day a result came from.
                if (value === 'result' && date !== null && date > today()) setDate(null);
              }}
            >
              <Group gap="md" mt={4}>
                <Radio value="date" label={t.reportingDate} />
                <Radio value="result" label={t.reportingResult} />
              </Group>
            </Radio.Group>
          )}
          {reporting === 'result' && (
            <Select
              label={t.result}
              data={(Object.keys(t.results) as Result[]).map((value) => ({ value, label: t.results[value] }))}
              value={result}
              onChange={(value) => setResult(value as Result | null)}
              error={missing.includes('status') ? t.required : problemsOf(send.error, 'status')}
              required
              allowDeselect={false}
            />
          )}
          <DateInput
            label={reporting === 'date' ? t.examDate : t.dateTaken}
            placeholder={t.datePlaceholder}
            value={date}
            onChange={setDate}
            valueFormat="D MMMM YYYY"
            // A result is of a day gone by: later days are not offered (the API would refuse them, in English).
            maxDate={reporting === 'result' ? today() : undefined}
            error={missing.includes('date') ? t.required : problemsOf(send.error, dateField)}
            required
            clearable
            popoverProps={{ withinPortal: true }}
          />
          {scored && (
            <NumberInput
              label={t.scoreLabel}
              description={t.scoreHint}
              value={score}
              onChange={setScore}
              min={1}
              max={300}
              allowDecimal={false}
              error={problemsOf(send.error, 'score')}
            />
          )}
          <FormError error={send.error} fields={FIELDS} />
          <Group gap="sm">
            <Button type="submit" loading={send.isPending}>
              {t.send}
            </Button>
            <Button variant="default" onClick={() => onDone(false)}>
              {t.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}

/** After a report: said once, where the form was. */
export function SentNotice({ t }: { t: Messages }) {
  return (
    <Alert color="green" role="status">
      {t.sent}
    </Alert>
  );
}
