/**
 * Environment of every e2e test process: a throwaway database (never the demo's) and a Redis
 * database index of its own, so a running demo is never touched.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/img_pathways_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-characters-000';
process.env.JWT_SECRET = TEST_SECRET;
process.env.MAIL_OUTBOX_DIR = process.env.MAIL_OUTBOX_DIR ?? 'var/test-outbox';
