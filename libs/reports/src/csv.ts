import { stringify } from 'csv-stringify/sync';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A CSV file as spreadsheets expect it: UTF-8 with a byte-order mark, a header row, every field
 * quoted. Text that would start a formula gets a leading apostrophe (CSV injection); numbers
 * stay numbers.
 */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  const cell = (value: string | number | null) =>
    typeof value === 'string' && FORMULA.test(value) ? `'${value}` : (value ?? '');
  return stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(c.value(row))))], {
    quoted: true,
    bom: true,
    record_delimiter: 'windows',
  });
}
