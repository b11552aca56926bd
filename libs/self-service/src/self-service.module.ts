import { PathwayRecordsModule } from '@lib/clients';
import { Module } from '@nestjs/common';
import { MyStatusService } from './my-status.service';

/** What the IMG sees and does about their own record. */
@Module({ imports: [PathwayRecordsModule], providers: [MyStatusService], exports: [MyStatusService] })
export class SelfServiceModule {}
