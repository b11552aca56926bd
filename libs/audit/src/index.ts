export * from './audit-context';
export * from './audit-entry.entity';
export * from './audited.decorator';
export * from './audit.service';
export * from './audit.module';
export * from './audit.subscriber';
export * from './audit-timeline';
