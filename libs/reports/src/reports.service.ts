import { SERVICE_CATEGORIES } from '@lib/clients';
import { Actor, Role } from '@lib/identity';
import { Environment, NotFoundError, ValidationFailed } from '@lib/kernel';
import { PROGRAM_SERVICES } from '@lib/programs';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CohortQuery,
  DURATION_MILESTONES,
  FUNNEL_STEPS,
  MatchGrouping,
  MatchOutcomesQuery,
  MatchOutcomeRow,
  MatchOutcomesReport,
  MilestoneDuration,
  MilestoneDurationsReport,
  PipelineReport,
  ProgramsCoverageReport,
  ReportQuery,
  ServiceCombination,
  ServicesQuery,
  ServicesReport,
  ServiceUse,
} from './reports.dto';
import { ShownCount, smallCounts } from './small-counts';

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

/** Runs one statement of a report (see `onReplica`). */
type Read = <T>(sql: string, parameters?: unknown[]) => Promise<T>;

/** One group's counts as the match-outcomes query returns them. */
export interface OutcomeRow {
  grp: string;
  applicants: number;
  matched: number;
  soap: number;
  elsewhere: number;
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

  matchOutcomes(actor: Actor, query: MatchOutcomesQuery): Promise<MatchOutcomesReport> {
    return this.onReplica(async (read) => {
      const centerId = await this.centerOf(read, actor, query);
      const groupBy = query.groupBy ?? 'center';
      const season = query.season ?? null;
      // Counts are of clients: without a season (and not by season), each client's latest application.
      const applications =
        season === null && groupBy !== 'season'
          ? '(SELECT DISTINCT ON (client_id) * FROM match_applications ORDER BY client_id, season DESC)'
          : 'match_applications';
      const where = `($1::int IS NULL OR a.season = $1) AND ($2::uuid IS NULL OR c.center_id = $2)`;
      // By specialty, a match counts where it happened; elsewhere it is "matched elsewhere".
      const here = groupBy === 'specialty' ? 'AND a.matched_specialty IS NOT DISTINCT FROM s.specialty' : '';
      const rows = await read<OutcomeRow[]>(
        `SELECT ${GROUP_EXPRESSION[groupBy]} AS grp,
                count(DISTINCT a.id)::int AS applicants,
                count(DISTINCT a.id) FILTER (WHERE a.result = 'matched' ${here})::int AS matched,
                count(DISTINCT a.id) FILTER (WHERE a.result = 'matched_soap' ${here})::int AS soap,
                count(DISTINCT a.id) FILTER (WHERE a.result IN ('matched', 'matched_soap') AND NOT (true ${here}))::int AS elsewhere,
                count(DISTINCT a.id) FILTER (WHERE a.result = 'unmatched')::int AS unmatched,
                count(DISTINCT a.id) FILTER (WHERE a.result = 'withdrawn')::int AS withdrawn,
                count(DISTINCT a.id) FILTER (WHERE a.result = 'pending')::int AS pending
           FROM ${applications} a
           JOIN clients c ON c.id = a.client_id
           JOIN centers ct ON ct.id = c.center_id
           ${GROUP_JOIN[groupBy] ?? ''}
          WHERE ${where}
          GROUP BY ${groupBy === 'center' ? 'ct.id, 1' : '1'} ORDER BY 1`,
        [season, centerId],
      );
      const matchedIn = (column: string) =>
        read<Array<{ name: string; clients: number }>>(
          `SELECT a.${column} AS name, count(*)::int AS clients
             FROM ${applications} a JOIN clients c ON c.id = a.client_id
            WHERE ${where} AND a.result IN ('matched', 'matched_soap') AND a.${column} IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC, 1`,
          [season, centerId],
        );
      const [specialties, states] = [await matchedIn('matched_specialty'), await matchedIn('matched_state')];
      const shown = smallCounts(actor.role, this.smallCountThreshold);
      return {
        season,
        groupBy,
        rows: SENSITIVE.has(groupBy)
          ? suppressSmallRows(rows, shown)
          : rows.map((row) => outcome(row, (n) => n, false)),
        matchedSpecialties: suppressList(specialties, shown),
        matchedStates: suppressList(states, shown),
      };
    });
  }

