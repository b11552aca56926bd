import { jsonDepth } from './json-depth';

describe(jsonDepth.name, () => {
  it.each([
    [42, 0],
    [{}, 1],
    [{ a: [1, { b: null }] }, 3],
    [[[[]]], 3],
  ])('measures %j as %i', (value, depth) => expect(jsonDepth(value)).toBe(depth));

  it('measures 100,000 levels without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonDepth(deep)).toBe(100_000);
  });
});
