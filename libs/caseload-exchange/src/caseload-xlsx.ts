import { Readable } from 'node:stream';
import { Cell } from './caseload-cells';
import { SheetRow } from './caseload-csv';

/**
 * The rows of an XLSX workbook's first sheet, streamed (exceljs' streaming reader: the sheet is
 * never held whole). Numbers, booleans and date cells come as such; a formula cell comes as its
 * formula text (`=…`), never its cached result, so a formula cannot put a value in a record
 * unseen; rich text and hyperlinks as their text. Row numbers are the sheet's own.
 */
export async function* xlsxRows(source: Readable): AsyncIterable<SheetRow> {
  // Loaded when a workbook is read: exceljs is large, and most requests never need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number: needed to read dates as dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      // `values` is sparse and 1-based: a blank cell is a hole, read as null in its place.
      const values = (row.values as unknown[]).slice(1);
      yield { row: row.number, cells: Array.from(values, cellOf) };
    }
    return; // The first sheet only: a template's notes may follow on others.
  }
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const object = value as {
    formula?: string;
    sharedFormula?: string;
    richText?: Array<{ text: string }>;
    text?: unknown;
    error?: string;
  };
  if (object.formula !== undefined || object.sharedFormula !== undefined) {
    return `=${object.formula ?? object.sharedFormula}`;
  }
  if (object.richText) return object.richText.map((part) => part.text).join('');
  if (object.text !== undefined) return cellOf(object.text);
  if (object.error !== undefined) return object.error;
  return String(value);
}