  /** Clients by stage and by status per center, and the funnel of a cohort by intake date. */
  pipeline(actor: Actor, query: CohortQuery): Promise<PipelineReport> {
    return this.onReplica(async (read) => {
      refuseBackwards('intakeFrom', query.intakeFrom, 'intakeTo', query.intakeTo);
      const centerId = await this.centerOf(read, actor, query);
      // Both breakdowns in one scan of the clients (grouping sets), counted by center id and named after.
      const counted = await read<
        Array<{ center: string; stage: string | null; status: string | null; clients: number }>
      >(
        `SELECT ct.name AS center, counted.stage, counted.status, counted.clients
           FROM (SELECT c.center_id, c.stage, c.status, count(*)::int AS clients
                   FROM clients c WHERE ($1::uuid IS NULL OR c.center_id = $1)
                  GROUP BY GROUPING SETS ((c.center_id, c.stage), (c.center_id, c.status))) counted
           JOIN centers ct ON ct.id = counted.center_id
          ORDER BY 1, 2, 3`,
        [centerId],
      );
      const byStage = counted.flatMap((r) =>
        r.stage === null ? [] : [{ center: r.center, value: r.stage, clients: r.clients }],
      );
      const byStatus = counted.flatMap((r) =>
        r.status === null ? [] : [{ center: r.center, value: r.status, clients: r.clients }],
      );
      // Each step counts the cohort's clients who reached it, whether or not they passed the earlier
      // ones: the milestones stored on each client by every pathway write (reportMilestones), so the
      // funnel is one scan of the clients. Aggregating the exams, experiences and applications per
      // request instead took over a second at 100,000 clients (BENCHMARKS.md).
      const [funnel] = await read<Array<Record<string, number>>>(
        `SELECT count(*)::int AS enrolled,
                count(*) FILTER (WHERE c.credentials_verified)::int AS credentials_verified,
                count(*) FILTER (WHERE c.step1_passed)::int AS step1_passed,
                count(*) FILTER (WHERE c.step2_ck_passed)::int AS step2_ck_passed,
                count(*) FILTER (WHERE c.oet_passed)::int AS oet_passed,
                count(*) FILTER (WHERE c.certified_on IS NOT NULL)::int AS ecfmg_certified,
                count(*) FILTER (WHERE c.us_clinical_experience)::int AS us_clinical_experience,
                count(*) FILTER (WHERE c.applied)::int AS applied,
                count(*) FILTER (WHERE c.matched_season IS NOT NULL)::int AS matched
           FROM clients c
          WHERE ($1::uuid IS NULL OR c.center_id = $1)
            AND ($2::date IS NULL OR c.intake_date >= $2) AND ($3::date IS NULL OR c.intake_date <= $3)`,
        [centerId, query.intakeFrom ?? null, query.intakeTo ?? null],
      );
      return {
        byStage,
        byStatus,
        funnel: FUNNEL_STEPS.map((step) => ({ step, clients: funnel[step] })),
      };
    });
  }

  /** Days from intake to each milestone, per center, over the clients who reached it: median and quartiles. */
  milestoneDurations(actor: Actor, query: ReportQuery): Promise<MilestoneDurationsReport> {
    return this.onReplica(async (read) => {
      const centerId = await this.centerOf(read, actor, query);
      const rows = await read<MilestoneDuration[]>(
        // The center filter inside each branch, so a center's report aggregates only its clients.
        // A milestone reached before intake (certified before arriving) is no duration of ours: left out.
        // From the milestones stored on each client (reportMilestones): one scan of the clients.
        `WITH scoped AS (
           SELECT c.center_id, c.intake_date, c.certified_on, c.first_application_on, c.matched_season
             FROM clients c WHERE $1::uuid IS NULL OR c.center_id = $1),
         match_days AS (
           SELECT s.match_year, min((e->>'at')::timestamptz::date) AS day
             FROM match_seasons s CROSS JOIN LATERAL jsonb_array_elements(s.events) e
            WHERE e->>'key' = 'match_day' GROUP BY s.match_year),
         reached AS (
           SELECT center_id, 'ecfmg_certified' AS milestone, certified_on - intake_date AS days
             FROM scoped WHERE certified_on IS NOT NULL
           UNION ALL
           SELECT center_id, 'first_match_application', first_application_on - intake_date
             FROM scoped WHERE first_application_on IS NOT NULL
           UNION ALL
           -- Matched on the season's Match Day (from the Match calendar).
           SELECT c.center_id, 'matched', m.day - c.intake_date
             FROM scoped c JOIN match_days m ON m.match_year = c.matched_season)
         SELECT ct.name AS center, reached.milestone, count(*)::int AS clients,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float AS "medianDays",
                percentile_cont(0.25) WITHIN GROUP (ORDER BY days)::float AS "p25Days",
                percentile_cont(0.75) WITHIN GROUP (ORDER BY days)::float AS "p75Days"
           FROM reached JOIN centers ct ON ct.id = reached.center_id
          WHERE reached.days >= 0
          GROUP BY ct.id, ct.name, reached.milestone
          ORDER BY ct.name, ct.id, array_position($2::text[], reached.milestone)`,
        [centerId, [...DURATION_MILESTONES]],
      );
      return { rows };
    });
  }

