import { templateCsv, templateXlsx } from '@lib/caseload-exchange';
import { Role } from '@lib/identity';
import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STAFF = [Role.Admin, Role.Director, Role.CaseManager];

/** The caseload spreadsheet's import (issue 18, in progress): its template, in both formats. */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  @Get('templates/clients.csv')
  @Roles(...STAFF)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The columns in order, with one invented example row (UTF-8 with BOM)' })
  templateCsv(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="clients-template.csv"');
    return templateCsv();
  }

  @Get('templates/clients.xlsx')
  @Roles(...STAFF)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The same columns and example row as a workbook, every cell text' })
  async templateXlsx(@Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    void reply
      .header('Content-Type', XLSX)
      .header('Content-Disposition', 'attachment; filename="clients-template.xlsx"');
    return new StreamableFile(await templateXlsx());
  }
}
