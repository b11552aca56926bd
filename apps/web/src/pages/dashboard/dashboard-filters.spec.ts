import { readFilters } from './dashboard-filters';

describe(readFilters.name, () => {
  it('reads every filter from the address', () => {
    const center = '0b9f3a8e-4c1d-4f7a-9a59-2f1f0c4b8e11';
    const params = new URLSearchParams(
      `season=2026&center=${center}&groupBy=specialty&intakeFrom=2024-01-01&intakeTo=2024-12-31&servicesFrom=2026-01-01&servicesTo=2026-06-30`,
    );
    expect(readFilters(params)).toEqual({
      season: 2026,
      centerId: center,
      groupBy: 'specialty',
      intakeFrom: '2024-01-01',
      intakeTo: '2024-12-31',
      servicesFrom: '2026-01-01',
      servicesTo: '2026-06-30',
    });
  });

  it('ignores what it cannot read, so the API is never asked for it', () => {
    const params = new URLSearchParams('season=twenty&center=denver&groupBy=planet&intakeFrom=yesterday');
    expect(readFilters(params)).toEqual({
      season: undefined,
      centerId: undefined,
      groupBy: undefined,
      intakeFrom: undefined,
      intakeTo: undefined,
      servicesFrom: undefined,
      servicesTo: undefined,
    });
  });
});
