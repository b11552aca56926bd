import { Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { useSaveClientRecord } from '../queries';
import { REFERRAL_NEXT, REFERRAL_STATUS_LABELS, type ReferralStatus } from './ReferralsLabels';

type Referral = components['schemas']['ReferralResponse'];

const FIELDS = ['programId', 'referralDate', 'note', 'status'];

/** The partner program directory (seventeen programs: one page holds them all). */
export const usePrograms = () =>
  useQuery({
    queryKey: ['programs'],
    queryFn: () => ok(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })),
    staleTime: 30 * 60_000,
  });

/**
 * Refers the client to a partner program, or moves a referral on (`referral` given): its status
 * as far as the API allows, and its note. Which program and when it was sent stay as recorded.
 */
export function ReferralsForm({
  clientId,
  referral,
  onDone,
}: {
  clientId: string;
  referral?: Referral;
  onDone: () => void;
}) {
  const programs = usePrograms();
  const [programId, setProgramId] = useState<string | null>(null);
  const [referralDate, setReferralDate] = useState<string | null>(dayjs().format('YYYY-MM-DD'));
  const [status, setStatus] = useState<ReferralStatus | null>(referral?.status ?? null);
  const [note, setNote] = useState(referral?.note ?? '');
  const today = dayjs().format('YYYY-MM-DD');

  const save = useSaveClientRecord(
    clientId,
    () => {
      const trimmed = note.trim() === '' ? null : note.trim();
      return referral
        ? ok(
            api.PATCH('/api/v1/clients/{clientId}/referrals/{id}', {
              params: { path: { clientId, id: referral.id } },
              body: { note: trimmed, ...(status && status !== referral.status ? { status } : {}) },
            }),
          )
        : ok(
            api.POST('/api/v1/clients/{clientId}/referrals', {
              params: { path: { clientId } },
              body: { programId: programId ?? '', referralDate: referralDate ?? undefined, note: trimmed },
            }),
          );
    },
    onDone,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  const programOptions = (programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.location}` }));
  const statusOptions = referral
    ? [referral.status, ...REFERRAL_NEXT[referral.status]].map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))
    : [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        {!referral && (
          <>
            <Select
              label="Partner program"
              placeholder={programs.isPending ? 'Loading the directory…' : 'Choose a program'}
              data={programOptions}
              value={programId}
              onChange={setProgramId}
              error={
                problemsOf(save.error, 'programId') ??
                (programs.isError ? 'Could not load the program directory: close and try again' : undefined)
              }
              searchable
              nothingFoundMessage="No program by that name"
              required
            />
            <DateInput
              label="Referred on"
              value={referralDate}
              onChange={setReferralDate}
              valueFormat="YYYY-MM-DD"
              placeholder="YYYY-MM-DD"
              maxDate={today}
              error={problemsOf(save.error, 'referralDate')}
              required
            />
          </>
        )}
        {referral && (
          <Select
            label="Status"
            description={
              REFERRAL_NEXT[referral.status].length === 0
                ? 'A declined or completed referral stays as it is'
                : undefined
            }
            data={statusOptions}
            value={status}
            onChange={(value) => value && setStatus(value as ReferralStatus)}
            error={problemsOf(save.error, 'status')}
            allowDeselect={false}
            disabled={REFERRAL_NEXT[referral.status].length === 0}
          />
        )}
        <Textarea
          label="Note"
          description="What was asked for, whom to contact"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={problemsOf(save.error, 'note')}
          autosize
          minRows={2}
          maxRows={8}
        />
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {referral ? 'Save referral' : 'Refer'}
        </FormButtons>
      </Stack>
    </form>
  );
}
