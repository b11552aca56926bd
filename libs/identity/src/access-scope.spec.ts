import { AccessScope, scopeOf, scopeReaches } from './access-scope';
import { Role } from './role';

const client = { id: 'client-1', centerId: 'center-a' };

describe('scopeReaches: who may read, and be told, about a client', () => {
  it.each<[string, AccessScope, boolean]>([
    ['the network', { kind: 'network' }, true],
    ['the client’s center', { kind: 'center', centerId: 'center-a' }, true],
    ['another center', { kind: 'center', centerId: 'center-b' }, false],
    ['the client themself', { kind: 'self', clientId: 'client-1' }, true],
    ['another client', { kind: 'self', clientId: 'client-2' }, false],
  ])('%s: %s', (_label, scope, reaches) => {
    expect(scopeReaches(scope, client)).toBe(reaches);
  });

  it('follows a staff member’s center: moved, they no longer reach the old center’s client', () => {
    const before = scopeOf({ role: Role.CaseManager, centerId: 'center-a', clientId: null });
    const after = scopeOf({ role: Role.CaseManager, centerId: 'center-b', clientId: null });
    expect([scopeReaches(before, client), scopeReaches(after, client)]).toEqual([true, false]);
    // A director without a center is a network director; an admin always is.
    expect(scopeReaches(scopeOf({ role: Role.Director, centerId: null, clientId: null }), client)).toBe(true);
    expect(scopeReaches(scopeOf({ role: Role.Admin, centerId: null, clientId: null }), client)).toBe(true);
  });
});
