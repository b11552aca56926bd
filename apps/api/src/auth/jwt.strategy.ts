import { AccessClaims, actorOf, Actor, AuthService, JWT_AUDIENCE, JWT_ISSUER, jwtVerificationKey } from '@lib/identity';
import { Environment } from '@lib/kernel';
import { ApiError, ApiErrorCode } from '../http/api.errors';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';

export const invalidAccessToken = () =>
  new ApiError(
    'unauthenticated',
    ApiErrorCode.InvalidAccessToken,
    'Log in: the access token is missing, expired or invalid',
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * Verifies the bearer token (HS256 only, our issuer and audience), then reloads the user together
 * with the token's session, so a deactivation, a changed role, a logout or any other end of the
 * session takes effect on the next request, on every API process, not in 15 minutes.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<Environment, true>,
    private readonly auth: AuthService,
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
    // A token without a session (issued before sessions were named) cannot be ended: refused.
    const user =
      isUuid(claims.sub) && isUuid(claims.sid) ? await this.auth.userOfSession(claims.sub, claims.sid) : null;
    if (!user) throw invalidAccessToken();
    return actorOf(user, { requestId: request.id, ip: request.ip });
  }
}
