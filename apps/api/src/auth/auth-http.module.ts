import { IdentityModule, User } from '@lib/identity';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { AuthController } from './auth.controller';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { MeController } from './me.controller';

const accountOf = (request: Record<string, unknown>): string => {
  const email = (request as unknown as FastifyRequest<{ Body: { email?: unknown } }>).body?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `ip:${String(request.ip)}`;
};

/**
 * Authentication for the whole API: the global guards (token, then role), the passport
 * strategies, and the auth and /me routes. Rate limits count per process (see docs/DECISIONS.md).
 */
@Module({
  imports: [
    IdentityModule,
    PassportModule,
    TypeOrmModule.forFeature([User]),
    ThrottlerModule.forRoot({
      throttlers: [
        { name: 'ip', ttl: 60_000, limit: 20 },
        { name: 'account', ttl: 60_000, limit: 10, getTracker: accountOf },
      ],
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
