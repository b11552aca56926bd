import { Readable } from 'node:stream';
import { csvRows, UnreadableFile } from './caseload-csv';

const rowsOf = async (bytes: Buffer | string, chunk = 7) => {
  const buffer = Buffer.from(bytes);
  const parts = [];
  for (let at = 0; at < buffer.length; at += chunk) parts.push(buffer.subarray(at, at + chunk));
  const rows = [];
  for await (const row of csvRows(Readable.from(parts))) rows.push(row);
  return rows;
};

describe(csvRows.name, () => {
  it('numbers rows as a spreadsheet does, the header row 1, a blank line a row too', async () => {
    const rows = await rowsOf('first_name,last_name\r\nAmina,Haddad\n\nLuis,"Pérez, Jr."\n');
    expect(rows).toEqual([
      { row: 1, cells: ['first_name', 'last_name'] },
      { row: 2, cells: ['Amina', 'Haddad'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['Luis', 'Pérez, Jr.'] },
    ]);
  });

  it('drops a byte-order mark and keeps characters split across chunks whole', async () => {
    const rows = await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('first_name\nÇağrı\n')]), 3);
    expect(rows.map((r) => r.cells[0])).toEqual(['first_name', 'Çağrı']);
  });

  it('keeps a quoted cell over several lines in its one row', async () => {
    const rows = await rowsOf('medical_school,first_name\n"Faculty of\nMedicine",Ana\n');
    expect(rows[1]).toEqual({ row: 2, cells: ['Faculty of\nMedicine', 'Ana'] });
  });

  it("reads back a cell the exports guarded against formulas ('+1 …) as the text itself", async () => {
    const rows = await rowsOf("phone,first_name\n'+1 303 555 0142,'Ana\n");
    expect(rows[1].cells).toEqual(['+1 303 555 0142', "'Ana"]);
  });

  it('refuses a file that is not UTF-8 instead of garbling names', async () => {
    await expect(rowsOf(Buffer.from([0x66, 0x69, 0x72, 0x73, 0x74, 0x0a, 0xe9, 0x0a]))).rejects.toBeInstanceOf(
      UnreadableFile,
    );
  });
});
