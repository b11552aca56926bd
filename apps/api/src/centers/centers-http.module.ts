import { CentersModule } from '@lib/centers';
import { RemindersModule } from '@lib/reminders';
import { Module } from '@nestjs/common';
import { CentersController } from './centers.controller';

@Module({ imports: [CentersModule, RemindersModule], controllers: [CentersController] })
export class CentersHttpModule {}
