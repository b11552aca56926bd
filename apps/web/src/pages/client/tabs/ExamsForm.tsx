import { Alert, Anchor, Fieldset, List, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { DateField } from '../DateField';
import { refusalsOf } from '../error-details';
import { numberOrNull, useFormState } from '../form-state';
import { EXAM_LABELS, EXAM_STATUS_LABELS, optionsOf } from '../labels';
import { useSaveClientRecord } from '../queries';

type Exam = components['schemas']['ExamResponse'];
type ExamBody = components['schemas']['CreateExamDto'];
type OetPart = keyof components['schemas']['OetScoresDto'];

const OET_PARTS: { part: OetPart; label: string }[] = [
  { part: 'listening', label: 'Listening' },
  { part: 'reading', label: 'Reading' },
  { part: 'writing', label: 'Writing' },
  { part: 'speaking', label: 'Speaking' },
];

const FIELDS = [
  'exam',
  'status',
  'eligibilityStart',
  'eligibilityEnd',
  'extensionEnd',
  'scheduledDate',
  'testDate',
  'resultDate',
  'score',
  ...OET_PARTS.map(({ part }) => `oetScores.${part}`),
];

interface ExamValues {
  exam: Exam['exam'];
  status: Exam['status'];
  eligibilityStart: string | null;
  eligibilityEnd: string | null;
  extensionEnd: string | null;
  scheduledDate: string | null;
  testDate: string | null;
  resultDate: string | null;
  score: number | string;
  listening: number | string;
  reading: number | string;
  writing: number | string;
  speaking: number | string;
}

const valuesOf = (exam: Exam | null): ExamValues => ({
  exam: exam?.exam ?? 'USMLE_STEP1',
  status: exam?.status ?? 'planned',
  eligibilityStart: exam?.eligibilityStart ?? null,
  eligibilityEnd: exam?.eligibilityEnd ?? null,
  extensionEnd: exam?.extensionEnd ?? null,
  scheduledDate: exam?.scheduledDate ?? null,
  testDate: exam?.testDate ?? null,
  resultDate: exam?.resultDate ?? null,
  score: exam?.score ?? '',
  listening: exam?.oetScores?.listening ?? '',
  reading: exam?.oetScores?.reading ?? '',
  writing: exam?.oetScores?.writing ?? '',
  speaking: exam?.oetScores?.speaking ?? '',
});

function bodyOf(values: ExamValues): ExamBody {
  const oet = values.exam === 'OET_MEDICINE';
  const parts = OET_PARTS.map(({ part }) => numberOrNull(values[part]));
  return {
    exam: values.exam,
    status: values.status,
    eligibilityStart: values.eligibilityStart,
    eligibilityEnd: values.eligibilityEnd,
    extensionEnd: values.extensionEnd,
    scheduledDate: values.scheduledDate,
    testDate: values.testDate,
    resultDate: values.resultDate,
    score: oet ? null : numberOrNull(values.score),
    // Sub-scores go together (one sitting) or not at all; the API names any missing one.
    oetScores:
      oet && parts.some((p) => p !== null)
        ? (Object.fromEntries(OET_PARTS.map(({ part }, i) => [part, parts[i]])) as ExamBody['oetScores'])
        : null,
  };
}

/**
 * Adds an exam attempt, or changes one (`exam` given). What the USMLE rules forbid (a fifth
 * attempt, a retake too soon, a date outside the eligibility window) the API refuses with the
 * rule named: shown here with a link to where the rule is written.
 */
export function ExamsForm({ clientId, exam, onDone }: { clientId: string; exam: Exam | null; onDone: () => void }) {
  const { values, set } = useFormState(() => valuesOf(exam));
  const save = useSaveClientRecord(
    clientId,
    (body: ExamBody) => {
      if (exam === null)
        return ok(api.POST('/api/v1/clients/{clientId}/exams', { params: { path: { clientId } }, body }));
      const { exam: _kind, ...update } = body;
      return ok(
        api.PATCH('/api/v1/clients/{clientId}/exams/{id}', {
          params: { path: { clientId, id: exam.id } },
          body: update,
        }),
      );
    },
    onDone,
  );
  const refusals = refusalsOf(save.error);
  const problems = (field: string) => problemsOf(save.error, field);
  const isOet = values.exam === 'OET_MEDICINE';

  return (
    <form
      noValidate
      aria-label={exam ? 'Edit exam attempt' : 'Add exam attempt'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(bodyOf(values));
      }}
    >
      <Stack>
        {refusals.length > 0 ? (
          <Alert color="red" title="The USMLE rules do not allow this" role="alert" data-testid="exam-refusal">
            <List size="sm" spacing={4}>
              {refusals.map((refusal) => (
                <List.Item key={refusal.code}>
                  {refusal.message}
                  {refusal.source && (
                    <>
                      {' ('}
                      <Anchor href={refusal.source} target="_blank" rel="noreferrer" size="sm">
                        the rule
                      </Anchor>
                      )
                    </>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <FormError error={save.error} fields={FIELDS} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Exam"
            required
            data={optionsOf(EXAM_LABELS)}
            value={values.exam}
            onChange={(value) => value && set('exam')(value as Exam['exam'])}
            allowDeselect={false}
            // An attempt at one exam does not become an attempt at another: add a new one instead.
            disabled={exam !== null}
            error={problems('exam')}
          />
          <Select
            label="Status"
            required
            data={optionsOf(EXAM_STATUS_LABELS)}
            value={values.status}
            onChange={(value) => value && set('status')(value as Exam['status'])}
            allowDeselect={false}
            error={problems('status')}
          />
        </SimpleGrid>
        <Fieldset legend="Eligibility window">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label="Opens"
              value={values.eligibilityStart}
              onChange={set('eligibilityStart')}
              error={problems('eligibilityStart')}
            />
            <DateField
              label="Closes"
              value={values.eligibilityEnd}
              onChange={set('eligibilityEnd')}
              error={problems('eligibilityEnd')}
            />
            <DateField
              label="Extended to"
              value={values.extensionEnd}
              onChange={set('extensionEnd')}
              error={problems('extensionEnd')}
            />
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label="Scheduled for"
            value={values.scheduledDate}
            onChange={set('scheduledDate')}
            error={problems('scheduledDate')}
          />
          <DateField
            label="Test date"
            description="The day it was taken"
            value={values.testDate}
            onChange={set('testDate')}
            error={problems('testDate')}
          />
          <DateField
            label="Result reported on"
            description="Counts toward the rank-list deadline from this day"
            value={values.resultDate}
            onChange={set('resultDate')}
            error={problems('resultDate')}
          />
        </SimpleGrid>
        {isOet ? (
          <Fieldset legend="OET Medicine scores (one sitting)">
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {OET_PARTS.map(({ part, label }) => (
                <NumberInput
                  key={part}
                  label={label}
                  value={values[part]}
                  onChange={set(part)}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  error={problems(`oetScores.${part}`)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ) : (
          <NumberInput
            label="Score"
            description={
              values.exam === 'USMLE_STEP1'
                ? 'Step 1 from 26 January 2022 is pass/fail: leave empty'
                : 'Three-digit score'
            }
            value={values.score}
            onChange={set('score')}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            maw={240}
            error={problems('score')}
          />
        )}
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {exam ? 'Save attempt' : 'Add attempt'}
        </FormButtons>
      </Stack>
    </form>
  );
}
