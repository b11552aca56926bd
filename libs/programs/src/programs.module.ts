import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerProgram } from './partner-program.entity';
import { PartnerProgramsService } from './partner-programs.service';

@Module({
  imports: [TypeOrmModule.forFeature([PartnerProgram])],
  providers: [PartnerProgramsService],
  exports: [PartnerProgramsService],
})
export class ProgramsModule {}
