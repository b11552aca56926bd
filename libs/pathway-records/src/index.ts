export * from './pathway-records.entities';
export * from './pathway-records.dto';
export * from './pathway-records.errors';
export * from './pathway-records.mapper';
export * from './pathway-records.service';
export * from './pathway-records.module';
export * from './pathway-records-timeline';