  /** Services delivered over a date range, per category, and the mixes of services clients received. */
  services(actor: Actor, query: ServicesQuery): Promise<ServicesReport> {
    return this.onReplica(async (read) => {
      refuseBackwards('from', query.from, 'to', query.to);
      const centerId = await this.centerOf(read, actor, query);
      // The clients table only when a center narrows the report: the network's report reads the services alone.
      const [from, center] =
        centerId === null
          ? ['client_services s', '$1::uuid IS NULL']
          : ['client_services s JOIN clients c ON c.id = s.client_id', 'c.center_id = $1'];
      const inRange = `${center} AND ($2::date IS NULL OR s.service_date >= $2) AND ($3::date IS NULL OR s.service_date <= $3)`;
      const params = [centerId, query.from ?? null, query.to ?? null];
      // One pass: services, hours and amounts per category and currency (cents of different
      // currencies do not add up).
      const sums = await read<
        Array<{ category: string; currency: string | null; services: number; hours: number; cents: number | null }>
      >(
        `SELECT s.category, s.currency, count(*)::int AS services, coalesce(sum(s.hours), 0)::float AS hours,
                sum(s.amount_cents)::float AS cents
           FROM ${from} WHERE ${inRange} GROUP BY 1, 2`,
        params,
      );
      // A second pass: each client's mix as a bit mask of categories, counted per mask. Clients per
      // category and the combinations both follow from it, without sorting arrays per client.
      const masks = await read<Array<{ mask: number; clients: number }>>(
        `SELECT m.mask, count(*)::int AS clients
           FROM (SELECT bit_or(1 << (array_position($4::text[], s.category) - 1)) AS mask
                   FROM ${from} WHERE ${inRange} GROUP BY s.client_id) m
          GROUP BY 1`,
        [...params, [...SERVICE_CATEGORIES]],
      );
      const mixOf = (mask: number) => SERVICE_CATEGORIES.filter((_, i) => mask & (1 << i)).sort();
      const combinations: ServiceCombination[] = masks
        .map(({ mask, clients }) => ({ categories: mixOf(mask), clients }))
        .sort((x, y) => y.clients - x.clients || compareLists(x.categories, y.categories));
      // Money given to people is theirs: a director reads no amount (one client's shows in a small
      // center's total, or by subtracting two ranges a day apart), as the director view of a service
      // leaves it out. Case managers read their own center's payments one by one anyway.
      const amountsShown = actor.role !== Role.Director;
      // Every category, a zero where none was delivered: a gap is a finding too.
      return {
        categories: SERVICE_CATEGORIES.map((category, i): ServiceUse => {
          const rows = sums.filter((r) => r.category === category);
          const clients = masks.reduce((n, m) => n + (m.mask & (1 << i) ? m.clients : 0), 0);
          const amounts = rows.flatMap((r) => (r.currency !== null && r.cents !== null ? [[r.currency, r.cents]] : []));
          return {
            category,
            clients,
            services: rows.reduce((n, r) => n + r.services, 0),
            // In hundredths, as stored (numeric(6,2)): float sums of the parts would show 3.3000000000000003.
            hours: rows.reduce((n, r) => n + Math.round(r.hours * 100), 0) / 100,
            amountCents: amounts.length > 0 && !amountsShown ? null : Object.fromEntries(amounts),
          };
        }),
        combinations,
      };
    });
  }

  /** Over the partner directory (network reference data: the same for every caller). */
  programsCoverage(): Promise<ProgramsCoverageReport> {
    return this.onReplica(async (read) => {
      const [counts] = await read<Array<Record<string, number>>>(
        `SELECT count(*)::int AS programs,
                count(*) FILTER (WHERE scope = 'local')::int AS local,
                ${PROGRAM_SERVICES.map((s, i) => `count(*) FILTER (WHERE $${i + 1} = ANY(services))::int AS s${i}`).join(', ')}
           FROM partner_programs`,
        [...PROGRAM_SERVICES],
      );
      const states = await read<Array<{ state: string; programs: number }>>(
        `SELECT state, count(*)::int AS programs FROM partner_programs, unnest(states) AS state GROUP BY state ORDER BY state`,
      );
      return {
        programs: counts.programs,
        services: PROGRAM_SERVICES.map((service, i) => ({ service, programs: counts[`s${i}`] })),
        limitedToOneArea: counts.local,
        states,
      };
    });
  }

