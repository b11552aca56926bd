export * from './client-data-rights.service';
export * from './timeline.service';
export * from './case-file.module';
