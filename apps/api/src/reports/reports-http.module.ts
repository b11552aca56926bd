import { ReportsModule } from '@lib/reports';
import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

@Module({ imports: [ReportsModule], controllers: [ReportsController] })
export class ReportsHttpModule {}
