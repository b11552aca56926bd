import { MatchSeasonEntity } from '@lib/match-calendar';
import { DataSource } from 'typeorm';
import calendar from '../data/match-seasons.json';

/** Adds the seasons of the calendar file that are missing; seasons an admin has edited stay as they are. */
export async function seedMatchSeasons(dataSource: DataSource): Promise<number> {
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(MatchSeasonEntity)
    .values(calendar.seasons.map((s) => ({ matchYear: s.matchYear, events: s.events })))
    .orIgnore()
    // Reference data loaded by set-up, not a change anyone made: not audited.
    .callListeners(false)
    .returning(['match_year'])
    .execute();
  return result.raw.length;
}
