import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { readDate } from './caseload-cells';
import { xlsxRows } from './caseload-xlsx';

async function workbook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Clients'), book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const rowsOf = async (bytes: Buffer) => {
  const rows = [];
  for await (const row of xlsxRows(Readable.from([bytes]).pipe(new PassThrough()))) rows.push(row);
  return rows;
};

describe(xlsxRows.name, () => {
  it("reads the first sheet's rows with their own numbers: text, numbers, date cells", async () => {
    const bytes = await workbook((sheet, book) => {
      sheet.addRow(['first_name', 'graduation_year', 'intake_date']);
      sheet.addRow(['Amina', 2012, new Date(Date.UTC(2025, 8, 15))]);
      sheet.getRow(4).values = ['Luis', 2010, '03/04/2024'];
      book.addWorksheet('Notes').addRow(['not a client']);
    });
    const rows = await rowsOf(bytes);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[1].cells.slice(0, 2)).toEqual(['Amina', 2012]);
    expect(readDate(rows[1].cells[2])).toEqual({ value: '2025-09-15' });
    expect(rows[2].cells).toEqual(['Luis', 2010, '03/04/2024']);
  });

  it('gives a formula as its text, never its result; rich text and links as their text', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['first_name', 'last_name', 'email']);
      sheet.addRow([
        { formula: 'HYPERLINK("http://evil.example","Amina")', result: 'Amina' },
        { richText: [{ text: 'Had' }, { font: { bold: true }, text: 'dad' }] },
        { text: 'amina@example.org', hyperlink: 'mailto:amina@example.org' },
      ]);
    });
    const [, row] = await rowsOf(bytes);
    expect(row.cells).toEqual(['=HYPERLINK("http://evil.example","Amina")', 'Haddad', 'amina@example.org']);
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(rowsOf(Buffer.from('first_name\nAmina\n'))).rejects.toThrow();
  });
});
