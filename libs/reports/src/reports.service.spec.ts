import { Role } from '@lib/identity';
import { OutcomeRow, suppressSmallRows } from './reports.service';
import { smallCounts } from './small-counts';

const counts = (grp: string, applicants: number, matched: number, unmatched: number): OutcomeRow => ({
  grp,
  applicants,
  matched,
  soap: 0,
  elsewhere: 0,
  unmatched,
  withdrawn: 0,
  pending: applicants - matched - unmatched,
});
const director = smallCounts(Role.Director, 5);

describe(suppressSmallRows.name, () => {
  it('hides a whole row with a small count, so its other counts cannot give the small one back', () => {
    const [row] = suppressSmallRows([counts('SY', 10, 4, 6), counts('NG', 8, 5, 3), counts('IN', 9, 5, 0)], director);
    expect(row).toMatchObject({
      applicants: 'hidden',
      matched: '<5',
      unmatched: 'hidden',
      matchedSoap: 0,
      matchRate: null,
    });
  });

  it('hides a second row when only one is hidden, so a total elsewhere minus the rows shown does not give it back', () => {
    const rows = suppressSmallRows([counts('SY', 3, 1, 2), counts('NG', 40, 20, 20), counts('IN', 12, 6, 6)], director);
    expect(rows.map((r) => [r.group, r.applicants])).toEqual([
      ['SY', '<5'],
      ['NG', 40],
      ['IN', 'hidden'],
    ]);
  });

  it('leaves rows of large counts, and everything for admins', () => {
    expect(suppressSmallRows([counts('SY', 10, 5, 5)], director)[0]).toMatchObject({ applicants: 10, matchRate: 0.5 });
    expect(suppressSmallRows([counts('SY', 3, 1, 2)], smallCounts(Role.Admin, 5))[0].applicants).toBe(3);
  });
});
