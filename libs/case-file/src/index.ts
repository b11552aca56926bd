export * from './client-data-rights.service';
export * from './timeline.service';
export * from './case-file.module';
export * from './case-file.errors';
