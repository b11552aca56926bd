import { AccessClaims, Actor, JWT_AUDIENCE, JWT_ISSUER, jwtVerificationKey, Role, scopeOf, User } from '@lib/identity';
import { Environment } from '@lib/kernel';
import { ApiError, ApiErrorCode } from '../http/api.errors';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Repository } from 'typeorm';

export const invalidAccessToken = () =>
  new ApiError(
    'unauthenticated',
    ApiErrorCode.InvalidAccessToken,
    'Log in: the access token is missing, expired or invalid',
  );

/**
 * Verifies the bearer token (HS256 only, our issuer and audience), then reloads the user, so a
 * deactivated user or a changed role takes effect on the next request, not in 15 minutes.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<Environment, true>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject (passport-jwt's types say string | Buffer).
      secretOrKey: jwtVerificationKey(config) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      passReqToCallback: true,
    });
  }

  async validate(request: FastifyRequest, claims: AccessClaims): Promise<Actor> {
    const user =
      typeof claims.sub === 'string' && /^[0-9a-f-]{36}$/i.test(claims.sub)
        ? await this.users.findOneBy({ id: claims.sub })
        : null;
    if (!user || !user.active) throw invalidAccessToken();
    // Ended by a password reset, deactivation or role change after this token was issued.
    if (user.sessionsValidAfter && (claims.iat ?? 0) * 1000 < user.sessionsValidAfter.getTime())
      throw invalidAccessToken();
    return {
      userId: user.id,
      role: user.role as Role,
      centerId: user.centerId,
      clientId: user.clientId,
      scope: scopeOf(user),
      requestId: request.id,
      ip: request.ip,
    };
  }
}
