import { SelfServiceModule } from '@lib/self-service';
import { Module } from '@nestjs/common';
import { MyStatusController } from './my-status.controller';

@Module({ imports: [SelfServiceModule], controllers: [MyStatusController] })
export class SelfServiceHttpModule {}
