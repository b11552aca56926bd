export { createWorkerContext } from './worker-app';
export { WorkerModule } from './worker.module';
export { RemindersProcessor } from './reminders.processor';
