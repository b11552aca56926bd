import { PathwayRecordsModule } from '@lib/clients';
import { SelfServiceModule } from '@lib/self-service';
import { Module } from '@nestjs/common';
import { MyCalendarController } from './my-calendar.controller';
import { MyExamsController } from './my-exams.controller';
import { MyContactController, MyStatusController } from './my-status.controller';

@Module({
  imports: [SelfServiceModule, PathwayRecordsModule],
  controllers: [MyStatusController, MyContactController, MyCalendarController, MyExamsController],
})
export class SelfServiceHttpModule {}
