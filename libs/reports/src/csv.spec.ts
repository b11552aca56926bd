import { parse } from 'csv-parse/sync';
import { CsvColumn, toCsv } from './csv';

interface Row {
  name: string;
  count: number | string;
  rate: number | null;
}
const COLUMNS: Array<CsvColumn<Row>> = [
  { header: 'name', value: (r) => r.name },
  { header: 'count', value: (r) => r.count },
  { header: 'rate', value: (r) => r.rate },
];

describe(toCsv.name, () => {
  it('writes a BOM, a header row and every field quoted, and reads back as written', () => {
    const csv = toCsv(COLUMNS, [{ name: 'São Paulo, "SP"', count: 3, rate: 0.5 }]);
    expect(csv.startsWith('\uFEFF"name","count","rate"\r\n')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ['name', 'count', 'rate'],
      ['São Paulo, "SP"', '3', '0.5'],
    ]);
  });

  it.each(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx'])('neutralizes %j, which a spreadsheet would run', (text) => {
    const [, [cell]] = parse(toCsv(COLUMNS, [{ name: text, count: 1, rate: null }]), { bom: true });
    expect(cell).toBe(`'${text}`);
  });

  it('leaves numbers (negative ones too), plain text and empty cells alone', () => {
    const [, row] = parse(toCsv(COLUMNS, [{ name: 'Family Medicine', count: -4, rate: null }]), { bom: true });
    expect(row).toEqual(['Family Medicine', '-4', '']);
  });
});
