import { useCallback, useState } from 'react';

/** A form's values and a setter per field, for forms whose inputs each own one field. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(
    <K extends keyof T>(field: K) =>
      (value: T[K]) =>
        setValues((current) => ({ ...current, [field]: value })),
    [],
  );
  return { values, set, setValues };
}

/** Text the person left empty is "no value" to the API. */
export const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A NumberInput's value ('' when empty) as the API's number or null. */
export const numberOrNull = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);
