import { createHash } from 'node:crypto';
import { derivedKey, emailFingerprint } from './secrets';

const SECRET = 'a-server-secret-of-at-least-thirty-two-chars';

describe(emailFingerprint.name, () => {
  const key = derivedKey(SECRET, 'audit: typed e-mail addresses');

  it('gives one value for one address however it was typed', () => {
    expect(emailFingerprint(key, '  Maria.Lopez@Example.org ')).toBe(emailFingerprint(key, 'maria.lopez@example.org'));
  });

  it('tells addresses apart', () => {
    expect(emailFingerprint(key, 'maria@example.org')).not.toBe(emailFingerprint(key, 'mario@example.org'));
  });

  it('cannot be computed without the key: not the plain hash, and another key gives another value', () => {
    const value = emailFingerprint(key, 'maria@example.org');
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(value).not.toBe(createHash('sha256').update('maria@example.org').digest('hex'));
    expect(
      emailFingerprint(
        derivedKey('another-secret-of-at-least-thirty-two-chars', 'audit: typed e-mail addresses'),
        'maria@example.org',
      ),
    ).not.toBe(value);
  });
});

describe(derivedKey.name, () => {
  it('derives a key of its own for each purpose, none of them the secret itself', () => {
    const a = derivedKey(SECRET, 'one purpose');
    const b = derivedKey(SECRET, 'another purpose');
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(derivedKey(SECRET, 'one purpose'))).toBe(true);
    expect(a.toString('utf8')).not.toContain(SECRET.slice(0, 8));
  });
});
