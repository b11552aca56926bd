import { parse } from 'csv-parse';
import { Readable, Transform } from 'node:stream';
import { Cell } from './caseload-cells';

/** A spreadsheet row: its number as a spreadsheet counts it (the header is row 1) and its cells. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** The file is not text this import can read (not UTF-8): said once, for the whole file. */
export class UnreadableFile extends Error {}

/**
 * The rows of a CSV file, streamed: UTF-8 with or without a byte-order mark, any line ending,
 * quoted cells over several lines. Bytes that are not UTF-8 fail the read (`UnreadableFile`)
 * rather than becoming replacement characters in a client's name. Blank lines are rows too, as
 * in a spreadsheet, so the numbers match what the person sees.
 */
export async function* csvRows(source: Readable): AsyncIterable<SheetRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const utf8 = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new UnreadableFile('The file is not UTF-8 text: save it as "CSV UTF-8" or as .xlsx'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new UnreadableFile('The file is not UTF-8 text: save it as "CSV UTF-8" or as .xlsx'));
      }
    },
  });
  const parser = source.pipe(utf8).pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Files edited on several systems mix line endings: each one ends a row.
      record_delimiter: ['\r\n', '\n', '\r'],
    }),
  );
  utf8.on('error', (error) => parser.destroy(error));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record.map(unescapeFormula) };
  }
}

/**
 * The inverse of the exports' CSV-injection guard: a cell written as `'=…` (or `'+`, `'-`, `'@`)
 * so that a spreadsheet shows it as text is read back as the text itself.
 */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
