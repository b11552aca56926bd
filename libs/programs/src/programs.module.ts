import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerProgram } from './partner-program.entity';
import { PartnerProgramsService } from './partner-programs.service';

/** The directory's table: what the app's DataSource registers from this library. */
export const PROGRAMS_ENTITIES = [PartnerProgram];

@Module({
  imports: [TypeOrmModule.forFeature(PROGRAMS_ENTITIES)],
  providers: [PartnerProgramsService],
  exports: [PartnerProgramsService],
})
export class ProgramsModule {}
