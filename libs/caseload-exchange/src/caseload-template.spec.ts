import { PassThrough, Readable } from 'node:stream';
import { csvRows } from './caseload-csv';
import { CASELOAD_COLUMNS, EXAMPLE_ROW, matchHeaders } from './caseload-columns';
import { templateCsv, templateXlsx } from './caseload-template';
import { xlsxRows } from './caseload-xlsx';

const all = async <T>(rows: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
};

describe('the import template', () => {
  it.each([
    ['CSV', async () => all(csvRows(Readable.from([Buffer.from(templateCsv())])))],
    ['XLSX', async () => all(xlsxRows(Readable.from([await templateXlsx()]).pipe(new PassThrough())))],
  ])('as %s reads back as its own columns and example row', async (_kind, read) => {
    const [header, example, ...rest] = await read();
    expect(header.cells).toEqual([...CASELOAD_COLUMNS]);
    expect(matchHeaders(header.cells.map(String)).columns.size).toBe(CASELOAD_COLUMNS.length);
    expect(example.cells.map((c) => (c == null ? '' : String(c)))).toEqual(CASELOAD_COLUMNS.map((c) => EXAMPLE_ROW[c]));
    expect(rest).toEqual([]);
  });
});
