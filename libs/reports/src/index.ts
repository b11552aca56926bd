export * from './csv';
export * from './small-counts';
export * from './reports.dto';
export * from './reports.service';
export * from './reports.module';
