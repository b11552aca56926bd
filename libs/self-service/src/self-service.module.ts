import { PathwayRecordsModule } from '@lib/clients';
import { Module } from '@nestjs/common';
import { MyCalendarService } from './my-calendar.service';
import { MyContactService } from './my-contact.service';
import { MyStatusService } from './my-status.service';

/** What the IMG sees and does about their own record. */
@Module({
  imports: [PathwayRecordsModule],
  providers: [MyStatusService, MyContactService, MyCalendarService],
  exports: [MyStatusService, MyContactService, MyCalendarService],
})
export class SelfServiceModule {}
