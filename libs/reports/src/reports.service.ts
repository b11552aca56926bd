import { Actor } from '@lib/identity';
import { Environment, NotFoundError } from '@lib/kernel';
import { PROGRAM_SERVICES } from '@lib/programs';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  MatchGrouping,
  MatchOutcomesQuery,
  MatchOutcomesReport,
  ProgramsCoverageReport,
  ReportQuery,
} from './reports.dto';
import { smallCounts } from './small-counts';

/** What each grouping groups by, in SQL over `match_applications a JOIN clients c JOIN centers ct`. */
const GROUP_EXPRESSION: Record<MatchGrouping, string> = {
  center: 'ct.name',
  // An application names up to ten specialties: the client counts once under each.
  specialty: `coalesce(s.specialty, '(none given)')`,
  country: `coalesce(c.country_of_training, '(unknown)')`,
  season: 'a.season::text',
};
const GROUP_JOIN: Partial<Record<MatchGrouping, string>> = {
  specialty: 'LEFT JOIN LATERAL unnest(a.specialties) AS s(specialty) ON true',
};
/** Breakdowns where a small count could single out a person. */
const SENSITIVE: ReadonlySet<MatchGrouping> = new Set(['specialty', 'country']);

interface OutcomeRow {
  grp: string;
  applicants: number;
  matched: number;
  soap: number;
  unmatched: number;
  withdrawn: number;
  pending: number;
}

/**
 * The program directors' reports. Each is one SQL aggregation (nothing is counted in Node), over
 * the clients of the caller's scope: the network for admins and network directors, their own
 * center for center directors and case managers.
 */
@Injectable()
export class ReportsService {
  private readonly smallCountThreshold: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<Environment, true>,
  ) {
    this.smallCountThreshold = config.get('REPORT_SMALL_COUNT', { infer: true });
  }

  async matchOutcomes(actor: Actor, query: MatchOutcomesQuery): Promise<MatchOutcomesReport> {
    const centerId = await this.centerOf(actor, query);
    const groupBy = query.groupBy ?? 'center';
    const season = query.season ?? null;
    const where = `($1::int IS NULL OR a.season = $1) AND ($2::uuid IS NULL OR c.center_id = $2)`;
    const rows = await this.dataSource.query<OutcomeRow[]>(
      `SELECT ${GROUP_EXPRESSION[groupBy]} AS grp,
              count(DISTINCT a.id)::int AS applicants,
              count(DISTINCT a.id) FILTER (WHERE a.result = 'matched')::int AS matched,
              count(DISTINCT a.id) FILTER (WHERE a.result = 'matched_soap')::int AS soap,
              count(DISTINCT a.id) FILTER (WHERE a.result = 'unmatched')::int AS unmatched,
              count(DISTINCT a.id) FILTER (WHERE a.result = 'withdrawn')::int AS withdrawn,
              count(DISTINCT a.id) FILTER (WHERE a.result = 'pending')::int AS pending
         FROM match_applications a
         JOIN clients c ON c.id = a.client_id
         JOIN centers ct ON ct.id = c.center_id
         ${GROUP_JOIN[groupBy] ?? ''}
        WHERE ${where}
        GROUP BY 1 ORDER BY 1`,
      [season, centerId],
    );
    const matchedIn = (column: string) =>
      this.dataSource.query<Array<{ name: string; clients: number }>>(
        `SELECT a.${column} AS name, count(*)::int AS clients
           FROM match_applications a JOIN clients c ON c.id = a.client_id
          WHERE ${where} AND a.result IN ('matched', 'matched_soap') AND a.${column} IS NOT NULL
          GROUP BY 1 ORDER BY 2 DESC, 1`,
        [season, centerId],
      );
    const [specialties, states] = [await matchedIn('matched_specialty'), await matchedIn('matched_state')];
    const shown = smallCounts(actor.role, this.smallCountThreshold);
    const hideSmall = SENSITIVE.has(groupBy);
    return {
      season,
      groupBy,
      rows: rows.map((row) => {
        const decided = row.matched + row.soap + row.unmatched;
        const show = hideSmall ? shown : (n: number) => n;
        // A rate over a hidden count would give the count away.
        const hidden = hideSmall && typeof shown(row.applicants) === 'string';
        return {
          group: row.grp,
          applicants: show(row.applicants),
          matched: show(row.matched),
          matchedSoap: show(row.soap),
          unmatched: show(row.unmatched),
          withdrawn: show(row.withdrawn),
          pending: show(row.pending),
          matchRate: hidden || decided === 0 ? null : Math.round(((row.matched + row.soap) / decided) * 1000) / 1000,
        };
      }),
      matchedSpecialties: specialties.map((s) => ({ name: s.name, clients: shown(s.clients) })),
      matchedStates: states.map((s) => ({ name: s.name, clients: shown(s.clients) })),
    };
  }

  /** Over the partner directory (network reference data: the same for every caller). */
  async programsCoverage(): Promise<ProgramsCoverageReport> {
    const [counts] = await this.dataSource.query<Array<Record<string, number>>>(
      `SELECT count(*)::int AS programs,
              count(*) FILTER (WHERE scope = 'local')::int AS local,
              ${PROGRAM_SERVICES.map((s, i) => `count(*) FILTER (WHERE $${i + 1} = ANY(services))::int AS s${i}`).join(', ')}
         FROM partner_programs`,
      [...PROGRAM_SERVICES],
    );
    const states = await this.dataSource.query<Array<{ state: string; programs: number }>>(
      `SELECT state, count(*)::int AS programs FROM partner_programs, unnest(states) AS state GROUP BY state ORDER BY state`,
    );
    return {
      programs: counts.programs,
      services: PROGRAM_SERVICES.map((service, i) => ({ service, programs: counts[`s${i}`] })),
      limitedToOneArea: counts.local,
      states,
    };
  }

  /**
   * The center a report covers: the one asked for if the caller's scope reaches it (404 as for a
   * missing one otherwise), else the caller's own center, else (network scope) all: null.
   */
  private async centerOf(actor: Actor, query: ReportQuery): Promise<string | null> {
    const own = actor.scope.kind === 'center' ? actor.scope.centerId : null;
    if (query.centerId === undefined) return own;
    if (own !== null && query.centerId !== own) throw new NotFoundError('Center', query.centerId);
    const [exists] = await this.dataSource.query(`SELECT 1 FROM centers WHERE id = $1`, [query.centerId]);
    if (!exists) throw new NotFoundError('Center', query.centerId);
    return query.centerId;
  }
}
