import { validateEnvironment } from '@lib/kernel';
import { checkPostgres, checkRedis, PreflightError } from './preflight';

/** Port 1 never has a server: the checks must fail with advice on how to start the service. */
describe('preflight', () => {
  it('says how to start PostgreSQL when it does not answer', async () => {
    const env = validateEnvironment({
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/img_pathways',
    });
    const failure = checkPostgres(env);
    await expect(failure).rejects.toBeInstanceOf(PreflightError);
    await expect(failure).rejects.toThrow(
      /PostgreSQL is not answering at 127\.0\.0\.1:1[\s\S]*pg_ctlcluster[\s\S]*docker compose up -d postgres/,
    );
  });

  it('says how to start Redis when it does not answer', async () => {
    const env = validateEnvironment({ JWT_SECRET: 'x'.repeat(32), REDIS_URL: 'redis://127.0.0.1:1' });
    const failure = checkRedis(env);
    await expect(failure).rejects.toBeInstanceOf(PreflightError);
    await expect(failure).rejects.toThrow(
      /Redis is not answering at 127\.0\.0\.1:1[\s\S]*redis-server[\s\S]*docker compose up -d redis/,
    );
  });
});
