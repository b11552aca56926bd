import { productDataSource } from '@app/cli';
import { verifyPassword } from '@lib/identity';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createFirstAdmin } from '../apps/cli/src/first-admin';
import { TEST_DATABASE_URL } from './setup/test-env';

describe(createFirstAdmin.name, () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await productDataSource({ url: TEST_DATABASE_URL, poolSize: 1 }).initialize();
  });
  afterAll(() => dataSource.destroy());

  const password = 'a long admin passphrase';

  it('creates an admin who can log in with that password, audited with the hash masked', async () => {
    const email = `First.Admin-${randomUUID()}@Example.org`;
    const result = await createFirstAdmin(dataSource, { email, displayName: 'First Admin', password });
    if ('problem' in result) throw new Error(result.problem);
    expect(result.email).toBe(email.toLowerCase());
    const [row] = await dataSource.query('SELECT role, center_id, password_hash FROM users WHERE id = $1', [result.id]);
    expect(row.role).toBe('admin');
    expect(row.center_id).toBeNull();
    expect(await verifyPassword(row.password_hash, password)).toBe(true);
    const [audit] = await dataSource.query(`SELECT action, actor_role, changes FROM audit_log WHERE entity_id = $1`, [
      result.id,
    ]);
    expect(audit).toMatchObject({ action: 'user.created', actor_role: 'system' });
    expect(audit.changes.passwordHash).toEqual({ before: null, after: '[masked]' });
  });

  it.each([
    ['a bad address', { email: 'not-an-address', displayName: 'X', password }, /not an e-mail address/],
    [
      'a short password',
      { email: `a-${randomUUID()}@example.org`, displayName: 'X', password: 'short' },
      /at least 12/,
    ],
    ['an empty name', { email: `a-${randomUUID()}@example.org`, displayName: '  ', password }, /name must be/],
  ])('refuses %s', async (_label, input, problem) => {
    const result = await createFirstAdmin(dataSource, input);
    expect('problem' in result && result.problem).toMatch(problem);
  });

  it('refuses an address that already has an account, creating nothing', async () => {
    const email = `dup-${randomUUID()}@example.org`;
    await createFirstAdmin(dataSource, { email, displayName: 'One', password });
    const again = await createFirstAdmin(dataSource, { email, displayName: 'Two', password });
    expect(again).toEqual({ problem: `${email} already has an account` });
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(n).toBe(1);
  });
});
