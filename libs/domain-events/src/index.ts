export * from './domain-events';
export * from './domain-events.service';
export * from './domain-events.module';
