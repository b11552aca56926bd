import { ClientsModule } from '@lib/clients';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit log's routes (the log itself is written by the global AuditModule). */
@Module({ imports: [ClientsModule], controllers: [AuditController] })
export class AuditHttpModule {}
