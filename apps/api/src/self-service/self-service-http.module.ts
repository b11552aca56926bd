import { SelfServiceModule } from '@lib/self-service';
import { Module } from '@nestjs/common';
import { MyCalendarController } from './my-calendar.controller';
import { MyContactController, MyStatusController } from './my-status.controller';

@Module({ imports: [SelfServiceModule], controllers: [MyStatusController, MyContactController, MyCalendarController] })
export class SelfServiceHttpModule {}
