import { SelfServiceModule } from '@lib/self-service';
import { Module } from '@nestjs/common';
import { MyContactController, MyStatusController } from './my-status.controller';

@Module({ imports: [SelfServiceModule], controllers: [MyStatusController, MyContactController] })
export class SelfServiceHttpModule {}
