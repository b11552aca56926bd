import { PathwayRecordsModule } from '@lib/pathway-records';
import { SelfServiceModule } from '@lib/self-service';
import { Module } from '@nestjs/common';
import { DeadlineFeedController } from './deadline-feed.controller';
import { MyExamsController } from './my-exams.controller';
import { MyContactController, MyStatusController } from './my-status.controller';

@Module({
  imports: [SelfServiceModule, PathwayRecordsModule],
  controllers: [MyStatusController, MyContactController, DeadlineFeedController, MyExamsController],
})
export class SelfServiceHttpModule {}
