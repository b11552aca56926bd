import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Center } from './center.entity';
import { CentersService } from './centers.service';

/** The centers' table: what the app's DataSource registers from this library. */
export const CENTERS_ENTITIES = [Center];

@Module({
  imports: [TypeOrmModule.forFeature(CENTERS_ENTITIES)],
  providers: [CentersService],
  exports: [CentersService],
})
export class CentersModule {}
