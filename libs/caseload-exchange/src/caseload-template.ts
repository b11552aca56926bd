import { toCsv } from '@lib/reports';
import { CASELOAD_COLUMNS, EXAMPLE_ROW } from './caseload-columns';

/** The import template as CSV: the columns in order and one invented example row (UTF-8 with BOM). */
export function templateCsv(): string {
  return toCsv(
    CASELOAD_COLUMNS.map((column) => ({ header: column, value: (row: typeof EXAMPLE_ROW) => row[column] })),
    [EXAMPLE_ROW],
  );
}

/**
 * The import template as XLSX: the same columns and example row, every cell text (so a spreadsheet
 * does not turn 2024-03-18 or a phone number into something else), the header row frozen.
 */
export async function templateXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Clients', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CASELOAD_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: Math.max(column.length, EXAMPLE_ROW[column].length) + 2,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE_ROW);
  return Buffer.from(await book.xlsx.writeBuffer());
}