  /**
   * A report's statements on one connection, in one read-only snapshot (every count of a report is
   * of the same moment): on a read replica where one is configured (`DATABASE_READ_URLS`), else on
   * the primary.
   */
  private async onReplica<T>(work: (read: Read) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await work(
          <R>(sql: string, parameters: unknown[] = []) => runner.query(sql, parameters) as Promise<R>,
        );
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * The center a report covers: the one asked for if the caller's scope reaches it (404 as for a
   * missing one otherwise), else the caller's own center, else (network scope) all: null.
   */
  private async centerOf(read: Read, actor: Actor, query: ReportQuery): Promise<string | null> {
    const own = actor.scope.kind === 'center' ? actor.scope.centerId : null;
    if (query.centerId === undefined) return own;
    if (own !== null && query.centerId !== own) throw new NotFoundError('Center', query.centerId);
    const [exists] = await read<unknown[]>(`SELECT 1 FROM centers WHERE id = $1`, [query.centerId]);
    if (!exists) throw new NotFoundError('Center', query.centerId);
    return query.centerId;
  }
}

function outcome(row: OutcomeRow, show: (n: number) => ShownCount, withheld: boolean): MatchOutcomeRow {
  const decided = row.matched + row.soap + row.elsewhere + row.unmatched;
  return {
    group: row.grp,
    applicants: show(row.applicants),
    matched: show(row.matched),
    matchedSoap: show(row.soap),
    matchedElsewhere: show(row.elsewhere),
    unmatched: show(row.unmatched),
    withdrawn: show(row.withdrawn),
    pending: show(row.pending),
    matchRate: withheld || decided === 0 ? null : Math.round(((row.matched + row.soap) / decided) * 1000) / 1000,
  };
}

/** A count withheld only so that a small one next to it cannot be worked out. */
const HIDDEN = 'hidden';

const COUNTS = ['applicants', 'matched', 'soap', 'elsewhere', 'unmatched', 'withdrawn', 'pending'] as const;

/**
 * The small-number rule, with the complementary suppression that keeps it from being undone by
 * subtraction: a row with any small count shows none of its non-zero counts (nor its rate), and
 * when only one row is suppressed, the next smallest row is suppressed with it (else the total of
 * another report minus the rows shown would give it back).
 */
export function suppressSmallRows(rows: OutcomeRow[], shown: (n: number) => ShownCount): MatchOutcomeRow[] {
  const hidden = withComplement(
    rows,
    (row) => COUNTS.some((k) => isSmall(shown, row[k])),
    (row) => row.applicants,
  );
  // Small counts read "<5"; the others of a hidden row read "hidden" (a "<5" on 12 would be untrue).
  const cell = (n: number): ShownCount => (n === 0 ? 0 : isSmall(shown, n) ? shown(n) : HIDDEN);
  return rows.map((row) => (hidden.has(row) ? outcome(row, cell, true) : outcome(row, (n) => n, false)));
}

/** A list of counts (specialties, states matched in): small ones hidden, and one more if only one is. */
function suppressList(items: Array<{ name: string; clients: number }>, shown: (n: number) => ShownCount) {
  const hidden = withComplement(
    items,
    (i) => isSmall(shown, i.clients),
    (i) => i.clients,
  );
  return items.map((i) => ({
    name: i.name,
    clients: !hidden.has(i) ? i.clients : isSmall(shown, i.clients) ? shown(i.clients) : HIDDEN,
  }));
}

const isSmall = (shown: (n: number) => ShownCount, n: number) => typeof shown(n) === 'string';

/**
 * The items to hide: the small ones and, when only one is, the next smallest with it (else a total
 * shown elsewhere minus the items shown would give the one back).
 */
function withComplement<T>(items: T[], small: (item: T) => boolean, size: (item: T) => number): Set<T> {
  const hidden = new Set(items.filter(small));
  if (hidden.size === 1 && items.length > 1) {
    const [next] = items.filter((i) => !hidden.has(i)).sort((a, b) => size(a) - size(b));
    hidden.add(next);
  }
  return hidden;
}

/** A range that ends before it starts is a mistake to name, not an empty report. */
function refuseBackwards(fromField: string, from: string | undefined, toField: string, to: string | undefined): void {
  if (from && to && from > to) {
    throw new ValidationFailed([{ field: toField, problems: [`${toField} must be on or after ${fromField}`] }]);
  }
}

/** Lists of words in the order PostgreSQL sorts text arrays: word by word, a prefix first. */
function compareLists(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}
