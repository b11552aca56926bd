import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Center } from './center.entity';
import { CentersService } from './centers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Center])],
  providers: [CentersService],
  exports: [CentersService],
})
export class CentersModule {}
