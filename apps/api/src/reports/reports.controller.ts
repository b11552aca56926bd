import { Actor, Role } from '@lib/identity';
import {
  CohortQuery,
  CsvColumn,
  MilestoneDuration,
  MilestoneDurationsReport,
  PipelineReport,
  ServicesQuery,
  ServicesReport,
  ServiceUse,
  MatchOutcomeRow,
  MatchOutcomesQuery,
  MatchOutcomesReport,
  ProgramsCoverageReport,
  ReportFormat,
  FormatQuery,
  ReportQuery,
  ReportsService,
  toCsv,
} from '@lib/reports';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];

/** `?format=csv`, or a client that prefers CSV (`Accept: text/csv`): caches must tell the two apart. */
function wantsCsv(request: FastifyRequest, reply: FastifyReply, format: ReportFormat | undefined): boolean {
  void reply.header('vary', 'Accept');
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
}

/** Answers with the CSV form, as a download named after the report. */
function sendCsv(reply: FastifyReply, name: string, csv: string): string {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`);
  return csv;
}

/** Several small tables in one CSV: which table, then the row. */
const LONG_COLUMNS: Array<CsvColumn<{ table: string; center: string; value: string; clients: number }>> = [
  { header: 'table', value: (r) => r.table },
  { header: 'center', value: (r) => r.center },
  { header: 'value', value: (r) => r.value },
  { header: 'clients', value: (r) => r.clients },
];

const OUTCOME_COLUMNS: Array<CsvColumn<MatchOutcomeRow>> = [
  { header: 'group', value: (r) => r.group },
  { header: 'applicants', value: (r) => r.applicants },
  { header: 'matched', value: (r) => r.matched },
  { header: 'matched_soap', value: (r) => r.matchedSoap },
  { header: 'matched_elsewhere', value: (r) => r.matchedElsewhere },
  { header: 'unmatched', value: (r) => r.unmatched },
  { header: 'withdrawn', value: (r) => r.withdrawn },
  { header: 'pending', value: (r) => r.pending },
  { header: 'match_rate', value: (r) => r.matchRate },
];

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Match outcomes by center, specialty, country or season: one row per group. */
  @Get('match-outcomes')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: MatchOutcomesReport, description: 'JSON, or CSV (the rows) with ?format=csv' })
  async matchOutcomes(
    @CurrentActor() actor: Actor,
    @Query() query: MatchOutcomesQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MatchOutcomesReport | string> {
    const report = await this.reports.matchOutcomes(actor, query);
    if (!wantsCsv(request, reply, query.format)) return report;
    const name = `match-outcomes-${report.season ?? 'all-seasons'}-by-${report.groupBy}`;
    return sendCsv(reply, name, toCsv(OUTCOME_COLUMNS, report.rows));
  }

  /** Clients by stage and status per center, and a cohort's funnel from enrolment to the Match. */
  @Get('pipeline')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PipelineReport, description: 'JSON, or CSV (one count a row) with ?format=csv' })
  async pipeline(
    @CurrentActor() actor: Actor,
    @Query() query: CohortQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PipelineReport | string> {
    const report = await this.reports.pipeline(actor, query);
    if (!wantsCsv(request, reply, query.format)) return report;
    const rows = [
      ...report.byStage.map((r) => ({ table: 'stage', center: r.center, value: r.value, clients: r.clients })),
      ...report.byStatus.map((r) => ({ table: 'status', center: r.center, value: r.value, clients: r.clients })),
      ...report.funnel.map((r) => ({ table: 'funnel', center: '', value: r.step, clients: r.clients })),
    ];
    return sendCsv(reply, 'pipeline', toCsv(LONG_COLUMNS, rows));
  }

  /** Median and quartiles of the days from intake to certification, first application and match. */
  @Get('milestone-durations')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: MilestoneDurationsReport, description: 'JSON, or CSV with ?format=csv' })
  async milestoneDurations(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MilestoneDurationsReport | string> {
    const report = await this.reports.milestoneDurations(actor, query);
    if (!wantsCsv(request, reply, query.format)) return report;
    const columns: Array<CsvColumn<MilestoneDuration>> = [
      { header: 'center', value: (r) => r.center },
      { header: 'milestone', value: (r) => r.milestone },
      { header: 'clients', value: (r) => r.clients },
      { header: 'median_days', value: (r) => r.medianDays },
      { header: 'p25_days', value: (r) => r.p25Days },
      { header: 'p75_days', value: (r) => r.p75Days },
    ];
    return sendCsv(reply, 'milestone-durations', toCsv(columns, report.rows));
  }

  /** Services per category over a date range, and the mixes of services clients received. */
  @Get('services')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ServicesReport, description: 'JSON, or CSV (the categories) with ?format=csv' })
  async services(
    @CurrentActor() actor: Actor,
    @Query() query: ServicesQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServicesReport | string> {
    const report = await this.reports.services(actor, query);
    if (!wantsCsv(request, reply, query.format)) return report;
    const columns: Array<CsvColumn<ServiceUse>> = [
      { header: 'category', value: (r) => r.category },
      { header: 'clients', value: (r) => r.clients },
      { header: 'services', value: (r) => r.services },
      { header: 'hours', value: (r) => r.hours },
      {
        header: 'amount_cents',
        value: (r) =>
          r.amountCents === null
            ? 'withheld'
            : Object.entries(r.amountCents)
                .map(([c, v]) => `${c} ${v}`)
                .join('; '),
      },
    ];
    return sendCsv(reply, 'services', toCsv(columns, report.categories));
  }

  /** The partner directory's coverage: services offered, programs limited to one area, states served. */
  @Get('programs-coverage')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ProgramsCoverageReport, description: 'JSON, or CSV (one measure a row) with ?format=csv' })
  async programsCoverage(
    @Query() query: FormatQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgramsCoverageReport | string> {
    const report = await this.reports.programsCoverage();
    if (!wantsCsv(request, reply, query.format)) return report;
    const rows = [
      ...report.services.map((s) => ({ measure: `service:${s.service}`, programs: s.programs })),
      { measure: 'limited_to_one_area', programs: report.limitedToOneArea },
      ...report.states.map((s) => ({ measure: `state:${s.state}`, programs: s.programs })),
    ];
    const columns: Array<CsvColumn<(typeof rows)[number]>> = [
      { header: 'measure', value: (r) => r.measure },
      { header: 'programs', value: (r) => r.programs },
      { header: 'of', value: () => report.programs },
    ];
    return sendCsv(reply, 'programs-coverage', toCsv(columns, rows));
  }
}
