import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Environment } from '@lib/kernel';
import { ConfigService } from '@nestjs/config';
import { hash, verify, Algorithm } from '@node-rs/argon2';

/** The signing secret; processes that issue or check tokens require it at start-up. */
export function jwtSecretOf(config: ConfigService<Environment, true>): string {
  const secret = config.get('JWT_SECRET', { infer: true });
  if (!secret) throw new Error('JWT_SECRET is required by this process: add it to the required settings');
  return secret;
}

/**
 * A key for one purpose, derived from the server secret (HKDF-SHA256): what it keys cannot be
 * computed without the secret, and no two purposes share a key (nor share the JWT signing key).
 */
export function derivedKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'img-pathways', purpose, 32));
}

/**
 * HMAC-SHA256 of an e-mail address as typed, trimmed and lower-cased: the same address always gives
 * the same value, so attempts correlate, but only the key's holder can test an address against it.
 */
export function emailFingerprint(key: Buffer, email: string): string {
  return createHmac('sha256', key).update(email.trim().toLowerCase(), 'utf8').digest('hex');
}

/** A token a person or client holds: 256 random bits, URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy tokens are stored as SHA-256: fast to look up, useless if the table leaks. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended minimum.
const ARGON2 = { algorithm: Algorithm.Argon2id } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing anyone knows: verifying against it costs what a real check costs. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(newOpaqueToken());
  await verifyPassword(await decoy, password);
  return false;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The password policy; returns what is wrong, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lowered = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (lowered === address || lowered === address.split('@')[0]) return 'password must not be the e-mail address';
  return null;
}
