import { welcomeBackCenters } from './seed-centers';

describe(welcomeBackCenters.name, () => {
  const centers = welcomeBackCenters();

  it('takes the eight Welcome Back Centers of the directory, and nothing else', () => {
    expect(centers).toHaveLength(8);
    expect(centers.every((c) => c.slug.startsWith('wbc-'))).toBe(true);
  });

  it('splits "City, ST" into city and state', () => {
    expect(centers.find((c) => c.slug === 'wbc-puget-sound')).toMatchObject({
      city: 'Des Moines',
      state: 'WA',
      hostInstitution: 'Highline College',
      timeZone: 'America/Los_Angeles',
    });
  });

  it('gives every center a valid IANA time zone', () => {
    for (const center of centers) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: center.timeZone })).not.toThrow();
    }
  });
});
