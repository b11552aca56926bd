import { loginSource } from './login-source';

describe(loginSource.name, () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:198.51.100.1', '198.51.100.1'],
    ['2001:db8:7:8::1', '2001:db8:7:8::/64'],
    ['2001:db8:7:8:ffff:1:2:3', '2001:db8:7:8::/64'],
    ['2001:0DB8:0007:0008::99', '2001:db8:7:8::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b:1:2::192.0.2.1', '64:ff9b:1:2::/64'],
    ['64:ff9b:1:2:3:4:192.0.2.1', '64:ff9b:1:2::/64'],
    ['', 'unknown'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    ['not an address', 'not an address'],
  ])('counts %p as %p', (ip, source) => {
    expect(loginSource(ip)).toBe(source);
  });

  it('tells two /64 networks apart', () => {
    expect(loginSource('2001:db8:7:8::1')).not.toBe(loginSource('2001:db8:7:9::1'));
  });
});
