import { CaseworkModule } from '@lib/clients';
import { IdentityModule } from '@lib/identity';
import { PathwayRecordsModule } from '@lib/pathway-records';
import { Module } from '@nestjs/common';
import { DeadlineFeedService } from './deadline-feed.service';
import { MyContactService } from './my-contact.service';
import { MyStatusService } from './my-status.service';

/** What the IMG sees and does about their own record. */
@Module({
  imports: [PathwayRecordsModule, CaseworkModule, IdentityModule],
  providers: [MyStatusService, MyContactService, DeadlineFeedService],
  exports: [MyStatusService, MyContactService, DeadlineFeedService],
})
export class SelfServiceModule {}
