import { AuditContext, AuditService } from '@lib/audit';
import { DomainEvents, MatchCalendarChanged } from '@lib/domain-events';
import { NotFoundError, ValidationFailed } from '@lib/kernel';
import type { MatchSeason } from '@lib/pathway';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MatchSeasonResponse, toMatchSeasonResponse, UpdateMatchSeasonDto } from './match-season.dto';
import { MatchSeasonEntity } from './match-season.entity';

/** The Match calendar: every season with its dates, read by all, corrected by admins (checked by the caller). */
@Injectable()
export class MatchSeasonsService {
  constructor(
    @InjectRepository(MatchSeasonEntity) private readonly seasons: Repository<MatchSeasonEntity>,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(): Promise<MatchSeasonResponse[]> {
    return (await this.seasons.find({ order: { matchYear: 'ASC' } })).map(toMatchSeasonResponse);
  }

  async get(matchYear: number): Promise<MatchSeasonResponse> {
    const season = await this.seasons.findOneBy({ matchYear });
    if (!season) throw new NotFoundError('Match season', String(matchYear));
    return toMatchSeasonResponse(season);
  }

  /** Replaces a season's events (creating the season if new): each key once. */
  async update(context: AuditContext, matchYear: number, input: UpdateMatchSeasonDto): Promise<MatchSeasonResponse> {
    const keys = input.events.map((e) => e.key);
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (repeated.length > 0)
      throw new ValidationFailed([{ field: 'events', problems: [`each key once: ${repeated.join(', ')} repeated`] }]);
    const season = await this.audit.transaction(context, async (manager) => {
      const row =
        (await manager.findOneBy(MatchSeasonEntity, { matchYear })) ?? manager.create(MatchSeasonEntity, { matchYear });
      row.events = input.events.map(({ key, label, at, estimated }) => ({ key, label, at, estimated }));
      return toMatchSeasonResponse(await manager.save(row));
    });
    this.events.publish(new MatchCalendarChanged(matchYear));
    return season;
  }

  /** The calendar as the pathway engine reads it. */
  async matchCalendar(manager: EntityManager): Promise<MatchSeason[]> {
    return (await manager.find(MatchSeasonEntity)).map((s) => ({ matchYear: s.matchYear, events: s.events }));
  }
}
