import { fileNameOf } from './download-csv';

describe(fileNameOf.name, () => {
  it('reads the quoted file name the API sends', () => {
    expect(fileNameOf('attachment; filename="match-outcomes-2026-by-center.csv"')).toBe(
      'match-outcomes-2026-by-center.csv',
    );
  });

  it('reads an unquoted one', () => {
    expect(fileNameOf('attachment; filename=pipeline.csv; size=10')).toBe('pipeline.csv');
  });

  it('gives nothing when there is no header or no name in it', () => {
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf('attachment')).toBeUndefined();
  });
});
