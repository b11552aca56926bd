import { pivot } from './pivot';

describe(pivot.name, () => {
  it('makes one row per value, in the order given, with a column per center and a total', () => {
    const { centers, rows } = pivot(
      [
        { center: 'Denver', value: 'exams', clients: 3 },
        { center: 'Denver', value: 'intake', clients: 2 },
        { center: 'Boston', value: 'exams', clients: 4 },
      ],
      ['intake', 'credentialing', 'exams'],
    );
    expect(centers).toEqual(['Denver', 'Boston']);
    expect(rows).toEqual([
      { value: 'intake', byCenter: { Denver: 2 }, total: 2 },
      { value: 'exams', byCenter: { Denver: 3, Boston: 4 }, total: 7 },
    ]);
  });

  it('puts values the order does not know after those it does', () => {
    const { rows } = pivot(
      [
        { center: 'Denver', value: 'someday', clients: 1 },
        { center: 'Denver', value: 'exams', clients: 1 },
      ],
      ['exams'],
    );
    expect(rows.map((r) => r.value)).toEqual(['exams', 'someday']);
  });
});
