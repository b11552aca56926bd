import { isCivilDate } from '@lib/kernel';

/** A cell as the readers give it: CSV cells are text; XLSX cells may be numbers, dates or booleans. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A cell read as a column's value, or the problem that stops it (said to the person who made the file). */
export type Read<T> = { value: T } | { problem: string };

const isBlank = (cell: Cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const DATE_FORMS = 'write it as YYYY-MM-DD or MM/DD/YYYY';

/**
 * A date: ISO `YYYY-MM-DD`, US `MM/DD/YYYY` (one or two digits for month and day), or a date cell
 * of a spreadsheet. Anything else, a two-digit year or a day-first date included, is a problem,
 * never a guess: 03/04/2020 is the 4th of March, and 25/03/2020 is refused, not turned around.
 */
export function readDate(cell: Cell): Read<string | null> {
  if (isBlank(cell)) return { value: null };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { problem: `not a date: ${DATE_FORMS}` };
    // Spreadsheet dates carry no zone: the reader gives them at midnight UTC.
    return { value: cell.toISOString().slice(0, 10) };
  }
  const text = String(cell).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return isCivilDate(text) ? { value: text } : { problem: `${text} is not a day of the calendar` };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const [month, day] = [Number(us[1]), Number(us[2])];
    if (month > 12) return { problem: `${text} is not MM/DD/YYYY (${month} is not a month): ${DATE_FORMS}` };
    const iso = `${us[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return isCivilDate(iso) ? { value: iso } : { problem: `${text} is not a day of the calendar` };
  }
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text)) return { problem: `${text} has a two-digit year: ${DATE_FORMS}` };
  return { problem: `${text} is not a date: ${DATE_FORMS}` };
}

/** A whole number from `min` to `max` (a score, a year); text like "238" or a number cell. */
export function readInteger(cell: Cell, min: number, max: number): Read<number | null> {
  if (isBlank(cell)) return { value: null };
  const text = typeof cell === 'number' ? String(cell) : String(cell).trim();
  if (!/^-?\d+$/.test(text)) return { problem: `${text} is not a whole number` };
  const value = Number(text);
  return value < min || value > max ? { problem: `${value} is out of range (${min} to ${max})` } : { value };
}

/** Text, trimmed; blank is null. A formula cell arrives here as its formula text, never its result. */
export function readText(cell: Cell, maxLength: number): Read<string | null> {
  if (isBlank(cell)) return { value: null };
  const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
  return text.length > maxLength ? { problem: `longer than ${maxLength} characters` } : { value: text };
}

/** One of `values`, matched without regard to case, spaces or hyphens (`Matched SOAP` → `matched_soap`). */
export function readChoice<T extends string>(
  cell: Cell,
  values: readonly T[],
  aliases: Record<string, T> = {},
): Read<T | null> {
  if (isBlank(cell)) return { value: null };
  const key = String(cell)
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const found = values.find((v) => v === key) ?? aliases[key];
  return found ? { value: found } : { problem: `${String(cell).trim()} is not one of ${values.join(', ')}` };
}
