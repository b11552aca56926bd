import { addDays, addMonths, civilDateOf, daysBetween, earliest, latest } from './civil-date';

describe('civil dates', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2021-07-15', 12, '2022-07-15'],
    ['2021-07-15', -12, '2020-07-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it('adds days across a month and a leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts whole days either way', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('reads today in a time zone', () => {
    const instant = new Date('2026-03-05T03:00:00Z');
    expect(civilDateOf(instant)).toBe('2026-03-05');
    expect(civilDateOf(instant, 'America/Denver')).toBe('2026-03-04');
  });

  it('finds the earliest and latest date, or null', () => {
    expect(earliest(['2026-02-01', '2025-12-31'])).toBe('2025-12-31');
    expect(latest(['2026-02-01', '2025-12-31'])).toBe('2026-02-01');
    expect(earliest([])).toBeNull();
    expect(latest([])).toBeNull();
  });
});
