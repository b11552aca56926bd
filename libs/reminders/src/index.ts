export * from './reminder-rules';
