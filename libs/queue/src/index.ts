export * from './queue.contract';
export * from './redis-options';
export * from './job-producer.service';
export * from './queue.module';
export * from './queue.errors';
