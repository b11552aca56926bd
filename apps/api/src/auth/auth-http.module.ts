import { IdentityModule, loginSource } from '@lib/identity';
import { Environment } from '@lib/kernel';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { MeController } from './me.controller';
import { SharedRateLimitStorage } from './rate-limit-storage';

/**
 * The per-account limit counts an account's attempts from one source (`loginSource`, as the
 * lockout does): counted for the account alone, eleven requests a minute from anywhere would keep
 * its owner out everywhere. The per-address limit bounds a source across accounts.
 */
const accountOf = (request: Record<string, unknown>): string => {
  const email = (request as unknown as FastifyRequest<{ Body: { email?: unknown } }>).body?.email;
  const source = loginSource(String(request.ip));
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}|${source}` : `ip:${source}`;
};

/**
 * Authentication for the whole API: the global guards (token, then role), the passport
 * strategies, and the auth and /me routes. Rate limits are counted in Redis, shared by every API
 * process (in this process alone while Redis is down; see docs/DECISIONS.md).
 */
@Module({
  imports: [
    IdentityModule,
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        throttlers: [
          { name: 'ip', ttl: 60_000, limit: 20 },
          { name: 'account', ttl: 60_000, limit: 10, getTracker: accountOf },
        ],
        storage: new SharedRateLimitStorage(
          config.get('REDIS_URL', { infer: true }),
          config.get('RATE_LIMIT_PREFIX', { infer: true }),
        ),
      }),
    }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    JwtStrategy,
    LocalStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [IdentityModule],
})
export class AuthHttpModule {}
