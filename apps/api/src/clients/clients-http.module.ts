import { CaseFileModule } from '@lib/case-file';
import { ClientsModule } from '@lib/clients';
import { Module } from '@nestjs/common';
import { ClientsController } from './clients.controller';

/** The client record's routes, with its case file (timeline, export, anonymization) under /clients/:id. */
@Module({ imports: [ClientsModule, CaseFileModule], controllers: [ClientsController] })
export class ClientsHttpModule {}
