import { AppError, KernelError } from '../errors/app-error';
import { decodeCursor, encodeCursor, toPage } from './keyset';

describe('keyset pagination', () => {
  it('round-trips a cursor', () => {
    const values = ['Welcome Back Center Maine', 'a3c1e5b2-0000-4000-8000-000000000000', '1234567890123'];
    expect(decodeCursor(encodeCursor(values), ['text', 'uuid', 'integer'])).toEqual(values);
  });

  it.each([
    ['not base64 json', '!!!'],
    ['the wrong number of values', encodeCursor(['a'])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['a nested value', Buffer.from('[["a"],"b"]').toString('base64url')],
    ['a malformed uuid', encodeCursor(['a', 'not-a-uuid'])],
    ['numbers where text belongs', encodeCursor([1, 2])],
    ['a NUL in text', encodeCursor(['a\u0000b', 'a3c1e5b2-0000-4000-8000-000000000000'])],
    ['a null', encodeCursor([null, 'a3c1e5b2-0000-4000-8000-000000000000'])],
  ])('refuses %s with an invalid-input error', (_label, cursor) => {
    expect(() => decodeCursor(cursor, ['text', 'uuid'])).toThrow(KernelError);
    try {
      decodeCursor(cursor, ['text', 'uuid']);
    } catch (error) {
      expect((error as AppError).kind).toBe('invalid');
    }
  });

  it('keeps `limit` rows and gives the cursor of the last one when more exist', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const page = toPage(
      rows,
      2,
      (r) => [r.k],
      (r) => r.k.toUpperCase(),
    );
    expect(page.items).toEqual(['A', 'B']);
    expect(decodeCursor(page.nextCursor as string, ['text'])).toEqual(['b']);
  });

  it('gives no cursor on the last page', () => {
    const page = toPage(
      [{ k: 'a' }, { k: 'b' }],
      2,
      (r) => [r.k],
      (r) => r.k,
    );
    expect(page).toEqual({ items: ['a', 'b'], nextCursor: null });
  });
});
