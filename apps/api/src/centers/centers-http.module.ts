import { CentersModule } from '@lib/centers';
import { Module } from '@nestjs/common';
import { CentersController } from './centers.controller';

@Module({ imports: [CentersModule], controllers: [CentersController] })
export class CentersHttpModule {}
