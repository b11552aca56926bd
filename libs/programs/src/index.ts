export * from './partner-program.entity';
export * from './partner-program.dto';
export * from './partner-programs.service';
export * from './programs.module';
export * from './programs.errors';
