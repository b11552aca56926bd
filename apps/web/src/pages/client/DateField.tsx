import { DateInput, type DateInputProps } from '@mantine/dates';

/**
 * A civil date field: typed or picked, held as the API's own 'YYYY-MM-DD' string (no time zone
 * to shift it a day), shown in the same unambiguous form a case manager can type.
 */
export function DateField({
  value,
  onChange,
  label,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'label'> & {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <DateInput
      {...props}
      label={label}
      value={value}
      onChange={onChange}
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      clearable
      clearButtonProps={{ 'aria-label': `Clear ${label}` }}
      popoverProps={{ withinPortal: true }}
    />
  );
}
