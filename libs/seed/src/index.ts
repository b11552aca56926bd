export * from './seed-centers';
