import { randomUUID } from 'node:crypto';
import { productDataSource } from '@app/cli';
import { newOpaqueToken, Role, tokenHash } from '@lib/identity';
import { decode, sign } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL, TEST_SECRET } from './setup/test-env';
import { ApiProcesses, startApiProcesses } from './support/api-processes';
import { bearer, createUser, TEST_PASSWORD } from './support/identities';

/**
 * An access token dies with its session, at once and on every API process: logging out, a refresh
 * token replayed by a thief, a password reset, a deactivation. Two real API processes share only
 * PostgreSQL and Redis: whatever one decides, the other must refuse the token on its next request.
 */
describe('ending a session ends its access tokens at once, on every API process', () => {
  let apis: ApiProcesses;
  let data: DataSource;
  let one: string;
  let other: string;

  beforeAll(async () => {
    apis = await startApiProcesses(2, { RATE_LIMIT_PREFIX: `test:${randomUUID()}:` });
    [one, other] = apis.urls;
    data = await productDataSource({ url: TEST_DATABASE_URL, poolSize: 2 }).initialize();
  }, 60_000);
  afterAll(async () => {
    await apis?.stop();
    await data?.destroy();
  });

  interface Session {
    accessToken: string;
    refreshToken: string;
  }
  const signIn = async (api: string, email: string): Promise<Session> =>
    (await request(api).post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200)).body;
  const refresh = (api: string, refreshToken: string) =>
    request(api).post('/api/v1/auth/refresh').send({ refreshToken });
  const me = (api: string, token: string) => request(api).get('/api/v1/me').set(bearer(token));
  /** A reset link's token, as the e-mail would carry it (a fixture: the mail itself is tested elsewhere). */
  const resetTokenFor = async (userId: string) => {
    const token = newOpaqueToken();
    await data.query(
      `INSERT INTO one_time_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'reset', $2, now() + interval '1 hour')`,
      [userId, tokenHash(token)],
    );
    return token;
  };

  it('logging out through one API ends the access token on the other at its next request', async () => {
    const user = await createUser(data, { role: Role.Director });
    const session = await signIn(one, user.email);
    const elsewhere = await signIn(other, user.email);
    await me(other, session.accessToken).expect(200);

    await request(one).post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);

    const refused = await me(other, session.accessToken).expect(401);
    expect(refused.body.code).toBe('INVALID_ACCESS_TOKEN');
    await me(one, session.accessToken).expect(401);
    // Only that session ended: the user's other one goes on.
    await me(one, elsewhere.accessToken).expect(200);
  });

  it('a replayed refresh token ends every access token of its session, on both APIs', async () => {
    const user = await createUser(data, { role: Role.Director });
    const first = await signIn(one, user.email);
    const second = (await refresh(other, first.refreshToken).expect(200)).body as Session;
    const elsewhere = await signIn(one, user.email);
    await me(one, first.accessToken).expect(200);
    await me(other, second.accessToken).expect(200);
    // Past the grace window for retries: the replay is a theft.
    await data.query(`UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      tokenHash(first.refreshToken),
    ]);

    await refresh(other, first.refreshToken).expect(401);

    for (const api of [one, other]) {
      await me(api, first.accessToken).expect(401);
      await me(api, second.accessToken).expect(401);
    }
    await me(other, elsewhere.accessToken).expect(200);
  });

  it('a password reset through one API ends every access token of the user on the other', async () => {
    const user = await createUser(data, { role: Role.Director });
    const a = await signIn(one, user.email);
    const b = await signIn(other, user.email);
    const reset = await request(other)
      .post('/api/v1/auth/reset-password')
      .send({ token: await resetTokenFor(user.id), password: 'a brand new passphrase' })
      .expect(200);

    for (const api of [one, other]) {
      await me(api, a.accessToken).expect(401);
      await me(api, b.accessToken).expect(401);
      await me(api, reset.body.accessToken).expect(200);
    }
  });

  it('refuses a token issued in the same second as the password reset (no whole-second window)', async () => {
    const user = await createUser(data, { role: Role.Director });
    const before = await signIn(one, user.email);
    await request(one)
      .post('/api/v1/auth/reset-password')
      .send({ token: await resetTokenFor(user.id), password: 'a brand new passphrase' })
      .expect(200);
    // The same claims, stamped with the second the reset happened in (or the next): a token of the
    // old session issued "at the same time" as the reset, as whole-second issue times allowed.
    const claims = decode(before.accessToken) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const sameSecond = sign({ ...claims, iat: now, exp: now + 60 }, TEST_SECRET, { algorithm: 'HS256' });

    await me(other, before.accessToken).expect(401);
    await me(other, sameSecond).expect(401);
  });

  it('deactivating a user through one API ends their access tokens on the other', async () => {
    const admin = await signIn(one, (await createUser(data, { role: Role.Admin })).email);
    const leaving = await createUser(data, { role: Role.Director });
    const session = await signIn(other, leaving.email);
    await request(one)
      .patch(`/api/v1/users/${leaving.id}`)
      .set(bearer(admin.accessToken))
      .send({ active: false })
      .expect(200);
    await me(other, session.accessToken).expect(401);
  });
});
