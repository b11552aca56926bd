import { validateSync } from 'class-validator';
import { isCivilDate, IsCivilDate, IsYearAtMostAhead, todayCivil } from './civil-date';

class Probe {
  @IsCivilDate({ notFuture: true, min: '1900-01-01' })
  born: string;
}

const problems = (born: string) => {
  const probe = Object.assign(new Probe(), { born });
  return validateSync(probe).flatMap((e) => Object.values(e.constraints ?? {}));
};

describe(isCivilDate.name, () => {
  it.each(['2024-02-29', '1999-12-31'])('accepts %s', (value) => expect(isCivilDate(value)).toBe(true));
  it.each(['2023-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '2026-01-01T00:00:00Z', ''])('refuses %s', (value) =>
    expect(isCivilDate(value)).toBe(false),
  );
});

describe(IsCivilDate.name, () => {
  it('accepts today and a past date', () => {
    expect(problems(todayCivil())).toEqual([]);
    expect(problems('1980-06-15')).toEqual([]);
  });

  it('refuses a date after tomorrow, naming the rule', () => {
    const nextWeek = todayCivil(new Date(Date.now() + 7 * 86_400_000));
    expect(problems(nextWeek)).toEqual([
      'born must be a date written YYYY-MM-DD, not in the future, not before 1900-01-01',
    ]);
  });

  it('refuses a date before the minimum', () => {
    expect(problems('1899-12-31')).toHaveLength(1);
  });
});

describe(IsYearAtMostAhead.name, () => {
  class Year {
    @IsYearAtMostAhead(1)
    year: number;
  }
  const problems = (year: number) => validateSync(Object.assign(new Year(), { year })).length;

  it('accepts next year and refuses the one after', () => {
    const now = new Date().getUTCFullYear();
    expect(problems(now + 1)).toBe(0);
    expect(problems(now + 2)).toBe(1);
  });
});
