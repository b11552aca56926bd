import { Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../../api/client';
import { problemsOf } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FormError';
import { FormButtons } from '../../../components/FormButtons';
import { useSaveClientRecord } from '../queries';
import { SERVICE_CATEGORY_LABELS, type ServiceCategory } from './ServicesLabels';

type Service = components['schemas']['ServiceResponse'];

const CATEGORY_OPTIONS = Object.entries(SERVICE_CATEGORY_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = ['category', 'serviceDate', 'hours', 'amountCents', 'provider', 'description'];

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const numberOrNull = (value: string | number): number | null => (typeof value === 'number' ? value : null);

/** Records a service delivered to the client, or corrects one (`service` given). */
export function ServicesForm({
  clientId,
  service,
  onDone,
}: {
  clientId: string;
  service?: Service;
  onDone: () => void;
}) {
  const [category, setCategory] = useState<ServiceCategory | null>(service?.category ?? null);
  const [serviceDate, setServiceDate] = useState<string | null>(service?.serviceDate ?? dayjs().format('YYYY-MM-DD'));
  const [hours, setHours] = useState<string | number>(service?.hours ?? '');
  // Typed in dollars (or the recorded currency), sent in cents.
  const [amount, setAmount] = useState<string | number>(service?.amountCents != null ? service.amountCents / 100 : '');
  const [provider, setProvider] = useState(service?.provider ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const financial = category === 'financial_support';

  const save = useSaveClientRecord(
    clientId,
    () => {
      const dollars = numberOrNull(amount);
      const fields = {
        category: category ?? ('' as ServiceCategory),
        serviceDate: serviceDate ?? '',
        hours: numberOrNull(hours),
        // Money goes with financial support only: the API refuses it on any other category.
        amountCents: financial && dollars !== null ? Math.round(dollars * 100) : null,
        provider: blankToNull(provider),
        description: blankToNull(description),
      };
      return service
        ? ok(
            api.PATCH('/api/v1/clients/{clientId}/services/{id}', {
              params: { path: { clientId, id: service.id } },
              body: fields,
            }),
          )
        : ok(api.POST('/api/v1/clients/{clientId}/services', { params: { path: { clientId } }, body: fields }));
    },
    onDone,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} fields={FIELDS} />
        <Select
          label="Service"
          placeholder="What was given"
          data={CATEGORY_OPTIONS}
          value={category}
          onChange={(value) => setCategory(value as ServiceCategory | null)}
          error={problemsOf(save.error, 'category')}
          required
        />
        <Group grow align="flex-start" wrap="wrap">
          <DateInput
            label="Date"
            value={serviceDate}
            onChange={setServiceDate}
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            error={problemsOf(save.error, 'serviceDate')}
            required
            miw={160}
          />
          <NumberInput
            label="Hours"
            value={hours}
            onChange={setHours}
            min={0}
            step={0.5}
            decimalScale={2}
            error={problemsOf(save.error, 'hours')}
            miw={120}
          />
          {financial && (
            <NumberInput
              label="Amount"
              description={service?.currency && service.currency !== 'USD' ? service.currency : 'US dollars'}
              value={amount}
              onChange={setAmount}
              min={0}
              decimalScale={2}
              fixedDecimalScale
              thousandSeparator=","
              error={problemsOf(save.error, 'amountCents')}
              required
              miw={140}
            />
          )}
        </Group>
        <TextInput
          label="Provider"
          description="Who gave it: a course, a mentor, a program"
          value={provider}
          onChange={(event) => setProvider(event.currentTarget.value)}
          error={problemsOf(save.error, 'provider')}
        />
        <Textarea
          label="Description"
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={problemsOf(save.error, 'description')}
          autosize
          minRows={2}
          maxRows={8}
        />
        <FormButtons onCancel={onDone} saving={save.isPending}>
          {service ? 'Save service' : 'Add service'}
        </FormButtons>
      </Stack>
    </form>
  );
}
