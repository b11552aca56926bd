import { Role } from '@lib/identity';
import { smallCounts } from './small-counts';

describe(smallCounts.name, () => {
  it.each([
    [0, 0],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [120, 120],
  ])('shows %p to a director as %p', (count, shown) => {
    expect(smallCounts(Role.Director, 5)(count)).toBe(shown);
  });

  it('hides by the configured threshold, and never from admins', () => {
    expect(smallCounts(Role.CaseManager, 10)(9)).toBe('<10');
    expect(smallCounts(Role.CaseManager, 10)(10)).toBe(10);
    expect(smallCounts(Role.Admin, 5)(1)).toBe(1);
  });
});
