export { createWorkerContext } from './worker-app';
export { WorkerModule } from './worker.module';
