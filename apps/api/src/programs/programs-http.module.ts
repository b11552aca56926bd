import { ProgramsModule } from '@lib/programs';
import { Module } from '@nestjs/common';
import { ProgramsController } from './programs.controller';

@Module({ imports: [ProgramsModule], controllers: [ProgramsController] })
export class ProgramsHttpModule {}
