import { Actor, Role } from '@lib/identity';
import {
  CsvColumn,
  MatchOutcomeRow,
  MatchOutcomesQuery,
  MatchOutcomesReport,
  ProgramsCoverageReport,
  ReportFormat,
  ReportQuery,
  ReportsService,
  toCsv,
} from '@lib/reports';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '../auth/auth.decorators';

const READERS = [Role.Admin, Role.Director, Role.CaseManager];

/** `?format=csv`, or a client that prefers CSV (`Accept: text/csv`). */
function wantsCsv(request: FastifyRequest, format: ReportFormat | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
}

/** Answers with the CSV form, as a download named after the report. */
function sendCsv(reply: FastifyReply, name: string, csv: string): string {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`);
  return csv;
}

const OUTCOME_COLUMNS: Array<CsvColumn<MatchOutcomeRow>> = [
  { header: 'group', value: (r) => r.group },
  { header: 'applicants', value: (r) => r.applicants },
  { header: 'matched', value: (r) => r.matched },
  { header: 'matched_soap', value: (r) => r.matchedSoap },
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
    if (!wantsCsv(request, query.format)) return report;
    const name = `match-outcomes-${report.season ?? 'all-seasons'}-by-${report.groupBy}`;
    return sendCsv(reply, name, toCsv(OUTCOME_COLUMNS, report.rows));
  }

  /** The partner directory's coverage: services offered, programs limited to one area, states served. */
  @Get('programs-coverage')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ProgramsCoverageReport, description: 'JSON, or CSV (one measure a row) with ?format=csv' })
  async programsCoverage(
    @Query() query: ReportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProgramsCoverageReport | string> {
    const report = await this.reports.programsCoverage();
    if (!wantsCsv(request, query.format)) return report;
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
