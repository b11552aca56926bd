import { isIPv4, isIPv6 } from 'node:net';

/**
 * Where a sign-in comes from, as the lockout counts it: an IPv4 address, or the /64 network of an
 * IPv6 one (one subscriber's line or one host's allocation, whose 2^64 addresses cost an attacker
 * nothing to rotate through). An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is that IPv4.
 */
export function loginSource(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names an interface, not a source
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  return `${hextetsOf(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, lower-case, without leading zeros. */
function hextetsOf(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap(groupsOfPart) : []);
  const front = groups(head);
  const back = groups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].map((g) => parseInt(g, 16).toString(16));
}

/** A group, or an embedded IPv4 address at the end (`64:ff9b::192.0.2.1`) as its two groups. */
function groupsOfPart(part: string): string[] {
  if (!part.includes('.')) return [part];
  const [a, b, c, d] = part.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
