import { Module } from '@nestjs/common';
import { ReportsService } from './reports.service';

/** The directors' outcome reports: SQL aggregations, scoped, JSON or CSV. */
@Module({ providers: [ReportsService], exports: [ReportsService] })
export class ReportsModule {}
