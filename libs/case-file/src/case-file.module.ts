import { ClientsModule } from '@lib/clients';
import { DocumentsModule } from '@lib/documents';
import { IdentityModule } from '@lib/identity';
import { ProgramsModule } from '@lib/programs';
import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import { ClientDataRightsService } from './client-data-rights.service';
import { TimelineService } from './timeline.service';

/** One client's whole case, read across the libraries that hold it: the timeline, export and anonymization. */
@Module({
  imports: [ClientsModule, IdentityModule, ProgramsModule, RemindersModule, DocumentsModule],
  providers: [ClientDataRightsService, TimelineService],
  exports: [ClientDataRightsService, TimelineService],
})
export class CaseFileModule {}
