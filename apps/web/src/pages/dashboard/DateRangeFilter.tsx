import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useState } from 'react';

/**
 * A date range for one report, in the API's civil-date form (YYYY-MM-DD). It reports a range once
 * both ends are picked (or both cleared): half a range is still being chosen. Keyed by its value
 * where it is used, so a change of address (Back) starts it afresh.
 */
export function DateRangeFilter({
  label,
  description,
  from,
  to,
  onChange,
}: {
  label: string;
  description: string;
  from?: string;
  to?: string;
  onChange: (from: string | undefined, to: string | undefined) => void;
}) {
  const [value, setValue] = useState<DatesRangeValue<string>>([from ?? null, to ?? null]);
  return (
    <DatePickerInput
      type="range"
      label={label}
      description={description}
      placeholder="Any date"
      // Mantine's placeholder grey is below 4.5:1 on white; the theme's darker "dimmed" is not.
      styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
      clearable
      allowSingleDateInRange
      valueFormat="MMM D, YYYY"
      value={value}
      onChange={(range) => {
        setValue(range);
        const [start, end] = range;
        if ((start === null) === (end === null)) onChange(start ?? undefined, end ?? undefined);
      }}
      maw={320}
    />
  );
}
